import type { Attribution } from '../../shared/auth.js';
import { localDateTime } from '../../shared/garage-day.js';
import type { Reservation, ReservationBody } from '../../shared/reservations.js';
import { recordAudit } from '../audit/queries.js';
import type { Sql } from '../db/types.js';
import { loadSettings } from '../garage/queries.js';
import { AppError } from '../http/app-error.js';
import { hasFreeSpace } from '../tickets/queries.js';
import { cancelReservationRow, insertReservationHoldingSpace, lockPlateBookings, overlappingReservation, rebalancePermitHolds } from './queries.js';

type BookingDeps = { sql: Sql; garageId: number; now: () => Date };

/**
 * Books a space for a plate over a window (POST /api/garages/:id/reservations, Slack, the app).
 * Invariant — a confirmed reservation is always admitted in its window: a free space that is not
 * held is held for it from the booking on (a car let in before its window could stay past its
 * start, so a space counts as held only if it is held from now); none free is 409 garage_full and
 * nothing is written. A window may start at most `reservationMaxLeadHours` ahead, and one plate has
 * no two confirmed reservations that overlap.
 */
export async function bookSpace(deps: BookingDeps, body: ReservationBody, by: Attribution): Promise<Reservation> {
  const now = deps.now();
  const settings = await loadSettings(deps.sql, deps.garageId);
  if (!settings) throw new Error(`garage ${deps.garageId} does not exist`);
  const tz = settings.timezone;
  const from = new Date(Math.max(Date.parse(body.from), now.getTime()));
  const to = new Date(body.to);
  if (to <= now) throw new AppError('validation_failed', `The window ends at ${localDateTime(to, tz)}, which is over`, [{ path: 'to', message: 'in the past' }]);
  const latest = now.getTime() + settings.reservationMaxLeadHours * 3_600_000;
  if (from.getTime() > latest) {
    throw new AppError('validation_failed', `Reservations open ${settings.reservationMaxLeadHours} hours ahead: book from ${localDateTime(new Date(latest), tz)} at the latest`, [{ path: 'from', message: 'too far ahead' }]);
  }
  return deps.sql.begin(async (tx) => {
    await lockPlateBookings(tx, deps.garageId, body.plate.normalized);
    const clash = await overlappingReservation(tx, deps.garageId, body.plate.normalized, from, to);
    if (clash) {
      throw new AppError('already_exists', `${clash.licensePlate} already has reservation ${clash.id} from ${localDateTime(new Date(clash.from), tz)} to ${localDateTime(new Date(clash.to), tz)}`, [{ reservationId: clash.id }]);
    }
    const row = { garageId: deps.garageId, licensePlate: body.plate.display, plateNormalized: body.plate.normalized, holder: body.holder, from, to, prepaidCents: body.prepaidCents, by: by.actor };
    let booked = await insertReservationHoldingSpace(tx, row, { wait: false });
    // every free space was being claimed by entries still running: wait for them, then decide
    if (!booked && (await hasFreeSpace(tx, deps.garageId))) booked = await insertReservationHoldingSpace(tx, row, { wait: true });
    if (!booked) throw new AppError('garage_full', `No space can be held for ${body.plate.display}: every space is taken or held. A reservation holds its space from the booking on.`);
    await recordAudit(tx, { garageId: deps.garageId, ...by, action: 'reservation.create', subject: `reservation:${booked.id}`, details: { reservation: booked } });
    return booked;
  });
}

/** Cancels a confirmed reservation and frees its space (404 when it is not of this garage; 409 when it already ended). */
export async function cancelBooking(deps: BookingDeps, id: number, by: Attribution, current: Reservation | null): Promise<Reservation> {
  if (!current) throw new AppError('not_found', `No reservation ${id} in this garage`);
  return deps.sql.begin(async (tx) => {
    const cancelled = await cancelReservationRow(tx, deps.garageId, id, deps.now(), by.actor);
    if (!cancelled) throw new AppError('already_resolved', `Reservation ${id} is ${current.status.replace('_', '-')}, not waiting: nothing to cancel`);
    await rebalancePermitHolds(tx, deps.garageId);
    await recordAudit(tx, { garageId: deps.garageId, ...by, action: 'reservation.cancel', subject: `reservation:${id}`, details: { reservation: cancelled } });
    return cancelled;
  });
}
