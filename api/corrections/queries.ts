import type { ExceptionStatus, ExceptionType, GarageException, Refund, RefundReason } from '../../shared/corrections.js';
import type { PaymentMethod } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/** A refund as recorded, with its amount as a number of cents. */
export async function insertRefund(
  sql: Db,
  r: {
    garageId: number;
    ticketId: number;
    amountCents: number;
    method: PaymentMethod;
    reason: RefundReason;
    note: string | null;
    at: Date;
    by: string;
    approvedBy: string;
    exceptionId: number | null;
  },
): Promise<Refund | null> {
  // the ticket's refunded total grows in the same statement, only while it stays within what was paid
  const [row] = await sql<(Omit<Refund, 'amountCents' | 'refundedAt'> & { amountCents: string; refundedAt: Date })[]>`
    with ticket as (
      update tickets set refunded_cents = refunded_cents + ${r.amountCents}
      where id = ${r.ticketId} and garage_id = ${r.garageId} and status = 'completed' and refunded_cents + ${r.amountCents} <= amount_paid
      returning id, ticket_number
    )
    insert into refunds (garage_id, ticket_id, amount_cents, method, reason, note, refunded_at, refunded_by, approved_by, exception_id)
    select ${r.garageId}, id, ${r.amountCents}, ${r.method}, ${r.reason}, ${r.note}, ${r.at}, ${r.by}, ${r.approvedBy}, ${r.exceptionId} from ticket
    returning id::int, (select ticket_number from ticket) as ticket_number, amount_cents, method, reason, note, refunded_at, refunded_by, approved_by
  `;
  return row ? { ...row, amountCents: parseCents(row.amountCents), refundedAt: row.refundedAt.toISOString() } : null;
}

/** Records a correction of a ticket's plate or vehicle type (counted in the books). */
export async function insertCorrection(
  sql: Db,
  c: { garageId: number; ticketId: number; at: Date; by: string; before: Record<string, unknown>; after: Record<string, unknown> },
): Promise<void> {
  await sql`
    insert into corrections (garage_id, ticket_id, corrected_at, corrected_by, before, after)
    values (${c.garageId}, ${c.ticketId}, ${c.at}, ${c.by}, ${sql.json(c.before as never)}, ${sql.json(c.after as never)})`;
}

/** Changes an active ticket's plate and/or vehicle type; null when it is not active. Throws 23505 when the plate is inside on another ticket. */
export async function updateTicketIdentity(
  sql: Db,
  id: number,
  u: { licensePlate?: string | undefined; plateNormalized?: string | undefined; vehicleType?: string | undefined },
): Promise<boolean> {
  const rows = await sql`
    update tickets set
      license_plate = coalesce(${u.licensePlate ?? null}::text, license_plate),
      plate_normalized = coalesce(${u.plateNormalized ?? null}::text, plate_normalized),
      vehicle_type = coalesce(${u.vehicleType ?? null}::text, vehicle_type)
    where id = ${id} and status = 'active'
    returning id`;
  return rows.length > 0;
}

/** What a request asks for, kept with it so an approval carries out exactly that. */
export type ExceptionRequest =
  | { type: 'void'; reason: string; note: string | null }
  | { type: 'refund'; amountCents: number; reason: RefundReason; note: string | null; method: PaymentMethod }
  | { type: 'lost_ticket_waiver'; paymentMethod: PaymentMethod; exitTime: string };

/** An exception row, with the request it carries and where Slack shows it. */
export type ExceptionRow = Omit<GarageException, 'requestedByName' | 'decidedByName' | 'requestedAt' | 'expiresAt' | 'decidedAt' | 'amountCents'> & {
  ticketId: number;
  amountCents: number;
  request: ExceptionRequest;
  requestedVia: string;
  requestedAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  slackChannel: string | null;
  slackTs: string | null;
};

const exceptionColumns = (sql: Db) => sql`
  e.id, e.garage_id, e.type, e.ticket_id, t.ticket_number, t.license_plate, e.amount_cents, e.reason, e.note, e.request,
  e.requested_by, e.requested_via, e.requested_at, e.expires_at, e.status, e.decided_by, e.decided_at, e.decision_note,
  e.slack_channel, e.slack_ts`;

type StoredException = Omit<ExceptionRow, 'amountCents'> & { amountCents: string };
const toException = (r: StoredException): ExceptionRow => ({ ...r, amountCents: parseCents(r.amountCents) });

/**
 * Files a request for a manager; when one of this kind already waits for this ticket, gives that
 * one instead (asking twice is one request). `created` says which.
 */
export async function insertException(
  sql: Db,
  e: { garageId: number; type: ExceptionType; ticketId: number; amountCents: number; reason: string; note: string | null; request: ExceptionRequest; by: string; via: string; at: Date; expiresAt: Date },
): Promise<{ exception: ExceptionRow; created: boolean }> {
  const [inserted] = await sql<{ id: number }[]>`
    insert into exceptions (garage_id, type, ticket_id, amount_cents, reason, note, request, requested_by, requested_via, requested_at, expires_at)
    values (${e.garageId}, ${e.type}, ${e.ticketId}, ${e.amountCents}, ${e.reason}, ${e.note}, ${sql.json(e.request as never)}, ${e.by}, ${e.via}, ${e.at}, ${e.expiresAt})
    on conflict (ticket_id, type) where status = 'pending' do nothing
    returning id`;
  if (inserted) return { exception: (await loadException(sql, inserted.id))!, created: true };
  const [waiting] = await sql<{ id: number }[]>`select id from exceptions where ticket_id = ${e.ticketId} and type = ${e.type} and status = 'pending'`;
  if (!waiting) throw new Error('a pending exception was neither inserted nor found');
  return { exception: (await loadException(sql, waiting.id))!, created: false };
}

/** An exception by id (of any garage: the caller checks the user may use its garage). */
export async function loadException(sql: Db, id: number, options: { lock?: boolean } = {}): Promise<ExceptionRow | null> {
  const [row] = await sql<StoredException[]>`
    select ${exceptionColumns(sql)} from exceptions e join tickets t on t.id = e.ticket_id where e.id = ${id}
    ${options.lock ? sql`for update of e` : sql``}`;
  return row ? toException(row) : null;
}

/**
 * A garage's exceptions, newest first, keyset-paged by id. A pending one past its expiry is expired
 * as of `now`, whether or not housekeeping has marked it yet: `pending` and `expired` are decided here.
 */
export async function listExceptions(
  sql: Db,
  garageId: number,
  q: { status?: ExceptionStatus | undefined; before?: number | undefined; limit: number },
  now: Date,
): Promise<ExceptionRow[]> {
  const byStatus =
    q.status === 'pending'
      ? sql`and e.status = 'pending' and e.expires_at > ${now}`
      : q.status === 'expired'
        ? sql`and (e.status = 'expired' or (e.status = 'pending' and e.expires_at <= ${now}))`
        : q.status
          ? sql`and e.status = ${q.status}`
          : sql``;
  const rows = await sql<StoredException[]>`
    select ${exceptionColumns(sql)} from exceptions e join tickets t on t.id = e.ticket_id
    where e.garage_id = ${garageId} ${byStatus}
      ${q.before ? sql`and e.id < ${q.before}` : sql``}
    order by e.id desc
    limit ${q.limit}`;
  return rows.map(toException);
}

/** Records the decision on a pending exception; false when it was no longer pending. */
export async function decideExceptionRow(sql: Db, id: number, d: { status: 'approved' | 'denied' | 'expired'; by: string; at: Date; note: string | null }): Promise<boolean> {
  const rows = await sql`
    update exceptions set status = ${d.status}, decided_by = ${d.by}, decided_at = ${d.at}, decision_note = ${d.note}
    where id = ${id} and status = 'pending'
    returning id`;
  return rows.length > 0;
}

/** Marks every pending exception past its expiry as expired (at its expiry); their ids. */
export async function expireDueExceptions(sql: Db, now: Date): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    update exceptions set status = 'expired', decided_by = 'system', decided_at = expires_at
    where status = 'pending' and expires_at <= ${now}
    returning id`;
  return rows.map((r) => r.id);
}

/** Remembers where Slack shows an exception (so its message can be replaced by the decision). */
export async function saveExceptionMessage(sql: Db, id: number, m: { channel: string; ts: string }): Promise<void> {
  await sql`update exceptions set slack_channel = ${m.channel}, slack_ts = ${m.ts} where id = ${id}`;
}

/** The names people know actors by: `user:<id>` -> username; Slack users stay as they are. */
export async function actorNames(sql: Db, actors: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => Number(a.slice(5))))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const u of await sql<{ id: number; username: string }[]>`select id, username from users where id = any(${ids}::int[])`) names.set(`user:${u.id}`, u.username);
  }
  for (const a of actors) if (!names.has(a)) names.set(a, a.startsWith('slack:') ? `Slack user ${a.slice(6)}` : a);
  return names;
}
