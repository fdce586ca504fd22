import { loadSettings } from '../../api/garage/queries.js';
import { AppError } from '../../api/http/app-error.js';
import { loadTicket, searchTickets, type TicketRow } from '../../api/tickets/queries.js';
import type { Deps } from '../../api/deps.js';
import type { Db } from '../../api/db/types.js';
import type { Target } from '../parse.js';

/** The garage's timezone: every time the bot shows is in it. */
export async function garageTimezone(deps: Deps): Promise<string> {
  const settings = await loadSettings(deps.sql, deps.garageId);
  if (!settings) throw new Error(`garage ${deps.garageId} does not exist`);
  return settings.timezone;
}

/**
 * The ticket a person means: the active ticket of a plate, else the ticket of that number; with
 * `latestByPlate`, a plate without an active ticket gives its most recent one (for `find`).
 * Throws a not-found AppError that says what was looked for.
 */
export async function findTicket(sql: Db, garageId: number, target: Target, options: { latestByPlate: boolean }): Promise<TicketRow> {
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
  throw new AppError('not_found', notFoundMessage(target, options.latestByPlate));
}

function notFoundMessage(target: Target, anyTicket: boolean): string {
  const plate = target.plate
    ? anyTicket
      ? `No ticket for plate ${target.plate.display}`
      : `No car with plate ${target.plate.display} is parked here`
    : null;
  const ticket = target.ticketNumber ? `no ticket ${target.ticketNumber}` : null;
  if (plate && ticket) return `${plate}, and ${ticket}.`;
  if (plate) return `${plate}.`;
  return `No ticket ${target.ticketNumber}.`;
}
