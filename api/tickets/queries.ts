import type { FeeBreakdown, PaymentMethod, VehicleType } from '../../shared/tickets.js';
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
  status: 'active' | 'completed';
  paymentMethod: PaymentMethod | null;
  hourlyRate: number;
  graceMinutes: number;
  dailyMaxCents: number | null;
  feeBreakdown: FeeBreakdown | null;
  /** The last time the server handed the ticket out as active (entry, lookup, search); null on old completed tickets. */
  lastSeenActiveAt: Date | null;
};

/** A ticket as PostgreSQL sends it: amount_paid is a bigint, so text. */
type StoredTicket = Omit<TicketRow, 'amountPaid'> & { amountPaid: string | null };

const columns = (sql: Db) => sql`
  id, ticket_number, license_plate, vehicle_type, entry_time, exit_time, duration_minutes,
  amount_paid, status, payment_method, hourly_rate, grace_minutes, daily_max_cents, fee_breakdown,
  last_seen_active_at
`;

/** A stored ticket with its amount as a number of cents. */
const toRow = (r: StoredTicket): TicketRow => ({ ...r, amountPaid: r.amountPaid === null ? null : parseCents(r.amountPaid) });

/** What entry needs to know, read while holding the garage's row lock. */
export type EntryState = {
  totalSpaces: number;
  timezone: string;
  hourlyRate: number;
  graceMinutes: number;
  dailyMaxCents: number | null;
  occupied: number;
  activeTicketNumber: string | null;
};

/**
 * Locks the garage row (entries queue here, so capacity is decided one at a time), then reads
 * occupancy and this plate's active ticket with a fresh snapshot that sees every entry committed
 * before the lock was granted. `for no key update`, not `for update`: rows that reference the
 * garage (an idempotency claim, an audit row) take `for key share` on it, which `for update`
 * would conflict with — two entries each holding one and wanting the other deadlock.
 */
export async function lockGarageForEntry(sql: Db, garageId: number, plateNormalized: string): Promise<EntryState | null> {
  // Sent together (pipelined): PostgreSQL runs the read only once the lock is granted, and as a
  // statement of its own it takes its snapshot then — the garage is held one round trip less.
  const [[locked], [row]] = await Promise.all([
    sql<{ id: number }[]>`select id from garages where id = ${garageId} for no key update`,
    sql<EntryState[]>`
      select
        g.total_spaces, g.timezone, g.hourly_rate, g.grace_minutes, g.daily_max_cents,
        (select count(*)::int from tickets t where t.garage_id = g.id and t.status = 'active') as occupied,
        (select t.ticket_number from tickets t
          where t.garage_id = g.id and t.plate_normalized = ${plateNormalized} and t.status = 'active') as active_ticket_number
      from garages g
      where g.id = ${garageId}
    `,
  ]);
  return locked && row ? row : null;
}

/** Inserts a ticket; null when its number is already taken (the caller draws another). */
export async function insertTicket(
  sql: Db,
  t: {
    garageId: number;
    ticketNumber: string;
    licensePlate: string;
    plateNormalized: string;
    vehicleType: VehicleType;
    entryTime: Date;
    hourlyRate: number;
    graceMinutes: number;
    dailyMaxCents: number | null;
  },
): Promise<TicketRow | null> {
  const [row] = await sql<StoredTicket[]>`
    insert into tickets (
      garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time,
      hourly_rate, grace_minutes, daily_max_cents, last_seen_active_at
    ) values (
      ${t.garageId}, ${t.ticketNumber}, ${t.licensePlate}, ${t.plateNormalized}, ${t.vehicleType}, ${t.entryTime},
      ${t.hourlyRate}, ${t.graceMinutes}, ${t.dailyMaxCents}, ${t.entryTime}
    )
    on conflict (ticket_number) do nothing
    returning ${columns(sql)}
  `;
  return row ? toRow(row) : null;
}

/** A ticket by its number; `forUpdate` locks it so only one exit can complete it. */
export async function loadTicket(sql: Db, garageId: number, ticketNumber: string, forUpdate = false): Promise<TicketRow | null> {
  const [row] = await sql<StoredTicket[]>`
    select ${columns(sql)} from tickets
    where garage_id = ${garageId} and ticket_number = ${ticketNumber}
    ${forUpdate ? sql`for update` : sql``}
  `;
  return row ? toRow(row) : null;
}

/** Marks a ticket paid and completed with its fee breakdown. */
export async function completeTicket(
  sql: Db,
  id: number,
  exit: { exitTime: Date; paymentMethod: PaymentMethod; fee: FeeBreakdown },
): Promise<TicketRow> {
  const [row] = await sql<StoredTicket[]>`
    update tickets set
      status = 'completed',
      exit_time = ${exit.exitTime},
      duration_minutes = ${exit.fee.durationMinutes},
      amount_paid = ${exit.fee.totalCents},
      payment_method = ${exit.paymentMethod},
      fee_breakdown = ${sql.json(exit.fee)}
    where id = ${id} and status = 'active'
    returning ${columns(sql)}
  `;
  if (!row) throw new Error(`ticket ${id} was not active under its lock`);
  return toRow(row);
}

/** Tickets by plate and/or status, newest first (for lost tickets). */
export async function searchTickets(
  sql: Db,
  garageId: number,
  q: { plateNormalized?: string | undefined; status?: 'active' | 'completed' | undefined; limit: number },
): Promise<TicketRow[]> {
  const rows = await sql<StoredTicket[]>`
    select ${columns(sql)} from tickets
    where garage_id = ${garageId}
      ${q.plateNormalized ? sql`and plate_normalized = ${q.plateNormalized}` : sql``}
      ${q.status ? sql`and status = ${q.status}` : sql``}
    order by entry_time desc, id desc
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
