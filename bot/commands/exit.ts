import { AppError } from '../../api/http/app-error.js';
import { exitVehicle } from '../../api/tickets/exit.js';
import { byTicketNumber, findTicket, showTicket } from '../../api/tickets/lookup.js';
import { toTicket } from '../../api/tickets/ticket-view.js';
import { previewValidation } from '../../api/validations/use-cases.js';
import { quoteTicketFee, type FeeBreakdown } from '../../shared/fee.js';
import { shorterStayPrice } from '../../shared/pricing.js';
import type { PaymentMethod, Ticket, TicketTarget } from '../../shared/tickets.js';
import { buildError } from '../blocks/error.js';
import { buildQuote, buildReceipt, type PayChoice } from '../blocks/exit.js';
import { formatDateTime } from '../blocks/format.js';
import type { Reply } from '../blocks/reply.js';
import { attribution, requestKey, type SlackContext } from './context.js';
import { driverLinkAfterExit, type SlackReceipts } from './receipt.js';

const alreadyPaid = (t: Ticket, timeZone: string) =>
  `Already paid${t.exitTime ? ` at ${formatDateTime(t.exitTime, timeZone)}` : ''}: nothing more was charged.`;

/** The ticket a `ticket_already_completed` refusal names, if it is one. */
function completedTicketOf(error: unknown): string | null {
  if (!(error instanceof AppError) || error.code !== 'ticket_already_completed') return null;
  const [detail] = (error.details ?? []) as { ticketNumber?: string }[];
  return detail?.ticketNumber ?? null;
}

/** The receipt of a ticket completed earlier (by anyone, through any door), shown only to the person who asked. */
async function receiptOfCompleted(ctx: SlackContext, ticketNumber: string, timeZone: string, replaceOriginal: boolean): Promise<Reply> {
  const row = await findTicket(ctx.deps.sql, ctx.deps.garageId, byTicketNumber(ticketNumber), { latestByPlate: false });
  const ticket = toTicket(row, ctx.deps.now());
  return buildReceipt(ticket, timeZone, { visibility: 'ephemeral', replaceOriginal, note: alreadyPaid(ticket, timeZone) });
}

/** A validation code refused at an exit (`validation_refused`), in words, saying nothing was charged; null for any other failure. */
function refusedCode(error: unknown): Reply | null {
  if (!(error instanceof AppError) || error.code !== 'validation_refused') return null;
  return buildError(`${error.message}. Nothing was charged: the car is still checked in.`);
}

/**
 * What an active ticket owes if it leaves now, with a validation code applied as the exit would
 * apply it (`previewValidation`: the ticket's own tariff; a `minutes` code prices the stay that
 * much shorter, free when it is no longer), without using the code up. Refused (409
 * validation_refused, in words) when the code could not be used.
 */
async function quoteNow(ctx: SlackContext, ticket: Ticket, validationCode: string | undefined): Promise<FeeBreakdown> {
  const now = ctx.deps.now();
  const fee = quoteTicketFee(ticket, now);
  if (!validationCode) return fee;
  const shorter = shorterStayPrice((at) => quoteTicketFee(ticket, at), new Date(ticket.entryTime), now);
  return previewValidation(ctx.deps.sql, ctx.deps.garageId, validationCode, now, ctx.garage.timezone, fee, shorter);
}

/**
 * `/park exit <ticket|plate> [method] [lost] [CODE]`. With a method: the exit use case (as PUT
 * /api/tickets/:n/exit; `lost`: a lost ticket, priced by the garage's lost-ticket rule), the
 * receipt posted in the channel; the command's trigger id is its
 * idempotency key, so a re-sent delivery replays its receipt (to the sender only) even though the
 * plate has no active ticket any more. Without a method: an ephemeral quote with a button per
 * payment method (handing the ticket out, `showTicket`: it counts as seen still parked now), each
 * carrying the garage, so the click completes the ticket there whatever channel it comes from.
 * A merchant's validation `CODE` is applied after the tariff — at the exit, or previewed on the
 * quote and carried by its buttons; a code that cannot be used is refused in words, only to the
 * asker, and nothing is charged. The receipt carries the driver's receipt link, minted once the
 * exit has committed (`driverLinkAfterExit`).
 */
export async function exitCommand(
  ctx: SlackContext,
  input: { target: TicketTarget; paymentMethod: PaymentMethod | null; lostTicket?: boolean; validationCode?: string },
  receipts: SlackReceipts,
): Promise<Reply> {
  const { deps } = ctx;
  const timeZone = ctx.garage.timezone;
  if (!input.paymentMethod) {
    const ticket = await showTicket(deps, input.target, { latestByPlate: false });
    if (ticket.status === 'completed') return receiptOfCompleted(ctx, ticket.ticketNumber, timeZone, false);
    return buildQuote(ticket, await quoteNow(ctx, ticket, input.validationCode), timeZone, ctx.garage.id);
  }
  try {
    const exit = {
      target: input.target,
      paymentMethod: input.paymentMethod,
      ...(input.lostTicket ? { lostTicket: true } : {}),
      ...(input.validationCode ? { validationCode: input.validationCode } : {}),
    };
    const done = await exitVehicle(deps, exit, attribution(ctx), requestKey(ctx, 'exit'));
    const linked = { driverLink: await driverLinkAfterExit(ctx, receipts, done.ticket.ticketNumber), command: ctx.command };
    if (done.replayed) {
      return buildReceipt(done.ticket, timeZone, { visibility: 'ephemeral', note: 'This command had already been handled: nothing more was charged.', ...linked });
    }
    return buildReceipt(done.ticket, timeZone, linked);
  } catch (error) {
    const completed = completedTicketOf(error);
    if (completed) return receiptOfCompleted(ctx, completed, timeZone, false);
    const refused = refusedCode(error);
    if (refused) return refused;
    throw error;
  }
}

/**
 * A click on a quote's payment button: the exit use case for the ticket the quote was for, in its
 * garage (`ctx`, resolved from the button: see pay.ts). The
 * click's trigger id is its idempotency key, so a re-sent delivery of the click replays its receipt;
 * every other click — the same person's again, on another method, or someone else's at the same
 * moment — finds the ticket completed (its row lock lets exactly one exit through) and shows that
 * receipt. Each clicker's quote is replaced by the receipt. The quote's validation code goes with the
 * click; refused by then (its last use taken meanwhile), the click says so and charges nothing.
 * The receipt carries the driver's receipt link, as after `/park exit … <method>`.
 */
export async function payCommand(ctx: SlackContext, choice: PayChoice, receipts: SlackReceipts): Promise<Reply> {
  const { deps } = ctx;
  const timeZone = ctx.garage.timezone;
  try {
    const done = await exitVehicle(
      deps,
      {
        target: byTicketNumber(choice.ticketNumber),
        paymentMethod: choice.paymentMethod,
        ...(choice.validationCode ? { validationCode: choice.validationCode } : {}),
      },
      attribution(ctx),
      requestKey(ctx, 'pay'),
    );
    return buildReceipt(done.ticket, timeZone, {
      visibility: 'ephemeral',
      replaceOriginal: true,
      ...(done.replayed ? { note: alreadyPaid(done.ticket, timeZone) } : {}),
      driverLink: await driverLinkAfterExit(ctx, receipts, done.ticket.ticketNumber),
      command: ctx.command,
    });
  } catch (error) {
    if (completedTicketOf(error)) return receiptOfCompleted(ctx, choice.ticketNumber, timeZone, true);
    const refused = refusedCode(error);
    if (refused) return refused;
    throw error;
  }
}
