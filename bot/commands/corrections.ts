import { requestLostTicketWaiver, requestRefund, requestVoid, type Requester } from '../../api/corrections/use-cases.js';
import { findTicket } from '../../api/tickets/lookup.js';
import type { CorrectionOutcome, RefundReason, VoidReason } from '../../shared/corrections.js';
import { formatCents } from '../../shared/format.js';
import type { PaymentMethod, TicketTarget } from '../../shared/tickets.js';
import { buildRefunded, buildRequestPending, buildVoided } from '../blocks/correction.js';
import { buildReceipt } from '../blocks/exit.js';
import { context, type Reply } from '../blocks/reply.js';
import { namedRequest } from '../staff-names.js';
import { requireSlackAccess } from './access.js';
import { attribution, requestKey, type SlackContext } from './context.js';

/**
 * Who asks, as the approval policy weighs them: the role of the Slack user's linked staff account
 * (which must be allowed to ask: not disabled), or an attendant for a Slack user without one.
 */
export function requesterOf(ctx: SlackContext): Requester {
  if (!ctx.staff) return { by: attribution(ctx), role: 'attendant' };
  requireSlackAccess(ctx, 'corrections.request', 'ask for voids, refunds or waivers');
  return { by: attribution(ctx), role: ctx.staff.role };
}

/**
 * The ticket a void or waiver names: a plate's car inside, else the ticket of that number, else
 * the plate's latest ticket — so a re-sent command whose car is gone by then still finds the ticket
 * it voided (and replays), and a car already gone is refused by the use case in words.
 */
async function ticketNumberOf(ctx: SlackContext, target: TicketTarget): Promise<string> {
  const row = await findTicket(ctx.deps.sql, ctx.deps.garageId, target, { latestByPlate: true });
  return row.ticketNumber;
}

/** A command that was handled before (a re-sent delivery): the same answer, to the asker only, saying so. */
function asReplay(reply: Reply): Reply {
  return { ...reply, response_type: 'ephemeral', blocks: [...reply.blocks, context('This command had already been handled: nothing more was done.')] };
}

/** The answer to a request: done (each kind its own way) or waiting for a manager (only to the asker). */
async function answer(ctx: SlackContext, done: CorrectionOutcome & { replayed: boolean }, render: (d: Extract<CorrectionOutcome, { outcome: 'done' }>) => Reply): Promise<Reply> {
  if (done.outcome === 'done') return done.replayed ? asReplay(render(done)) : render(done);
  const e = await namedRequest(ctx.deps.sql, done.exception);
  return buildRequestPending(e, ctx.garage, ctx.deps.now(), e.requestedBy !== attribution(ctx).actor || done.replayed);
}

/**
 * `/park void <ticket|plate> <reason> [note…]` in the channel's garage: the void use case (as POST
 * /api/tickets/:n/void) — carried out at once for a manager (or an attendant under the garage's
 * limit), else filed for a manager and posted to the managers' channel. The command's trigger id is
 * its idempotency key.
 */
export async function voidCommand(ctx: SlackContext, input: { target: TicketTarget; reason: VoidReason; note: string | null }): Promise<Reply> {
  const who = requesterOf(ctx);
  const ticketNumber = await ticketNumberOf(ctx, input.target);
  const done = await requestVoid(ctx.deps, ticketNumber, { reason: input.reason, ...(input.note ? { note: input.note } : {}) }, who, requestKey(ctx, 'void'));
  return answer(ctx, done, (d) => buildVoided(d.ticket, ctx.garage.timezone));
}

/** `/park refund <ticket> <amount> <reason> [note…]`: the refund use case (as POST /api/tickets/:n/refunds), given back as the ticket was paid. */
export async function refundCommand(ctx: SlackContext, input: { ticketNumber: string; amountCents: number; reason: RefundReason; note: string | null }): Promise<Reply> {
  const who = requesterOf(ctx);
  const body = { amountCents: input.amountCents, reason: input.reason, ...(input.note ? { note: input.note } : {}) };
  const done = await requestRefund(ctx.deps, input.ticketNumber, body, who, requestKey(ctx, 'refund'));
  return answer(ctx, done, (d) => {
    if (!d.refund) throw new Error('a refund carried out gave no refund');
    return buildRefunded(d.ticket, d.refund, ctx.garage.timezone);
  });
}

/**
 * `/park waive <ticket|plate> <method>`: a lost ticket checked out without the lost-ticket fee (as
 * POST /api/tickets/:n/lost-ticket-waiver) — the receipt in the channel when carried out at once;
 * when a manager must approve, the car is checked out on approval, priced at the time it was asked.
 */
export async function waiveCommand(ctx: SlackContext, input: { target: TicketTarget; paymentMethod: PaymentMethod }): Promise<Reply> {
  const who = requesterOf(ctx);
  const ticketNumber = await ticketNumberOf(ctx, input.target);
  const done = await requestLostTicketWaiver(ctx.deps, ticketNumber, { paymentMethod: input.paymentMethod }, who, requestKey(ctx, 'waive'));
  return answer(ctx, done, (d) => {
    const waived = d.ticket.feeBreakdown?.lostTicket?.feeCents;
    return buildReceipt(d.ticket, ctx.garage.timezone, waived === undefined ? {} : { note: `Lost ticket: the ${formatCents(waived)} lost-ticket fee was waived.` });
  });
}
