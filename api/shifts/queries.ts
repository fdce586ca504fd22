import type { Movement, MovementKind } from '../../shared/shifts.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/** A shift as stored. */
export type ShiftRow = {
  id: number;
  garageId: number;
  userId: number;
  username: string;
  status: 'open' | 'closed' | 'unclosed';
  openedAt: Date;
  openingFloatCents: number;
  closedAt: Date | null;
  declaredCashCents: number | null;
  expectedCashCents: number | null;
  varianceCents: number | null;
  closeNote: string | null;
  reconciledBy: string | null;
  reconciledAt: Date | null;
  reconcileNote: string | null;
};

type Stored = Omit<ShiftRow, 'openingFloatCents' | 'declaredCashCents' | 'expectedCashCents' | 'varianceCents'> & {
  openingFloatCents: string;
  declaredCashCents: string | null;
  expectedCashCents: string | null;
  varianceCents: string | null;
};

const signed = (v: string | null) => (v === null ? null : Number(BigInt(v))); // a variance may be negative
const toShift = (r: Stored): ShiftRow => ({
  ...r,
  openingFloatCents: parseCents(r.openingFloatCents),
  declaredCashCents: r.declaredCashCents === null ? null : parseCents(r.declaredCashCents),
  expectedCashCents: signed(r.expectedCashCents),
  varianceCents: signed(r.varianceCents),
});

const shiftColumns = (sql: Db) => sql`
  s.id, s.garage_id, s.user_id, u.username, s.status, s.opened_at, s.opening_float_cents, s.closed_at,
  s.declared_cash_cents, s.expected_cash_cents, s.variance_cents, s.close_note, s.reconciled_by, s.reconciled_at, s.reconcile_note`;

/** Opens a shift; null when the user already has one open in this garage. */
export async function insertShift(sql: Db, s: { garageId: number; userId: number; at: Date; floatCents: number }): Promise<number | null> {
  const [row] = await sql<{ id: number }[]>`
    insert into shifts (garage_id, user_id, opened_at, opening_float_cents) values (${s.garageId}, ${s.userId}, ${s.at}, ${s.floatCents})
    on conflict (garage_id, user_id) where status = 'open' do nothing
    returning id`;
  return row?.id ?? null;
}

/** A shift by id (any garage: the caller checks who may see it); `lock` for a change. */
export async function loadShift(sql: Db, id: number, options: { lock?: boolean } = {}): Promise<ShiftRow | null> {
  const [row] = await sql<Stored[]>`
    select ${shiftColumns(sql)} from shifts s join users u on u.id = s.user_id where s.id = ${id}
    ${options.lock ? sql`for update of s` : sql``}`;
  return row ? toShift(row) : null;
}

/** A user's open shift in a garage. */
export async function loadOpenShift(sql: Db, garageId: number, userId: number): Promise<ShiftRow | null> {
  const [row] = await sql<Stored[]>`
    select ${shiftColumns(sql)} from shifts s join users u on u.id = s.user_id
    where s.garage_id = ${garageId} and s.user_id = ${userId} and s.status = 'open'`;
  return row ? toShift(row) : null;
}

/** A garage's shifts, newest first, keyset-paged. */
export async function listShifts(sql: Db, garageId: number, q: { status?: ShiftRow['status'] | undefined; before?: number | undefined; limit: number }): Promise<ShiftRow[]> {
  const rows = await sql<Stored[]>`
    select ${shiftColumns(sql)} from shifts s join users u on u.id = s.user_id
    where s.garage_id = ${garageId}
      ${q.status ? sql`and s.status = ${q.status}` : sql``}
      ${q.before ? sql`and s.id < ${q.before}` : sql``}
    order by s.id desc limit ${q.limit}`;
  return rows.map(toShift);
}

/** A garage's shifts opened in [start, end), in time order, at most `limit`. */
export async function listShiftsOpenedBetween(sql: Db, garageId: number, start: Date, end: Date, limit: number): Promise<ShiftRow[]> {
  const rows = await sql<Stored[]>`
    select ${shiftColumns(sql)} from shifts s join users u on u.id = s.user_id
    where s.garage_id = ${garageId} and s.opened_at >= ${start} and s.opened_at < ${end}
    order by s.opened_at, s.id
    limit ${limit}`;
  return rows.map(toShift);
}

/** What a shift's window holds: its holder's entries, exits by method, refunds, voids, lost tickets, movements. */
export type ShiftFigures = {
  entries: number;
  exits: number;
  cashTakenCents: number;
  cardCents: number;
  mobileCents: number;
  cashRefundedCents: number;
  refunds: number;
  voids: number;
  lostTickets: number;
  drops: number;
  payouts: number;
  floatAdds: number;
};

/**
 * The figures of a shift's window [opened_at, closed_at) — while it is open, to `until` (its close
 * being made), else with no end — counted from what its holder did in its garage: as `user:<id>`,
 * or as their linked Slack user. A payment or refund belongs to the shift open when it happened
 * (offline ones by their time); one at the very instant of a close belongs to the next window.
 */
export async function countShiftFigures(sql: Db, shiftId: number, until?: Date): Promise<ShiftFigures> {
  const [row] = await sql<Record<keyof ShiftFigures, string>[]>`
    with s as (select id, garage_id, user_id, opened_at, coalesce(closed_at, ${until ?? null}::timestamptz) as closed_at from shifts where id = ${shiftId}),
    actors as (
      select 'user:' || s.user_id as actor from s
      union all
      select 'slack:' || u.slack_user_id from s join users u on u.id = s.user_id where u.slack_user_id is not null
    ),
    paid as (
      select t.amount_paid, t.payment_method, t.lost_ticket from tickets t, s
      where t.garage_id = s.garage_id and t.status = 'completed' and t.exited_by in (select actor from actors)
        and t.exit_time >= s.opened_at and (s.closed_at is null or t.exit_time < s.closed_at)
    ),
    given_back as (
      select r.amount_cents, r.method from refunds r, s
      where r.garage_id = s.garage_id and r.refunded_by in (select actor from actors)
        and r.refunded_at >= s.opened_at and (s.closed_at is null or r.refunded_at < s.closed_at)
    ),
    moved as (select m.kind, m.amount_cents from shift_movements m where m.shift_id = ${shiftId})
    select
      (select count(*) from tickets t, s where t.garage_id = s.garage_id and t.entered_by in (select actor from actors)
        and t.entry_time >= s.opened_at and (s.closed_at is null or t.entry_time < s.closed_at))::text as entries,
      (select count(*) from paid)::text as exits,
      (select coalesce(sum(amount_paid), 0) from paid where payment_method = 'Cash')::text as cash_taken_cents,
      (select coalesce(sum(amount_paid), 0) from paid where payment_method in ('Credit Card', 'Debit Card'))::text as card_cents,
      (select coalesce(sum(amount_paid), 0) from paid where payment_method = 'Mobile')::text as mobile_cents,
      (select coalesce(sum(amount_cents), 0) from given_back where method = 'Cash')::text as cash_refunded_cents,
      (select count(*) from given_back)::text as refunds,
      (select count(*) from tickets t, s where t.garage_id = s.garage_id and t.status = 'voided' and t.voided_by in (select actor from actors)
        and t.exit_time >= s.opened_at and (s.closed_at is null or t.exit_time < s.closed_at))::text as voids,
      (select count(*) from paid where lost_ticket)::text as lost_tickets,
      (select coalesce(sum(amount_cents), 0) from moved where kind = 'drop')::text as drops,
      (select coalesce(sum(amount_cents), 0) from moved where kind = 'payout')::text as payouts,
      (select coalesce(sum(amount_cents), 0) from moved where kind = 'float_add')::text as float_adds`;
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, parseCents(v)])) as ShiftFigures;
}

/** A shift's movements, in time order. */
export async function listMovements(sql: Db, shiftId: number): Promise<Movement[]> {
  const rows = await sql<(Omit<Movement, 'amountCents' | 'at' | 'by'> & { amountCents: string; at: Date; byActor: string })[]>`
    select id::int, kind, amount_cents, reason, at, by_actor from shift_movements where shift_id = ${shiftId} order by at, id`;
  return rows.map((r) => ({ id: r.id, kind: r.kind, amountCents: parseCents(r.amountCents), reason: r.reason, at: r.at.toISOString(), by: r.byActor }));
}

/** Records a drop, payout or float addition. */
export async function insertMovement(sql: Db, m: { garageId: number; shiftId: number; kind: MovementKind; amountCents: number; reason: string; at: Date; by: string }): Promise<void> {
  await sql`
    insert into shift_movements (garage_id, shift_id, kind, amount_cents, reason, at, by_actor)
    values (${m.garageId}, ${m.shiftId}, ${m.kind}, ${m.amountCents}, ${m.reason}, ${m.at}, ${m.by})`;
}

/** Ends an open shift: closed with its count, or unclosed by the server; false when it was not open. */
export async function endShiftRow(
  sql: Db,
  id: number,
  e: { status: 'closed' | 'unclosed'; at: Date; by: string; declaredCents: number | null; expectedCents: number; varianceCents: number | null; note: string | null },
): Promise<boolean> {
  const rows = await sql`
    update shifts set status = ${e.status}, closed_at = ${e.at}, closed_by = ${e.by}, declared_cash_cents = ${e.declaredCents},
      expected_cash_cents = ${e.expectedCents}, variance_cents = ${e.varianceCents}, close_note = ${e.note}
    where id = ${id} and status = 'open' returning id`;
  return rows.length > 0;
}

/** Marks an ended shift reconciled by a manager; false when it is open or already reconciled. */
export async function reconcileShiftRow(sql: Db, id: number, r: { by: string; at: Date; note: string }): Promise<boolean> {
  const rows = await sql`
    update shifts set reconciled_by = ${r.by}, reconciled_at = ${r.at}, reconcile_note = ${r.note}
    where id = ${id} and status <> 'open' and reconciled_at is null returning id`;
  return rows.length > 0;
}

/**
 * The ended shifts no manager has reconciled that the minute's alert check reads (index
 * shifts_unreconciled): those ended since `since` that need a manager — unclosed, or a variance
 * beyond their garage's cash_variance_alert_cents — and, however old, those whose cash_variance
 * episode is open (it goes on until they are reconciled).
 */
export async function listShiftsAwaitingManager(sql: Db, since: Date): Promise<ShiftRow[]> {
  const rows = await sql<Stored[]>`
    select ${shiftColumns(sql)} from shifts s join users u on u.id = s.user_id join garages g on g.id = s.garage_id
    where s.status <> 'open' and s.reconciled_at is null
      and (
        (s.closed_at >= ${since} and (s.status = 'unclosed' or abs(s.variance_cents) > g.cash_variance_alert_cents))
        or exists (select 1 from alert_episodes e where e.garage_id = s.garage_id and e.kind = 'cash_variance' and e.subject = s.id::text and e.cleared_at is null)
      )
    order by s.id`;
  return rows.map(toShift);
}

/** Open shifts older than `before` (left open 24 hours), oldest first. */
export async function shiftsLeftOpen(sql: Db, before: Date): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`select id from shifts where status = 'open' and opened_at <= ${before} order by opened_at limit 100`;
  return rows.map((r) => r.id);
}

/** Whether this actor (a user, or a Slack user linked to one) has a shift in the garage open at `at`. */
export async function hasShiftOpenAt(sql: Db, garageId: number, actor: string, at: Date): Promise<boolean> {
  const [row] = await sql<{ open: boolean }[]>`
    select exists (
      select 1 from shifts s join users u on u.id = s.user_id
      where s.garage_id = ${garageId} and (('user:' || u.id) = ${actor} or ('slack:' || u.slack_user_id) = ${actor})
        and s.opened_at <= ${at} and (s.closed_at is null or s.closed_at > ${at})
    ) as open`;
  return row!.open;
}

/** A garage's shifts ended in a period: how many, how many the server closed unclosed, and the signed sum of the counted ones' variances. */
export type ShiftsClosed = { closed: number; unclosed: number; counted: number; varianceCents: number };

/**
 * The shifts of a garage that ended in [start, end) — closed with a count, or closed by the server
 * as unclosed (at their 24th hour) — with the signed sum of the variances of the counted ones.
 */
export async function sumShiftsClosedBetween(sql: Db, garageId: number, start: Date, end: Date): Promise<ShiftsClosed> {
  const [row] = await sql<{ closed: number; unclosed: number; counted: number; varianceCents: string }[]>`
    select
      count(*)::int as closed,
      count(*) filter (where status = 'unclosed')::int as unclosed,
      count(variance_cents)::int as counted,
      coalesce(sum(variance_cents), 0)::text as variance_cents
    from shifts
    where garage_id = ${garageId} and status <> 'open' and closed_at >= ${start} and closed_at < ${end}`;
  return { closed: row!.closed, unclosed: row!.unclosed, counted: row!.counted, varianceCents: signed(row!.varianceCents)! };
}
