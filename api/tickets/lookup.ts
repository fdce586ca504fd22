import type { Ticket, TicketTarget } from '../../shared/tickets.js';
import type { Db } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { garageOf, mayUseGarage } from '../garages/scope.js';
import { currentUser, type AppEnv } from '../http/env.js';
import type { TicketDeps } from './deps.js';
import { garageOfTicketNumber, loadTicket, markSeenActive, searchTickets, type TicketRow } from './queries.js';
import { toTicket } from './ticket-view.js';

/** A target that is a ticket number and nothing else (what the API's `/tickets/:ticketNumber` means). */
export function byTicketNumber(ticketNumber: string): TicketTarget {
  return { text: ticketNumber, plate: null, ticketNumber };
}

/**
 * The ticket-lookup policy, the same for every door: the active ticket of a plate, else the ticket
 * of that number; with `latestByPlate`, a plate without an active ticket gives its most recent one
 * (what "find" means: the car may have left). Throws a not-found AppError that says what was looked for.
 */
export async function findTicket(sql: Db, garageId: number, target: TicketTarget, options: { latestByPlate: boolean }): Promise<TicketRow> {
  if (target.plate) {
    const [active] = await searchTickets(sql, garageId, { plateNormalized: target.plate.normalized, status: 'active', limit: 1 });
    if (active) return active;
  }
  if (target.ticketNumber) {
    const byNumber = await loadTicket(sql, garageId, target.ticketNumber);
    if (byNumber) return byNumber;
  }
  if (target.plate && options.latestByPlate) {
    const [latest] = await searchTickets(sql, garageId, { plateNormalized: target.plate.normalized, limit: 1 });
    if (latest) return latest;
  }
  throw ticketNotFound(target, options.latestByPlate);
}

/** The not-found refusal for a target, naming what was looked for. */
export function ticketNotFound(target: TicketTarget, anyTicket: boolean): AppError {
  const plate = target.plate
    ? anyTicket
      ? `No ticket for plate ${target.plate.display}`
      : `No car with plate ${target.plate.display} is parked here`
    : null;
  const ticket = target.ticketNumber ? `no ticket ${target.ticketNumber}` : null;
  if (plate && ticket) return new AppError('not_found', `${plate}, and ${ticket}.`);
  if (plate) return new AppError('not_found', `${plate}.`);
  return new AppError('not_found', `No ticket ${target.ticketNumber}.`);
}

/**
 * Hands a ticket out (GET /api/tickets/:n, `/park find`, the quote of `/park exit`): found by the
 * lookup policy, with what it would pay now. An active one is recorded as seen active now, so no
 * client can later say the car left before this (see `decideExitTime`, shared/client-time.ts).
 */
export async function showTicket(deps: Pick<TicketDeps, 'sql' | 'garageId' | 'now'>, target: TicketTarget, options: { latestByPlate: boolean }): Promise<Ticket> {
  const now = deps.now();
  const row = await findTicket(deps.sql, deps.garageId, target, options);
  if (row.status === 'active') await markSeenActive(deps.sql, [row.id], now);
  return toTicket(row, now);
}

/**
 * Runs a ticket action of the seed's paths (`/api/tickets/:n`, its exit): in the user's default
 * garage first; a ticket number not there is found in its own garage (numbers are unique across
 * garages) and the action runs there when the user may use that garage. Otherwise the first
 * not-found stands, so another garage's tickets cannot be told from numbers never issued. Costs
 * one more query only when the ticket is not in the default garage.
 */
export async function inTicketsGarage<T>(
  sql: Db,
  user: { garageIds: readonly number[] },
  defaultGarageId: number,
  ticketNumber: string,
  act: (garageId: number) => Promise<T>,
): Promise<T> {
  try {
    return await act(defaultGarageId);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    const garageId = await garageOfTicketNumber(sql, ticketNumber);
    if (garageId === null || garageId === defaultGarageId || !mayUseGarage(user, garageId)) throw error;
    return act(garageId);
  }
}

/** Hands out the tickets of a search (GET /api/tickets?plate=&status=&order=), newest (or oldest) first; active ones are recorded as seen now. */
export async function showTickets(
  deps: Pick<TicketDeps, 'sql' | 'garageId' | 'now'>,
  q: { plateNormalized?: string | undefined; status?: 'active' | 'completed' | 'voided' | undefined; limit: number; order?: 'newest' | 'oldest' | undefined },
): Promise<Ticket[]> {
  const now = deps.now();
  const rows = await searchTickets(deps.sql, deps.garageId, q);
  await markSeenActive(deps.sql, rows.filter((r) => r.status === 'active').map((r) => r.id), now);
  return rows.map((r) => toTicket(r, now));
}

/**
 * How a ticket route finds the garage it acts in: under /api/garages/:garageId, that garage; at the
 * seed paths (`findsOwnGarage`), the request's garage, else the ticket's own garage when the user
 * may use it (`inTicketsGarage`).
 * @example const inTicketGarage = ticketGarageOf(deps.sql, options.findsOwnGarage); await inTicketGarage(c, 'PS-7K3QXM', (garageId) => …)
 */
export function ticketGarageOf(sql: Db, findsOwnGarage: boolean) {
  return <T>(c: { var: AppEnv['Variables'] }, ticketNumber: string, act: (garageId: number) => Promise<T>): Promise<T> =>
    findsOwnGarage ? inTicketsGarage(sql, currentUser(c.var), garageOf(c.var), ticketNumber, act) : act(garageOf(c.var));
}
