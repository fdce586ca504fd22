import type { Attribution } from '../../shared/auth.js';
import { admitVehicle, decideEntryTime } from '../../shared/entry.js';
import type { Plate } from '../../shared/plate.js';
import { ticketNumberFromBytes } from '../../shared/ticket-number.js';
import type { Ticket, VehicleType } from '../../shared/tickets.js';
import { recordAudit } from '../audit/queries.js';
import type { TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { runIdempotent, writeLater, type Later } from '../idempotency/run.js';
import type { Replayable, TicketDeps } from './deps.js';
import { activeTicketOfPlate, countActiveTickets, enterOnFreeSpace, hasFreeSpace } from './queries.js';
import { toTicket } from './ticket-view.js';
import { timingOf } from './timing.js';

/** A car coming in: its plate, its type, and when it came in if that was recorded offline. */
export type EntryInput = { plate: Plate; vehicleType: VehicleType; entryTime?: Date | undefined };

/** An issued ticket, the timezone to show its time in, and (when asked for) the garage's occupancy just after it. */
export type EntryResult = { ticket: Ticket; occupancy: { occupied: number; totalSpaces: number } | null; timezone: string };

/** What a door wants besides the ticket: `occupancy` costs a count, so only a door that shows it asks (Slack's card). */
export type EntryOptions = { occupancy?: boolean };

/** How many ticket numbers to draw before giving up (6 characters of base32: ~1e9 numbers). */
const NUMBER_ATTEMPTS = 8;

/**
 * The entry use case, the one every door calls (POST /api/tickets, `/park enter`, the phone's
 * outbox): issues a ticket in one transaction with its audit row. With an idempotency key (scoped
 * to `by`: its door and user), a repeat of the same entry replays the first result.
 */
export async function enterVehicle(
  deps: TicketDeps,
  input: EntryInput,
  by: Attribution,
  idempotencyKey?: string,
  options: EntryOptions = {},
): Promise<Replayable<EntryResult>> {
  const canonical = { plate: input.plate.normalized, vehicleType: input.vehicleType, entryTime: input.entryTime?.toISOString() ?? null };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    idempotencyKey === undefined ? undefined : { by, key: idempotencyKey, operation: 'ticket.enter', input: canonical },
    deps.now(),
    (tx, later) => issueTicket(tx, deps, input, by, options, later),
  );
  return { ...result, replayed };
}

/**
 * The step inside enterVehicle's transaction (exported for tests that fail a transaction on purpose).
 * Invariants — the capacity rule and the one-active-ticket-per-plate rule: the car goes in only on
 * a free open space it claims in the entry statement (`enterOnFreeSpace`: row per space, `for update
 * skip locked`, so entries of a garage do not queue behind one another), and `admitVehicle` decides
 * from what that statement found; the plate rule is backed by its unique index; the tariff is copied
 * onto the ticket. A client-sent entry time is evidence: the audit says it came from the client and
 * is `offline` only when it arrived more than a minute after it (`clientTimeEvidence`), and whether it
 * changed a day whose summary was already posted (`timingOf`). The entry counts as the first time
 * the ticket was seen active, at its entry time.
 */
export async function issueTicket(
  tx: TransactionSql,
  deps: TicketDeps,
  input: EntryInput,
  by: Attribution,
  options: EntryOptions = {},
  later?: Later,
): Promise<EntryResult> {
  const now = deps.now();
  const when = decideEntryTime(now, input.entryTime);
  if (!when.ok) {
    throw new AppError('validation_failed', 'entryTime must be within the last 24 hours and at most 2 minutes ahead of the server clock', [
      { path: 'entryTime', message: 'out of range' },
    ]);
  }
  let wait = false;
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const found = await enterOnFreeSpace(tx, {
      garageId: deps.garageId,
      ticketNumber: ticketNumberFromBytes(deps.randomBytes(6)),
      licensePlate: input.plate.display,
      plateNormalized: input.plate.normalized,
      vehicleType: input.vehicleType,
      entryTime: when.entryTime,
      enteredBy: by.actor,
    }, { wait });
    if (!found.garage) throw new Error(`garage ${deps.garageId} does not exist`);
    const admission = admitVehicle({
      activeTicketNumber: found.activeTicketNumber,
      spaceClaimed: found.spaceNumber !== null,
      ticketInserted: found.ticket !== null,
    });
    if (!admission.ok) {
      if (admission.reason === 'garage_full' && !wait && (await hasFreeSpace(tx, deps.garageId))) {
        // every free space was being claimed by entries still running: wait for them, then decide
        wait = true;
        attempt--;
        continue;
      }
      // A plate that came in while the statement ran (or waited) shows only to a later statement: a
      // refused insert may be its unique index, and "full" may be its twin taking the last space.
      const inside = admission.reason === 'vehicle_already_parked' ? admission.ticketNumber : await activeTicketOfPlate(tx, deps.garageId, input.plate.normalized);
      if (inside !== null) {
        throw new AppError('vehicle_already_parked', `${input.plate.display} is already parked on ticket ${inside}`, [{ ticketNumber: inside }]);
      }
      if (admission.reason === 'number_taken') continue;
      const occupied = await countActiveTickets(tx, deps.garageId);
      throw new AppError('garage_full', `Garage is full — ${occupied}/${found.garage.totalSpaces}`);
    }
    const row = found.ticket!;
    const timing = await timingOf(tx, deps.garageId, {
      kind: 'entry',
      ticketNumber: row.ticketNumber,
      claimed: input.entryTime,
      at: row.entryTime,
      now,
      timeZone: found.garage.timezone,
      revenueCents: 0,
    });
    const audit = recordAudit(tx, {
      garageId: deps.garageId,
      ...by,
      action: 'ticket.enter',
      subject: row.ticketNumber,
      details: { licensePlate: row.licensePlate, vehicleType: row.vehicleType, entryTime: row.entryTime.toISOString(), space: found.spaceNumber, ...timing },
    });
    await writeLater(audit, later);
    return {
      ticket: toTicket(row, now),
      occupancy: options.occupancy ? { occupied: await countActiveTickets(tx, deps.garageId), totalSpaces: found.garage.totalSpaces } : null,
      timezone: found.garage.timezone,
    };
  }
  throw new Error(`no free ticket number after ${NUMBER_ATTEMPTS} draws`);
}
