import type { Attribution } from '../../shared/auth.js';
import { admitVehicle } from '../../shared/entry.js';
import type { Plate } from '../../shared/plate.js';
import { ticketNumberFromBytes } from '../../shared/ticket-number.js';
import type { Ticket, VehicleType } from '../../shared/tickets.js';
import { recordAudit } from '../audit/queries.js';
import type { TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { runIdempotent } from '../idempotency/run.js';
import type { Replayable, TicketDeps } from './deps.js';
import { insertTicket, lockGarageForEntry } from './queries.js';
import { toTicket } from './ticket-view.js';
import { timingOf } from './timing.js';

/** A car coming in: its plate, its type, and when it came in if that was recorded offline. */
export type EntryInput = { plate: Plate; vehicleType: VehicleType; entryTime?: Date | undefined };

/** An issued ticket, with the garage's occupancy just after it and the timezone to show its time in. */
export type EntryResult = { ticket: Ticket; occupancy: { occupied: number; totalSpaces: number }; timezone: string };

/** How many ticket numbers to draw before giving up (6 characters of base32: ~1e9 numbers). */
const NUMBER_ATTEMPTS = 8;

/**
 * The entry use case, the one every door calls (POST /api/tickets, `/park enter`, the phone's
 * outbox): issues a ticket in one transaction with its audit row. With an idempotency key (scoped
 * to `by`: its door and user), a repeat of the same entry replays the first result.
 */
export async function enterVehicle(deps: TicketDeps, input: EntryInput, by: Attribution, idempotencyKey?: string): Promise<Replayable<EntryResult>> {
  const canonical = { plate: input.plate.normalized, vehicleType: input.vehicleType, entryTime: input.entryTime?.toISOString() ?? null };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    idempotencyKey === undefined ? undefined : { by, key: idempotencyKey, operation: 'ticket.enter', input: canonical },
    deps.now(),
    (tx) => issueTicket(tx, deps, input, by),
  );
  return { ...result, replayed };
}

/**
 * The step inside enterVehicle's transaction (exported for tests that fail a transaction on purpose).
 * Invariants — the capacity rule and the one-active-ticket-per-plate rule: both are decided under the
 * garage's row lock, from active tickets (never a counter), by `admitVehicle`; the tariff is copied
 * onto the ticket. A client-sent entry time is evidence: the audit says it came from the client and
 * is `offline` only when it arrived more than a minute after it (`clientTimeEvidence`), and whether it
 * changed a day whose summary was already posted (`timingOf`). The entry counts as the first time
 * the ticket was seen active, at its entry time.
 */
export async function issueTicket(tx: TransactionSql, deps: TicketDeps, input: EntryInput, by: Attribution): Promise<EntryResult> {
  const now = deps.now();
  const state = await lockGarageForEntry(tx, deps.garageId, input.plate.normalized);
  if (!state) throw new Error(`garage ${deps.garageId} does not exist`);
  const admission = admitVehicle(state, now, input.entryTime);
  if (!admission.ok) {
    switch (admission.reason) {
      case 'garage_full':
        throw new AppError('garage_full', `Garage is full — ${admission.occupied}/${admission.totalSpaces}`);
      case 'vehicle_already_parked':
        throw new AppError('vehicle_already_parked', `${input.plate.display} is already parked on ticket ${admission.ticketNumber}`, [
          { ticketNumber: admission.ticketNumber },
        ]);
      case 'entry_time_out_of_range':
        throw new AppError('validation_failed', 'entryTime must be within the last 24 hours and at most 2 minutes ahead of the server clock', [
          { path: 'entryTime', message: 'out of range' },
        ]);
    }
  }
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const row = await insertTicket(tx, {
      garageId: deps.garageId,
      ticketNumber: ticketNumberFromBytes(deps.randomBytes(6)),
      licensePlate: input.plate.display,
      plateNormalized: input.plate.normalized,
      vehicleType: input.vehicleType,
      entryTime: admission.entryTime,
      hourlyRate: state.hourlyRate,
      graceMinutes: state.graceMinutes,
      dailyMaxCents: state.dailyMaxCents,
    });
    if (row) {
      const timing = await timingOf(tx, deps.garageId, {
        kind: 'entry',
        ticketNumber: row.ticketNumber,
        claimed: input.entryTime,
        at: row.entryTime,
        now,
        timeZone: state.timezone,
        revenueCents: 0,
      });
      await recordAudit(tx, {
        garageId: deps.garageId,
        ...by,
        action: 'ticket.enter',
        subject: row.ticketNumber,
        details: { licensePlate: row.licensePlate, vehicleType: row.vehicleType, entryTime: row.entryTime.toISOString(), ...timing },
      });
      return {
        ticket: toTicket(row, now),
        occupancy: { occupied: state.occupied + 1, totalSpaces: state.totalSpaces },
        timezone: state.timezone,
      };
    }
  }
  throw new Error(`no free ticket number after ${NUMBER_ATTEMPTS} draws`);
}
