import { AppError } from '../../api/http/app-error.js';
import { runIdempotent } from '../../api/idempotency/run.js';
import { loadTicket } from '../../api/tickets/queries.js';
import { toTicket } from '../../api/tickets/ticket-view.js';
import { exitVehicle } from '../../api/tickets/use-cases.js';
import { quoteFee } from '../../shared/fee.js';
import type { PaymentMethod, Ticket } from '../../shared/tickets.js';
import { buildQuote, buildReceipt, type PayChoice } from '../blocks/exit.js';
import { formatDateTime } from '../blocks/format.js';
import type { Reply } from '../blocks/reply.js';
import type { Target } from '../parse.js';
import { attribution, type SlackContext } from './context.js';
import { findTicket, garageTimezone } from './lookup.js';

const alreadyPaid = (t: Ticket, timeZone: string) =>
  `Already paid${t.exitTime ? ` at ${formatDateTime(t.exitTime, timeZone)}` : ''}: nothing more was charged.`;

/** The receipt of a ticket someone else completed first, shown only to the person who asked. */
async function receiptOfCompleted(ctx: SlackContext, ticketNumber: string, timeZone: string, replaceOriginal: boolean): Promise<Reply> {
  const row = await loadTicket(ctx.deps.sql, ctx.deps.garageId, ticketNumber);
  if (!row) throw new AppError('not_found', `No ticket ${ticketNumber}.`);
  const ticket = toTicket(row, ctx.deps.now());
  return buildReceipt(ticket, timeZone, { visibility: 'ephemeral', replaceOriginal, note: alreadyPaid(ticket, timeZone) });
}

/**
 * `/park exit <ticket|plate> [method]`. With a method: completes the ticket through the same use
 * case as PUT /api/tickets/:n/exit and posts the receipt in the channel. The car is looked up inside
 * the idempotent transaction, so a re-sent delivery of the command replays its receipt (to the
 * sender only) even though the plate has no active ticket any more. Without a method: an ephemeral
 * quote with a button per payment method.
 */
export async function exitCommand(ctx: SlackContext, input: { target: Target; paymentMethod: PaymentMethod | null }): Promise<Reply> {
  const { deps } = ctx;
  const timeZone = await garageTimezone(deps);
  const now = deps.now();
  if (!input.paymentMethod) {
    const row = await findTicket(deps.sql, deps.garageId, input.target, { latestByPlate: false });
    if (row.status === 'completed') return receiptOfCompleted(ctx, row.ticketNumber, timeZone, false);
    return buildQuote(toTicket(row, now), quoteFee(row.entryTime, now, row), timeZone);
  }
  const paymentMethod = input.paymentMethod;
  const seen: { ticketNumber?: string } = {};
  try {
    const answer = await runIdempotent(
      deps.sql,
      deps.garageId,
      ctx.triggerId
        ? { key: `slack:exit:${ctx.triggerId}`, operation: 'ticket.exit.slack-command', request: { target: input.target.text, paymentMethod } }
        : undefined,
      now,
      async (tx) => {
        const row = await findTicket(tx, deps.garageId, input.target, { latestByPlate: false });
        seen.ticketNumber = row.ticketNumber;
        return { status: 200 as const, body: await exitVehicle(tx, deps, { ticketNumber: row.ticketNumber, paymentMethod }, attribution(ctx)) };
      },
    );
    if (answer.replayed) {
      return buildReceipt(answer.body, timeZone, { visibility: 'ephemeral', note: 'This command had already been handled: nothing more was charged.' });
    }
    return buildReceipt(answer.body, timeZone);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ticket_already_completed' && seen.ticketNumber) {
      return receiptOfCompleted(ctx, seen.ticketNumber, timeZone, false);
    }
    throw error;
  }
}

/**
 * A click on a quote's payment button. Completes the ticket once however often and by whomever
 * its quotes are clicked: the idempotency key is the ticket's, so every later click (and every
 * concurrent one, which waits on the key) replays the first completion; a ticket completed some
 * other way shows its receipt. Each clicker's quote is replaced by the receipt.
 */
export async function payCommand(ctx: SlackContext, choice: PayChoice): Promise<Reply> {
  const { deps } = ctx;
  const timeZone = await garageTimezone(deps);
  try {
    const answer = await runIdempotent(
      deps.sql,
      deps.garageId,
      { key: `slack:pay:${choice.ticketNumber}`, operation: 'ticket.exit.slack-quote', request: { ticketNumber: choice.ticketNumber } },
      deps.now(),
      async (tx) => ({
        status: 200 as const,
        body: await exitVehicle(tx, deps, { ticketNumber: choice.ticketNumber, paymentMethod: choice.paymentMethod }, attribution(ctx)),
      }),
    );
    return buildReceipt(answer.body, timeZone, {
      visibility: 'ephemeral',
      replaceOriginal: true,
      ...(answer.replayed ? { note: alreadyPaid(answer.body, timeZone) } : {}),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'ticket_already_completed') return receiptOfCompleted(ctx, choice.ticketNumber, timeZone, true);
    throw error;
  }
}
