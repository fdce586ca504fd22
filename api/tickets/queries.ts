import type { LostTicketRule } from '../../shared/fee.js';
import type { FeeBreakdown, PaymentMethod, VehicleType } from '../../shared/tickets.js';
import type { StoredPlan } from '../rates/queries.js';
import { rebalancePermitHolds } from '../reservations/queries.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/** A ticket as stored. */
export type TicketRow = {
  id: number;
  ticketNumber: string;
  licensePlate: string;
  vehicleType: VehicleType;
  entryTime: Date;
  exitTime: Date | null;
  durationMinutes: number | null;
  amountPaid: number | null;
  status: 'active' | 'completed' | 'voided';
  paymentMethod: PaymentMethod | null;
  hourlyRate: number;
  graceMinutes: number;
  dailyMaxCents: number | null;
  feeBreakdown: FeeBreakdown | null;
  /** The last time the server handed the ticket out as active (entry, lookup, search); null on old completed tickets. */
  lastSeenActiveAt: Date | null;
  garageId: number;
  refundedCents: number;
  lostTicket: boolean;
  voidedBy: string | null;
  voidReason: string | null;
  voidNote: string | null;
  /** The rate plan version in force at its entry (null: the plain tariff above), and that plan. */
  ratePlanVersion: number | null;
  ratePlan: StoredPlan | null;
  kind: 'transient' | 'permit' | 'reservation';
  /** Permit tickets: the permit, valid until `validTo` (its end, or when it was suspended or cancelled). */
  permit: { id: number; holder: string; validTo: string } | null;
  /** Reserved cars: the reservation they came in on. */
  reservation: { id: number; startsAt: string; endsAt: string; prepaidCents: number } | null;
};

/** A ticket as PostgreSQL sends it: amount_paid and refunded_cents are bigints, so text. */
type StoredTicket = Omit<TicketRow, 'amountPaid' | 'refundedCents'> & { amountPaid: string | null; refundedCents: string };

const columns = (sql: Db) => sql`
  id, ticket_number, license_plate, vehicle_type, entry_time, exit_time, duration_minutes,
  amount_paid, status, payment_method, hourly_rate, grace_minutes, daily_max_cents, fee_breakdown,
  last_seen_active_at, garage_id, refunded_cents, lost_ticket, voided_by, void_reason, void_note, rate_plan_version,
  (select rp.plan from rate_plans rp where rp.garage_id = tickets.garage_id and rp.version = tickets.rate_plan_version) as rate_plan,
  kind,
  (select json_build_object('id', p.id, 'holder', p.holder, 'validTo', ${isoOf(sql, sql`case when p.status = 'active' then p.valid_to else least(p.valid_to, p.updated_at) end`)})
    from permits p where p.id = tickets.permit_id) as permit,
  (select json_build_object('id', r.id, 'startsAt', ${isoOf(sql, sql`r.starts_at`)}, 'endsAt', ${isoOf(sql, sql`r.ends_at`)}, 'prepaidCents', r.prepaid_cents)
    from reservations r where r.id = tickets.reservation_id) as reservation
`;

/** A timestamptz as ISO-8601 UTC text (`2026-11-23T14:05:00.000Z`), for JSON built in SQL. */
const isoOf = (sql: Db, expression: ReturnType<Db>) => sql`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A stored ticket with its amount as a number of cents. */
export const toRow = (r: StoredTicket): TicketRow => ({
  ...r,
  amountPaid: r.amountPaid === null ? null : parseCents(r.amountPaid),
  refundedCents: parseCents(r.refundedCents),
});

/** The garage as an entry reads it: its tariff (copied onto the ticket) and where it is. */
export type GarageAtEntry = { totalSpaces: number; timezone: string; hourlyRate: number; graceMinutes: number; dailyMaxCents: number | null };

/** What one entry statement did: the garage, whether the plate was already inside, the space it found, and its ticket. */
export type EntryAttempt = {
  garage: GarageAtEntry | null;
  /** The active ticket the plate already holds (then no space was claimed). */
  activeTicketNumber: string | null;
  /** The free space claimed for the car; null when there was none (full, or all free ones being claimed right now). */
  spaceNumber: number | null;
  /** The new ticket; null when no space was free, the plate is inside, or the number was taken. */
  ticket: TicketRow | null;
};

/**
 * One entry in one statement — the capacity rule without a queue: unless the plate already holds
 * an active ticket, it claims the lowest free open space of the garage with `for update skip
 * locked` (concurrent entries each take another space instead of waiting for each other, and the
 * cost is the same with 10 or 10,000 cars inside), inserts the ticket on it with the garage's tariff
 * and marks the space taken by it. A plate that came in meanwhile (the one-active-ticket-per-plate
 * unique index) or a taken number inserts nothing and leaves the space free at rollback.
 * With `wait`, it waits for spaces other entries are claiming right now instead of skipping them
 * (for when every free space was being claimed: whether the garage is really full is then decided
 * by those entries' outcome).
 */
export async function enterOnFreeSpace(
  sql: Db,
  t: { garageId: number; ticketNumber: string; licensePlate: string; plateNormalized: string; vehicleType: VehicleType; entryTime: Date; enteredBy: string },
  mode: { wait: boolean } = { wait: false },
): Promise<EntryAttempt> {
  const lockMode = mode.wait ? sql`` : sql`skip locked`;
  const [row] = await sql<(StoredTicket & { garageTotalSpaces: number; garageTimezone: string; garageHourlyRate: number; garageGraceMinutes: number; garageDailyMaxCents: number | null; activeTicketNumber: string | null; claimedSpace: number | null })[]>`
    with garage as (
      select id, total_spaces, timezone, hourly_rate, grace_minutes, daily_max_cents, rate_plan_version, reservation_grace_minutes,
        coalesce((
          select (rp.plan->'vehicleRates'->>${t.vehicleType})::integer from rate_plans rp
          where rp.garage_id = garages.id and rp.version = garages.rate_plan_version
        ), hourly_rate) as vehicle_rate
      from garages where id = ${t.garageId}
    ), inside as (
      select ticket_number from tickets
      where garage_id = ${t.garageId} and plate_normalized = ${t.plateNormalized} and status = 'active'
    ), permit as (
      select id from permits
      where garage_id = ${t.garageId} and plates @> array[${t.plateNormalized}]::text[] and status = 'active'
        and valid_from <= ${t.entryTime} and ${t.entryTime} < valid_to
      order by valid_to desc
      limit 1
    ), booking as (
      select r.id from reservations r, garage g
      where r.garage_id = ${t.garageId} and r.plate_normalized = ${t.plateNormalized} and r.status = 'confirmed'
        and r.starts_at - make_interval(mins => g.reservation_grace_minutes) <= ${t.entryTime} and ${t.entryTime} < r.ends_at
      order by r.starts_at
      limit 1
      -- the reservation's row before its space, as a cancellation or a no-show release takes them
      -- (no deadlock); a cancellation in flight is waited for, and then there is no booking to redeem
      for update of r
    ), booked_space as (
      select number from spaces
      where garage_id = ${t.garageId} and reservation_id = (select id from booking) and ticket_id is null and not exists (select 1 from inside)
      limit 1
      for update ${lockMode}
    ), permit_space as (
      select number from spaces
      where garage_id = ${t.garageId} and held_for = 'permit' and ticket_id is null
        and exists (select 1 from permit) and not exists (select 1 from booking) and not exists (select 1 from inside)
      order by number
      limit 1
      for update ${lockMode}
    ), free_space as (
      select number from spaces
      where garage_id = ${t.garageId} and open and ticket_id is null and held_for is null
        and not exists (select 1 from booking) and not exists (select 1 from inside)
      order by number
      limit 1
      for update ${lockMode}
    ), space as (
      -- a booked car takes the space held for it; a permit car one held for permits, else a free
      -- one; anyone else a free space that is not held. A WITH query runs only as far as it is read,
      -- so the later branches run only when the earlier found nothing.
      select number from booked_space
      union all select number from permit_space
      union all select number from free_space
      limit 1
    ), ticket as (
      insert into tickets (
        garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time,
        hourly_rate, grace_minutes, daily_max_cents, last_seen_active_at, space_number, entered_by, rate_plan_version,
        kind, permit_id, reservation_id
      )
      select g.id, ${t.ticketNumber}, ${t.licensePlate}, ${t.plateNormalized}, ${t.vehicleType}, ${t.entryTime},
        g.vehicle_rate, g.grace_minutes, g.daily_max_cents, ${t.entryTime}, s.number, ${t.enteredBy}, g.rate_plan_version,
        case when exists (select 1 from booking) then 'reservation' when exists (select 1 from permit) then 'permit' else 'transient' end,
        case when exists (select 1 from booking) then null else (select id from permit) end,
        (select id from booking)
      from garage g, space s
      on conflict do nothing
      returning ${columns(sql)}, space_number, reservation_id
    ), taken as (
      update spaces set ticket_id = ticket.id, held_for = null, reservation_id = null from ticket
      where spaces.garage_id = ${t.garageId} and spaces.number = ticket.space_number
    ), arrived as (
      update reservations set status = 'arrived', ticket_id = ticket.id, ended_at = ${t.entryTime}, ended_by = ${t.enteredBy}
      from ticket where reservations.id = ticket.reservation_id and reservations.status = 'confirmed'
    )
    select g.total_spaces as garage_total_spaces, g.timezone as garage_timezone, g.hourly_rate as garage_hourly_rate,
      g.grace_minutes as garage_grace_minutes, g.daily_max_cents as garage_daily_max_cents,
      (select ticket_number from inside) as active_ticket_number,
      (select number from space) as claimed_space,
      ticket.*
    from garage g left join ticket on true
  `;
  if (!row) return { garage: null, activeTicketNumber: null, spaceNumber: null, ticket: null };
  const garage: GarageAtEntry = {
    totalSpaces: row.garageTotalSpaces,
    timezone: row.garageTimezone,
    hourlyRate: row.garageHourlyRate,
    graceMinutes: row.garageGraceMinutes,
    dailyMaxCents: row.garageDailyMaxCents,
  };
  const ticket = row.id === null ? null : toRow(pickTicket(row));
  return { garage, activeTicketNumber: row.activeTicketNumber, spaceNumber: row.claimedSpace, ticket };
}

/** The ticket's own columns of a row that carries more. */
function pickTicket(row: StoredTicket): StoredTicket {
  return {
    id: row.id,
    ticketNumber: row.ticketNumber,
    licensePlate: row.licensePlate,
    vehicleType: row.vehicleType,
    entryTime: row.entryTime,
    exitTime: row.exitTime,
    durationMinutes: row.durationMinutes,
    amountPaid: row.amountPaid,
    status: row.status,
    paymentMethod: row.paymentMethod,
    hourlyRate: row.hourlyRate,
    graceMinutes: row.graceMinutes,
    dailyMaxCents: row.dailyMaxCents,
    feeBreakdown: row.feeBreakdown,
    lastSeenActiveAt: row.lastSeenActiveAt,
    garageId: row.garageId,
    refundedCents: row.refundedCents,
    lostTicket: row.lostTicket,
    voidedBy: row.voidedBy,
    voidReason: row.voidReason,
    voidNote: row.voidNote,
    ratePlanVersion: row.ratePlanVersion,
    ratePlan: row.ratePlan,
    kind: row.kind,
    permit: row.permit,
    reservation: row.reservation,
  };
}

/** How many cars are inside a garage (its active tickets; equal to its taken spaces by the constraints). */
export async function countActiveTickets(sql: Db, garageId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from tickets where garage_id = ${garageId} and status = 'active'`;
  return row!.n;
}

/** Whether a garage has a free open space, counting those other entries are claiming right now. */
export async function hasFreeSpace(sql: Db, garageId: number): Promise<boolean> {
  const [row] = await sql<{ free: boolean }[]>`
    select exists (select 1 from spaces where garage_id = ${garageId} and open and ticket_id is null and held_for is null) as free
  `;
  return row!.free;
}

/** The active ticket of a plate, if it has one. */
export async function activeTicketOfPlate(sql: Db, garageId: number, plateNormalized: string): Promise<string | null> {
  const [row] = await sql<{ ticketNumber: string }[]>`
    select ticket_number from tickets where garage_id = ${garageId} and plate_normalized = ${plateNormalized} and status = 'active'
  `;
  return row?.ticketNumber ?? null;
}

/** A ticket by its number (an exit locks it with `lockTicketForExit`). */
export async function loadTicket(sql: Db, garageId: number, ticketNumber: string): Promise<TicketRow | null> {
  const [row] = await sql<StoredTicket[]>`
    select ${columns(sql)} from tickets
    where garage_id = ${garageId} and ticket_number = ${ticketNumber}
  `;
  return row ? toRow(row) : null;
}

/** Marks a ticket paid and completed with its fee breakdown (a lost ticket marked so), and frees its space. */
export async function completeTicket(
  sql: Db,
  id: number,
  exit: { exitTime: Date; paymentMethod: PaymentMethod; fee: FeeBreakdown; by: string },
): Promise<TicketRow> {
  return endStay(sql, id, sql<StoredTicket[]>`
    update tickets set
      status = 'completed',
      exited_by = ${exit.by},
      exit_time = ${exit.exitTime},
      duration_minutes = ${exit.fee.durationMinutes},
      amount_paid = ${exit.fee.totalCents},
      payment_method = ${exit.paymentMethod},
      fee_breakdown = ${sql.json(exit.fee)},
      lost_ticket = ${exit.fee.lostTicket !== undefined}
    where id = ${id} and status = 'active'
    returning ${columns(sql)}
  `);
}

/** Marks an active ticket voided (never charged, out of occupancy from `at`), and frees its space. */
export async function voidTicketRow(sql: Db, id: number, v: { at: Date; by: string; reason: string; note: string | null }): Promise<TicketRow> {
  return endStay(sql, id, sql<StoredTicket[]>`
    update tickets set status = 'voided', exit_time = ${v.at}, voided_by = ${v.by}, void_reason = ${v.reason}, void_note = ${v.note}
    where id = ${id} and status = 'active'
    returning ${columns(sql)}
  `);
}

/**
 * Ends an active ticket's stay with `ending` (its update) and frees its space. Sent together
 * (pipelined, one round trip): the ending, the release of the car's space, and the look for a car
 * over capacity to hand it to — each statement runs after the one before, so the look sees the
 * released space (and any resize the release waited for).
 */
async function endStay(sql: Db, id: number, ending: PromiseLike<StoredTicket[]>): Promise<TicketRow> {
  const [[row], [freed], [car]] = await Promise.all([
    ending,
    sql<{ garageId: number; number: number; permitSpaces: number }[]>`
      update spaces set ticket_id = null where ticket_id = ${id}
      returning garage_id, number, (select reserved_permit_spaces from garages g where g.id = spaces.garage_id) as permit_spaces
    `,
    overCapacityCarFor(sql, id),
  ]);
  if (!row) throw new Error(`ticket ${id} was not active under its lock`);
  if (freed && car) await handSpaceTo(sql, freed, car);
  // a garage holding spaces for permit holders: the space freed may be one to hold
  if (freed && freed.permitSpaces > 0) await rebalancePermitHolds(sql, freed.garageId);
  return toRow(row);
}

/**
 * A car parked over capacity (after the garage was made smaller than the cars inside) to hand the
 * space of leaving ticket `ticketId` to — when that space is open and free; none otherwise, or when
 * a resize holds them all right now (it moves them itself). A free open space exists only while no
 * car is over capacity, so entries can never overbook.
 */
function overCapacityCarFor(sql: Db, ticketId: number) {
  return sql<{ number: number; ticketId: number }[]>`
    select s.number, s.ticket_id from spaces s join tickets t on t.id = s.ticket_id
    where not s.open and s.ticket_id is not null
      and s.garage_id = (select garage_id from tickets where id = ${ticketId})
      and exists (
        select 1 from tickets left_car join spaces freed on freed.garage_id = left_car.garage_id and freed.number = left_car.space_number
        where left_car.id = ${ticketId} and freed.open and freed.ticket_id is null
      )
    order by s.number desc limit 1
    for update of s, t skip locked
  `;
}

/** Moves a car over capacity into the space a leaving car freed. */
async function handSpaceTo(sql: Db, freed: { garageId: number; number: number }, car: { number: number; ticketId: number }): Promise<void> {
  await sql`update spaces set ticket_id = null where garage_id = ${freed.garageId} and number = ${car.number}`;
  await sql`update spaces set ticket_id = ${car.ticketId} where garage_id = ${freed.garageId} and number = ${freed.number}`;
  await sql`update tickets set space_number = ${freed.number} where id = ${car.ticketId}`;
}

/** The garage's rules an exit needs besides the ticket's own tariff. */
export type GarageAtExit = { timezone: string; lostTicket: LostTicketRule; requireShiftForCash: boolean };

/** A ticket locked for its exit (or a correction), with the garage's timezone (for audits and refusals) and lost-ticket rule. */
export async function lockTicketForExit(sql: Db, garageId: number, ticketNumber: string): Promise<{ ticket: TicketRow; timezone: string; garage: GarageAtExit } | null> {
  const [row] = await sql<(StoredTicket & { garageTimezone: string; garagePolicy: LostTicketRule['policy']; garageFeeCents: number; garageShiftForCash: boolean })[]>`
    select ${columns(sql)},
      (select timezone from garages where id = ${garageId}) as garage_timezone,
      (select lost_ticket_policy from garages where id = ${garageId}) as garage_policy,
      (select lost_ticket_fee_cents from garages where id = ${garageId}) as garage_fee_cents,
      (select require_shift_for_cash from garages where id = ${garageId}) as garage_shift_for_cash
    from tickets
    where garage_id = ${garageId} and ticket_number = ${ticketNumber}
    for update
  `;
  if (!row) return null;
  const garage = { timezone: row.garageTimezone, lostTicket: { policy: row.garagePolicy, feeCents: row.garageFeeCents }, requireShiftForCash: row.garageShiftForCash };
  return { ticket: toRow(pickTicket(row)), timezone: row.garageTimezone, garage };
}

/** Tickets by plate and/or status, newest first (for lost tickets). */
export async function searchTickets(
  sql: Db,
  garageId: number,
  q: { plateNormalized?: string | undefined; status?: 'active' | 'completed' | 'voided' | undefined; limit: number; order?: 'newest' | 'oldest' | undefined },
): Promise<TicketRow[]> {
  const rows = await sql<StoredTicket[]>`
    select ${columns(sql)} from tickets
    where garage_id = ${garageId}
      ${q.plateNormalized ? sql`and plate_normalized = ${q.plateNormalized}` : sql``}
      ${q.status ? sql`and status = ${q.status}` : sql``}
    ${q.order === 'oldest' ? sql`order by entry_time, id` : sql`order by entry_time desc, id desc`}
    limit ${q.limit}
  `;
  return rows.map(toRow);
}

/**
 * Records that the server handed these tickets out as active at `at` (a lookup, a search, Slack's
 * find or quote): a client exit time may not be earlier (shared/client-time.ts). Only moves forward,
 * and skips tickets completed meanwhile.
 */
export async function markSeenActive(sql: Db, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update tickets set last_seen_active_at = ${at}
    where id in ${sql(ids)} and status = 'active' and (last_seen_active_at is null or last_seen_active_at < ${at})
  `;
}

/** The garage a ticket number belongs to (numbers are unique across garages); null when none has it. */
export async function garageOfTicketNumber(sql: Db, ticketNumber: string): Promise<number | null> {
  const [row] = await sql<{ garageId: number }[]>`select garage_id from tickets where ticket_number = ${ticketNumber}`;
  return row?.garageId ?? null;
}

/** The active tickets of a garage, number and plate only, newest entry first (the partial index tickets_active serves it). */
export async function listActivePlates(sql: Db, garageId: number, limit: number): Promise<{ ticketNumber: string; licensePlate: string }[]> {
  return sql<{ ticketNumber: string; licensePlate: string }[]>`
    select ticket_number, license_plate
    from tickets
    where garage_id = ${garageId} and status = 'active'
    order by entry_time desc, id desc
    limit ${limit}
  `;
}
