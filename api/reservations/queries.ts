import type { Reservation, ReservationsQuery } from '../../shared/reservations.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

type ReservationRow = Omit<Reservation, 'from' | 'to' | 'endedAt' | 'createdAt' | 'prepaidCents'> & {
  from: Date;
  to: Date;
  endedAt: Date | null;
  createdAt: Date;
  prepaidCents: string;
};

const reservationColumns = (sql: Db) => sql`
  r.id, r.license_plate, r.holder, r.starts_at as from, r.ends_at as to, r.prepaid_cents, r.status,
  (select ticket_number from tickets k where k.id = r.ticket_id) as ticket_number, r.ended_at, r.created_at, r.created_by
`;

const toReservation = (r: ReservationRow): Reservation => ({
  ...r,
  prepaidCents: parseCents(r.prepaidCents),
  from: r.from.toISOString(),
  to: r.to.toISOString(),
  endedAt: r.endedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Serializes bookings of one plate in one garage (two overlapping ones are refused). */
export async function lockPlateBookings(sql: Db, garageId: number, plateNormalized: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${garageId}, hashtext(${`reservation:${plateNormalized}`}))`;
}

/** A confirmed reservation of this plate whose window overlaps from..to, if any. */
export async function overlappingReservation(sql: Db, garageId: number, plateNormalized: string, from: Date, to: Date): Promise<Reservation | null> {
  const [row] = await sql<ReservationRow[]>`
    select ${reservationColumns(sql)} from reservations r
    where r.garage_id = ${garageId} and r.plate_normalized = ${plateNormalized} and r.status = 'confirmed'
      and r.starts_at < ${to} and ${from} < r.ends_at
    limit 1
  `;
  return row ? toReservation(row) : null;
}

/**
 * Books a space: the reservation, and a free open space that is not held, held for it from now on
 * (`for update skip locked`, the highest number first, so bookings and entries rarely meet). Null
 * when no space could be held — the caller rolls back, so nothing of the booking stays.
 */
export async function insertReservationHoldingSpace(
  sql: Db,
  r: { garageId: number; licensePlate: string; plateNormalized: string; holder: string | null; from: Date; to: Date; prepaidCents: number; by: string },
  mode: { wait: boolean },
): Promise<Reservation | null> {
  const [row] = await sql<(ReservationRow & { heldSpace: number | null })[]>`
    with space as (
      select number from spaces
      where garage_id = ${r.garageId} and open and ticket_id is null and held_for is null
      order by number desc
      limit 1
      for update ${mode.wait ? sql`` : sql`skip locked`}
    ), booked as (
      insert into reservations (garage_id, license_plate, plate_normalized, holder, starts_at, ends_at, prepaid_cents, created_by)
      select ${r.garageId}, ${r.licensePlate}, ${r.plateNormalized}, ${r.holder}, ${r.from}, ${r.to}, ${r.prepaidCents}, ${r.by}
      from space
      returning *
    ), held as (
      update spaces set held_for = 'reservation', reservation_id = booked.id from booked
      where spaces.garage_id = ${r.garageId} and spaces.number = (select number from space)
      returning spaces.number
    )
    select ${reservationColumns(sql)}, (select number from held) as held_space from booked r
  `;
  return row ? toReservation(row) : null;
}

/** Ends a confirmed reservation (cancelled) and frees the space held for it; null when it is not confirmed (or not of this garage). */
export async function cancelReservationRow(sql: Db, garageId: number, id: number, at: Date, by: string): Promise<Reservation | null> {
  const [row] = await sql<ReservationRow[]>`
    with ended as (
      update reservations set status = 'cancelled', ended_at = ${at}, ended_by = ${by}
      where id = ${id} and garage_id = ${garageId} and status = 'confirmed'
      returning *
    ), freed as (
      update spaces set held_for = null, reservation_id = null from ended where spaces.reservation_id = ended.id
    )
    select ${reservationColumns(sql)} from ended r
  `;
  return row ? toReservation(row) : null;
}

/** A reservation of this garage by id. */
export async function loadReservation(sql: Db, garageId: number, id: number): Promise<Reservation | null> {
  const [row] = await sql<ReservationRow[]>`select ${reservationColumns(sql)} from reservations r where r.id = ${id} and r.garage_id = ${garageId}`;
  return row ? toReservation(row) : null;
}

/** A garage's reservations whose windows overlap from..to (default: all), soonest first. */
export async function listReservations(sql: Db, garageId: number, q: ReservationsQuery): Promise<Reservation[]> {
  const rows = await sql<ReservationRow[]>`
    select ${reservationColumns(sql)} from reservations r
    where r.garage_id = ${garageId}
      ${q.status ? sql`and r.status = ${q.status}` : sql``}
      ${q.from ? sql`and r.ends_at > ${q.from}` : sql``}
      ${q.to ? sql`and r.starts_at < ${q.to}` : sql``}
    order by r.starts_at, r.id
    limit ${q.limit}
  `;
  return rows.map(toReservation);
}

/**
 * Releases, in every garage, the confirmed reservations whose car did not come by their start plus
 * the garage's reservation grace (no-shows), and frees their spaces; the ones released.
 */
export async function releaseNoShows(sql: Db, now: Date): Promise<{ id: number; garageId: number }[]> {
  return sql<{ id: number; garageId: number }[]>`
    with gone as (
      update reservations r set status = 'no_show', ended_at = ${now}, ended_by = 'system:no-show'
      from garages g
      where g.id = r.garage_id and r.status = 'confirmed' and r.starts_at + make_interval(mins => g.reservation_grace_minutes) < ${now}
      returning r.id, r.garage_id
    ), freed as (
      update spaces set held_for = null, reservation_id = null from gone where spaces.reservation_id = gone.id
    )
    select id, garage_id from gone
  `;
}

/**
 * Keeps the spaces held for permit holders at the garage's `reserved_permit_spaces` less the permit
 * cars inside: holds free spaces when short (as many as are free), releases the highest-numbered
 * when over. Run after anything that changes either side (a permit car's exit, a setting, a minute).
 */
export async function rebalancePermitHolds(sql: Db, garageId: number): Promise<{ held: number; released: number }> {
  const [row] = await sql<{ held: number; released: number }[]>`
    with want as (
      select greatest(0, g.reserved_permit_spaces
        - (select count(*) from tickets where garage_id = g.id and status = 'active' and kind = 'permit')) as n,
        (select count(*) from spaces where garage_id = g.id and held_for = 'permit') as have
      from garages g where g.id = ${garageId}
    ), release as (
      update spaces set held_for = null
      where garage_id = ${garageId} and number in (
        select number from spaces where garage_id = ${garageId} and held_for = 'permit'
        order by number desc
        limit (select greatest(0, have - n) from want)
        for update skip locked
      )
      returning number
    ), hold as (
      update spaces set held_for = 'permit'
      where garage_id = ${garageId} and number in (
        select number from spaces where garage_id = ${garageId} and open and ticket_id is null and held_for is null
        order by number desc
        limit (select greatest(0, n - have) from want)
        for update skip locked
      )
      returning number
    )
    select (select count(*)::int from hold) as held, (select count(*)::int from release) as released
  `;
  return row!;
}

/** The garages that hold spaces for permit holders (for the minute's rebalance). */
export async function garagesHoldingPermitSpaces(sql: Db): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`select id from garages where reserved_permit_spaces > 0 or exists (select 1 from spaces s where s.garage_id = garages.id and s.held_for = 'permit')`;
  return rows.map((r) => r.id);
}

/** How many of a garage's spaces are held now, for reservations and for permit holders. */
export async function countHeldSpaces(sql: Db, garageId: number): Promise<{ reservations: number; permits: number }> {
  const [row] = await sql<{ reservations: number; permits: number }[]>`
    select count(*) filter (where held_for = 'reservation')::int as reservations, count(*) filter (where held_for = 'permit')::int as permits
    from spaces where garage_id = ${garageId} and held_for is not null
  `;
  return row!;
}
