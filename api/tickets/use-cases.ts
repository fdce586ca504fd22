import { admitVehicle, isEntryTimeAcceptable } from '../../shared/entry.js';
import { quoteFee } from '../../shared/fee.js';
import type { Plate } from '../../shared/plate.js';
import { ticketNumberFromBytes } from '../../shared/ticket-number.js';
import type { PaymentMethod, Ticket, VehicleType } from '../../shared/tickets.js';
import type { Actor, AuditSource } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { completeTicket, insertTicket, loadTicket, lockGarageForEntry } from './queries.js';
import { toTicket } from './ticket-view.js';

/** What a use case needs besides the database: the clock and a source of randomness. */
export type Env = { garageId: number; now: () => Date; randomBytes: (n: number) => Uint8Array };

/** Who makes a change and through which door; recorded in the audit log with it. */
export type Attribution = { actor: Actor; source: AuditSource };

/** How many ticket numbers to draw before giving up (6 characters of base32: ~1e9 numbers). */
const NUMBER_ATTEMPTS = 8;

/**
 * Issues a ticket for a car coming in. Runs inside the caller's transaction.
 * Invariants: capacity and the one-active-ticket-per-plate rule are decided under the garage's
 * row lock, from active tickets (never a counter); the tariff is copied onto the ticket.
 */
export async function issueTicket(
  tx: TransactionSql,
  env: Env,
  input: { plate: Plate; vehicleType: VehicleType; entryTime?: Date | undefined },
  by: Attribution,
): Promise<Ticket> {
  const now = env.now();
  const state = await lockGarageForEntry(tx, env.garageId, input.plate.normalized);
  if (!state) throw new Error(`garage ${env.garageId} does not exist`);
  const admission = admitVehicle(state, now, input.entryTime);
  if (!admission.ok) {
    switch (admission.reason) {
      case 'garage_full':
        throw new AppError('garage_full', `Garage is full — ${admission.occupied}/${admission.totalSpaces}`);
      case 'vehicle_already_parked':
        throw new AppError(
          'vehicle_already_parked',
          `${input.plate.display} is already parked on ticket ${admission.ticketNumber}`,
          [{ ticketNumber: admission.ticketNumber }],
        );
      case 'entry_time_out_of_range':
        throw new AppError(
          'validation_failed',
          'entryTime must be within the last 24 hours and at most 2 minutes ahead of the server clock',
          [{ path: 'entryTime', message: 'out of range' }],
        );
    }
  }
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const row = await insertTicket(tx, {
      garageId: env.garageId,
      ticketNumber: ticketNumberFromBytes(env.randomBytes(6)),
      licensePlate: input.plate.display,
      plateNormalized: input.plate.normalized,
      vehicleType: input.vehicleType,
      entryTime: admission.entryTime,
      hourlyRate: state.hourlyRate,
      graceMinutes: state.graceMinutes,
      dailyMaxCents: state.dailyMaxCents,
    });
    if (row) {
      await recordAudit(tx, {
        garageId: env.garageId,
        ...by,
        action: 'ticket.enter',
        subject: row.ticketNumber,
        details: { licensePlate: row.licensePlate, vehicleType: row.vehicleType, entryTime: row.entryTime.toISOString(), offline: input.entryTime !== undefined },
      });
      return toTicket(row, now);
    }
  }
  throw new Error(`no free ticket number after ${NUMBER_ATTEMPTS} draws`);
}

/**
 * Completes a ticket: prices the stay with the ticket's own tariff and records the payment. An exit
 * recorded offline is priced at the time it happened (`exitTime`, in the same window as entries).
 * Invariant: the ticket row is locked first, so of two racing exits exactly one completes it.
 */
export async function exitVehicle(
  tx: TransactionSql,
  env: Env,
  input: { ticketNumber: string; paymentMethod: PaymentMethod; exitTime?: Date | undefined },
  by: Attribution,
): Promise<Ticket> {
  const now = env.now();
  const ticket = await loadTicket(tx, env.garageId, input.ticketNumber, true);
  if (!ticket) throw new AppError('not_found', `No ticket ${input.ticketNumber}`);
  if (ticket.status === 'completed') {
    throw new AppError(
      'ticket_already_completed',
      `Ticket ${ticket.ticketNumber} was already paid (${ticket.paymentMethod}) at ${ticket.exitTime?.toISOString()}`,
    );
  }
  if (input.exitTime && !isEntryTimeAcceptable(input.exitTime, now)) {
    throw new AppError('validation_failed', 'exitTime must be within the last 24 hours and at most 2 minutes ahead of the server clock', [
      { path: 'exitTime', message: 'out of range' },
    ]);
  }
  const left = input.exitTime ?? now;
  const exitTime = left < ticket.entryTime ? ticket.entryTime : left; // a phone's clock may run behind the entry's
  const fee = quoteFee(ticket.entryTime, exitTime, ticket);
  const completed = await completeTicket(tx, ticket.id, { exitTime, paymentMethod: input.paymentMethod, fee });
  await recordAudit(tx, {
    garageId: env.garageId,
    ...by,
    action: 'ticket.exit',
    subject: completed.ticketNumber,
    details: { amountPaid: fee.totalCents, paymentMethod: input.paymentMethod, durationMinutes: fee.durationMinutes },
  });
  return toTicket(completed, now);
}
