import type { Attribution } from '../../shared/auth.js';
import { decideExitTime } from '../../shared/client-time.js';
import { quoteLostTicket, quoteTicketFee } from '../../shared/fee.js';
import { localDateTime } from '../../shared/garage-day.js';
import { shorterStayPrice } from '../../shared/pricing.js';
import type { PaymentMethod, Ticket, TicketTarget } from '../../shared/tickets.js';
import { recordAudit } from '../audit/queries.js';
import type { TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { runIdempotent, writeLater, type Later } from '../idempotency/run.js';
import type { Replayable, TicketDeps } from './deps.js';
import { findTicket, ticketNotFound } from './lookup.js';
import { completeTicket, lockTicketForExit } from './queries.js';
import { requireShiftForCash } from '../shifts/use-cases.js';
import { redeemValidation } from '../validations/use-cases.js';
import { stayOf, toTicket } from './ticket-view.js';
import { timingOf } from './timing.js';

/** A car going out: which ticket (a number, or a plate's active ticket), how it paid, and when if recorded offline. */
export type ExitInput = {
  target: TicketTarget;
  paymentMethod: PaymentMethod;
  exitTime?: Date | undefined;
  /** Checked out without its ticket: priced by the garage's lost-ticket rule (`quoteLostTicket`). */
  lostTicket?: boolean | undefined;
  /** A merchant's validation code, applied after the tariff (`redeemValidation`). */
  validationCode?: string | undefined;
  /** A lost ticket whose extra fee was waived, and who approved that (api/corrections: never sent by a client). */
  waiver?: { approvedBy: string; exceptionId: number | null } | undefined;
};

/**
 * The exit use case, the one every door calls (PUT /api/tickets/:n/exit, `/park exit`, Slack's pay
 * buttons, the phone's outbox): finds the ticket by the lookup policy, prices the stay with the
 * ticket's own tariff (`quoteTicketFee`) and records the payment, with its audit row, in one
 * transaction. With an idempotency key (scoped to `by`), a repeat replays the first completion —
 * even when the plate it named has no active ticket any more. A ticket already completed is a
 * `ticket_already_completed` refusal whose details name the ticket, so a door can show its receipt.
 */
export async function exitVehicle(deps: TicketDeps, input: ExitInput, by: Attribution, idempotencyKey?: string): Promise<Replayable<{ ticket: Ticket }>> {
  const canonical = {
    plate: input.target.plate?.normalized ?? null,
    ticketNumber: input.target.ticketNumber,
    paymentMethod: input.paymentMethod,
    exitTime: input.exitTime?.toISOString() ?? null,
    ...(input.lostTicket ? { lostTicket: true } : {}), // absent when false: keys stored before lost tickets existed still match
    ...(input.validationCode ? { validationCode: input.validationCode } : {}),
  };
  const { result, replayed } = await runIdempotent(
    deps.sql,
    deps.garageId,
    idempotencyKey === undefined ? undefined : { by, key: idempotencyKey, operation: 'ticket.exit', input: canonical },
    deps.now(),
    async (tx, later) => ({ ticket: await completeStay(tx, deps, input, by, later) }),
  );
  return { ...result, replayed };
}

/**
 * The step inside exitVehicle's transaction. An exit recorded offline is priced at the time it
 * happened (`exitTime`), which `decideExitTime` (shared/client-time.ts) accepts only inside the
 * window and not before the server last handed the ticket out as active; the audit row says whether
 * the time came from the client, when it arrived, what was due then, and whether it changed a day
 * whose summary was already posted.
 * Invariant — exactly one exit per ticket: the ticket row is locked before it is read as active,
 * so of two racing exits exactly one completes it.
 */
export async function completeStay(tx: TransactionSql, deps: Pick<TicketDeps, 'sql' | 'garageId' | 'now'>, input: ExitInput, by: Attribution, later: Later): Promise<Ticket> {
  const now = deps.now();
  const { target } = input;
  const ticketNumber = target.plate === null && target.ticketNumber !== null
    ? target.ticketNumber
    : (await findTicket(tx, deps.garageId, target, { latestByPlate: false })).ticketNumber;
  const locked = await lockTicketForExit(tx, deps.garageId, ticketNumber);
  if (!locked) throw ticketNotFound(target, false);
  const { ticket, timezone, garage } = locked;
  if (ticket.status === 'voided') {
    throw new AppError('ticket_not_active', `Ticket ${ticket.ticketNumber} was voided (${ticket.voidReason}) at ${localDateTime(ticket.exitTime!, timezone)}: there is nothing to pay`, [
      { ticketNumber: ticket.ticketNumber },
    ]);
  }
  if (ticket.status === 'completed') {
    throw new AppError(
      'ticket_already_completed',
      `Ticket ${ticket.ticketNumber} was already paid (${ticket.paymentMethod}) at ${ticket.exitTime?.toISOString()}`,
      [{ ticketNumber: ticket.ticketNumber }],
    );
  }
  const left = decideExitTime(input.exitTime, ticket, now);
  if (!left.ok) {
    if (left.reason === 'out_of_window') {
      throw new AppError('validation_failed', 'exitTime must be within the last 24 hours and at most 2 minutes ahead of the server clock', [
        { path: 'exitTime', message: 'out of range' },
      ]);
    }
    throw new AppError(
      'validation_failed',
      `Ticket ${ticket.ticketNumber} was still parked at ${localDateTime(left.lastSeen, timezone)} (${timezone}), so it cannot have left at ${localDateTime(input.exitTime!, timezone)}: check the device's clock, or check the car out without an exit time.`,
      [{ path: 'exitTime', message: 'before the ticket was last seen still parked' }],
    );
  }
  const { exitTime } = left;
  const stay = stayOf(ticket);
  const lost = input.lostTicket || input.waiver !== undefined;
  const priceAt = (at: Date) => (lost ? quoteLostTicket(stay, at, garage.lostTicket, input.waiver !== undefined) : quoteTicketFee(stay, at));
  let fee = priceAt(exitTime);
  if (input.paymentMethod === 'Cash') await requireShiftForCash(tx, garage.requireShiftForCash, deps.garageId, by.actor, exitTime);
  let recordValidation: ((ticketId: number) => Promise<void>) | null = null;
  if (input.validationCode) {
    const shorter = shorterStayPrice(priceAt, ticket.entryTime, exitTime);
    ({ fee, record: recordValidation } = await redeemValidation(tx, deps.garageId, input.validationCode, exitTime, timezone, fee, shorter));
  }
  const completed = await completeTicket(tx, ticket.id, { exitTime, paymentMethod: input.paymentMethod, fee, by: by.actor });
  if (recordValidation) await recordValidation(completed.id);
  const timing = await timingOf(tx, deps.garageId, {
    kind: 'exit',
    ticketNumber: completed.ticketNumber,
    claimed: input.exitTime,
    at: exitTime,
    now,
    timeZone: timezone,
    revenueCents: fee.totalCents,
  });
  const audit = recordAudit(tx, {
    garageId: deps.garageId,
    ...by,
    action: 'ticket.exit',
    subject: completed.ticketNumber,
    details: {
      amountPaid: fee.totalCents,
      paymentMethod: input.paymentMethod,
      durationMinutes: fee.durationMinutes,
      exitTime: exitTime.toISOString(),
      ...timing,
      ...(input.exitTime ? { amountDueAtReceipt: quoteTicketFee(stay, now).totalCents } : {}),
      ...(fee.lostTicket ? { lostTicket: fee.lostTicket } : {}),
      ...(fee.validation ? { validation: fee.validation } : {}),
      ...(fee.applied && fee.applied.kind !== 'regular' ? { applied: fee.applied } : {}),
      ...(input.waiver ? { waiverApprovedBy: input.waiver.approvedBy, exceptionId: input.waiver.exceptionId } : {}),
    },
  });
  await writeLater(audit, later);
  return toTicket(completed, now);
}
