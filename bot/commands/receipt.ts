import { AppError } from '../../api/http/app-error.js';
import { mintReceiptLink, revokeReceiptLink } from '../../api/receipts/links.js';
import { byTicketNumber, findTicket } from '../../api/tickets/lookup.js';
import { buildError } from '../blocks/error.js';
import { buildReceiptLink, buildReceiptLinkRevoked, receiptUrl, type DriverLink } from '../blocks/receipt-link.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import { attribution, type SlackContext } from './context.js';

/**
 * How Slack hands out receipt links: the address drivers reach ParkOps at (PUBLIC_URL; unset: Slack
 * says so instead of giving a link). They are signed by the server's key source, `deps.receiptKeys`,
 * the HTTP app's too, so both hand out the same links.
 */
export type SlackReceipts = { publicUrl: string | undefined };

/**
 * The driver's link of a paid ticket, minted by the use case of POST /api/tickets/:n/receipt-link
 * (the same link each time; a new one audited as the Slack user), as a full address. Without
 * PUBLIC_URL nothing is minted: there would be no address to give. Throws what the use case throws.
 */
async function driverLinkOf(ctx: SlackContext, receipts: SlackReceipts, ticketNumber: string): Promise<DriverLink> {
  if (receipts.publicUrl === undefined) return { kind: 'no_public_url' };
  const link = await mintReceiptLink(ctx.deps, ticketNumber, attribution(ctx));
  return { kind: 'link', url: receiptUrl(receipts.publicUrl, link) };
}

/**
 * The driver's link for an exit receipt, once the exit has committed: a failure to mint it is
 * logged and the receipt says how to get the link later, so it never costs the receipt.
 */
export async function driverLinkAfterExit(ctx: SlackContext, receipts: SlackReceipts, ticketNumber: string): Promise<DriverLink> {
  try {
    return await driverLinkOf(ctx, receipts, ticketNumber);
  } catch (error) {
    ctx.deps.log.error({ err: error, ticketNumber, garageId: ctx.garage.id, slackUser: ctx.userId }, 'receipt link after a slack exit failed; the receipt was shown without it');
    return { kind: 'failed', ticketNumber };
  }
}

/**
 * A `ticket_not_completed` refusal in Slack's words: a car still parked is told when its receipt
 * comes and how to check it out; anything else (a voided ticket) keeps the use case's words.
 */
async function notPaidYet(ctx: SlackContext, ticketNumber: string, refusal: AppError): Promise<Reply> {
  const row = await findTicket(ctx.deps.sql, ctx.deps.garageId, byTicketNumber(ticketNumber), { latestByPlate: false });
  if (row.status !== 'active') return buildError(refusal.message);
  return buildError(`${ticketNumber} is still parked: its receipt comes after it is paid (\`${ctx.command} exit ${ticketNumber} <payment method>\`).`);
}

/**
 * `/park receipt PS-…`: the driver's receipt link of a paid ticket in the channel's garage, only to
 * the asker (the use case of POST /api/tickets/:n/receipt-link, attributed to the Slack user). A
 * ticket of another garage gets the same answer as one never issued.
 * `/park receipt revoke PS-…`: managers (`receipts.revoke`) stop its link from working (the use
 * case of POST /api/tickets/:n/receipt-link/revoke).
 */
export async function receiptCommand(ctx: SlackContext, input: { ticketNumber: string; revoke: boolean }, receipts: SlackReceipts): Promise<Reply> {
  if (input.revoke) {
    requireSlackAccess(ctx, 'receipts.revoke', "revoke a receipt's link");
    const revoked = await revokeReceiptLink(ctx.deps, input.ticketNumber, attribution(ctx));
    return buildReceiptLinkRevoked(revoked, ctx.command);
  }
  try {
    return buildReceiptLink(input.ticketNumber, await driverLinkOf(ctx, receipts, input.ticketNumber), ctx.command);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ticket_not_completed') return notPaidYet(ctx, input.ticketNumber, error);
    throw error;
  }
}
