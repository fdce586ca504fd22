import type { Deps } from '../../api/deps.js';
import { AppError } from '../../api/http/app-error.js';
import { listReservations, loadReservation } from '../../api/reservations/queries.js';
import { bookSpace, cancelBooking } from '../../api/reservations/use-cases.js';
import { localDate, localDayRange } from '../../shared/garage-day.js';
import { ReservationBody, type Reservation } from '../../shared/reservations.js';
import type { Plate } from '../../shared/plate.js';
import { buildBooked, buildReservationList, LISTED_RESERVATIONS, reservationWords } from '../blocks/reservations.js';
import { escapeText, section, type Reply } from '../blocks/reply.js';
import { windowInstants, type TypedWindow } from '../parse-reserve.js';
import { requireSlackAccess } from './access.js';
import { attribution, type SlackContext } from './context.js';

/** The garage a list is of: its id, its name and its clock. */
type ListGarage = { id: number; name: string; timezone: string };

/**
 * `/park reserve <plate> <window> [prepaid <amount>] [for <holder>]` (attendants and up): the
 * booking use case (as POST /api/garages/:id/reservations) with the window read on the garage's
 * clock, so the same rules hold — a space held from the booking on, none free is garage_full, one
 * plate's bookings never overlap, the lead time. Answered in the channel, so the desk knows.
 */
export async function reserveCommand(ctx: SlackContext, input: { plate: Plate; window: TypedWindow; prepaidCents: number; holder: string | null }): Promise<Reply> {
  requireSlackAccess(ctx, 'reservations.use', 'book spaces');
  const { from, to } = windowInstants(input.window, ctx.deps.now(), ctx.garage.timezone);
  const body = ReservationBody.safeParse({ plate: input.plate.display, from: from.toISOString(), to: to.toISOString(), prepaidCents: input.prepaidCents, holder: input.holder });
  if (!body.success) throw new AppError('validation_failed', body.error.issues[0]?.message ?? 'That booking cannot be made.');
  const booked = await bookSpace(ctx.deps, body.data, attribution(ctx));
  return buildBooked(booked, ctx.garage.timezone, ctx.command);
}

/**
 * A garage's reservations whose window touches today on its clock, soonest first, as
 * `/park reservations` lists them (`notice`, `replaceOriginal`: after a click on the list).
 */
export async function listTodaysReservations(
  deps: Pick<Deps, 'sql' | 'now'>,
  garage: ListGarage,
  options: { notice?: string; replaceOriginal?: boolean; command?: string } = {},
): Promise<Reply> {
  const now = deps.now();
  const today = localDate(now, garage.timezone);
  const { start, end } = localDayRange(today, today, garage.timezone);
  const found = await listReservations(deps.sql, garage.id, { from: start.toISOString(), to: end.toISOString(), limit: LISTED_RESERVATIONS + 1 });
  return buildReservationList(found.slice(0, LISTED_RESERVATIONS), garage, now, { ...options, more: found.length > LISTED_RESERVATIONS });
}

/** `/park reservations` (attendants and up): today's reservations of the channel's garage, each confirmed one with Cancel, only for the asker. */
export async function reservationsCommand(ctx: SlackContext): Promise<Reply> {
  requireSlackAccess(ctx, 'reservations.use', 'see the reservations');
  return listTodaysReservations(ctx.deps, ctx.garage, { command: ctx.command });
}

/**
 * Cancels a reservation of the context's garage for its person (attendants and up), through the
 * same use case as POST …/reservations/:id/cancel: 404 not of this garage, 409 already ended.
 */
export async function cancelReservation(ctx: SlackContext, id: number): Promise<Reservation> {
  requireSlackAccess(ctx, 'reservations.use', 'cancel reservations');
  return cancelBooking(ctx.deps, id, attribution(ctx), await loadReservation(ctx.deps.sql, ctx.deps.garageId, id));
}

/** `/park cancel-reservation <id>`: cancels it and says so in the channel (its space is free again). */
export async function cancelReservationCommand(ctx: SlackContext, id: number): Promise<Reply> {
  const cancelled = await cancelReservation(ctx, id);
  const text = `Reservation ${reservationWords(cancelled, ctx.garage.timezone)} is cancelled: its space is free again.`;
  return { response_type: 'in_channel', text, blocks: [section(`:x: ${escapeText(text)}`)] };
}
