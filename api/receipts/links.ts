import type { Attribution } from '../../shared/auth.js';
import type { ReceiptLink, RevokedReceiptLinks } from '../../shared/receipt-links.js';
import { recordAudit } from '../audit/queries.js';
import type { Db } from '../db/types.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { byTicketNumber, ticketNotFound } from '../tickets/lookup.js';
import { loadTicket, type TicketRow } from '../tickets/queries.js';
import { insertReceiptLink, loadLiveLink, loadReceiptByTokenHash, revokeReceiptLinks, type LinkedReceipt, type LiveLink } from './queries.js';
import { isSigned, tokenFor, tokenHash } from './token.js';

/** What the receipt link use cases need: the database, the request's garage, the clock, randomness and the key source. */
export type ReceiptDeps = Pick<Deps, 'sql' | 'garageId' | 'now' | 'randomBytes' | 'receiptKeys'>;

const SALT_BYTES = 16;

/** The paid ticket of this number in the garage, or the refusal a person can act on. */
async function paidTicket(sql: Db, garageId: number, ticketNumber: string): Promise<TicketRow> {
  const ticket = await loadTicket(sql, garageId, ticketNumber);
  if (!ticket) throw ticketNotFound(byTicketNumber(ticketNumber), false);
  if (ticket.status === 'active') throw new AppError('ticket_not_completed', `Ticket ${ticketNumber} is not paid yet: its receipt link comes once the car has checked out.`);
  if (ticket.status === 'voided') throw new AppError('ticket_not_completed', `Ticket ${ticketNumber} was voided and never charged: it has no receipt to link to.`);
  return ticket;
}

const linkOf = (ticketNumber: string, token: string, link: LiveLink): ReceiptLink => ({ ticketNumber, path: `/r/${token}`, createdAt: link.createdAt.toISOString() });

/**
 * POST /api/tickets/:n/receipt-link: the receipt link of a paid ticket. Invariants: a ticket has at
 * most one live link, and asking again hands out the same one (its token is derived from the key
 * and the row's salt, never stored); a new link is audited; a live link made under another key
 * (RECEIPT_LINK_SECRET changed) no longer works, so it is revoked and replaced.
 */
export async function mintReceiptLink(deps: ReceiptDeps, ticketNumber: string, by: Attribution): Promise<ReceiptLink> {
  const key = await deps.receiptKeys.current(deps.sql, deps.randomBytes);
  const ticket = await paidTicket(deps.sql, deps.garageId, ticketNumber);
  return deps.sql.begin(async (tx) => {
    const live = await loadLiveLink(tx, ticket.id);
    if (live) {
      const token = tokenFor(key, live.salt);
      if (tokenHash(token).equals(live.tokenHash)) return linkOf(ticket.ticketNumber, token, live);
      await revokeReceiptLinks(tx, ticket.id, { at: deps.now(), by: 'system' });
    }
    const salt = deps.randomBytes(SALT_BYTES);
    const token = tokenFor(key, salt);
    const made = await insertReceiptLink(tx, { garageId: ticket.garageId, ticketId: ticket.id, salt, tokenHash: tokenHash(token), createdAt: deps.now(), createdBy: by.actor });
    if (!made) {
      // another request made the ticket's link between our read and our insert: hand out that one
      const theirs = await loadLiveLink(tx, ticket.id);
      if (!theirs) throw new Error(`ticket ${ticket.id}: a live receipt link blocked the insert but none is there`);
      return linkOf(ticket.ticketNumber, tokenFor(key, theirs.salt), theirs);
    }
    await recordAudit(tx, { garageId: ticket.garageId, actor: by.actor, source: by.source, action: 'receipt_link.create', subject: ticket.ticketNumber, details: { linkId: made.id } });
    return linkOf(ticket.ticketNumber, token, made);
  });
}

/**
 * POST /api/tickets/:n/receipt-link/revoke: every live link of the ticket stops working at once
 * (the same 404 as a link never made); audited when there was one. Minting afterwards makes a new link.
 */
export async function revokeReceiptLink(deps: ReceiptDeps, ticketNumber: string, by: Attribution): Promise<RevokedReceiptLinks> {
  const ticket = await loadTicket(deps.sql, deps.garageId, ticketNumber);
  if (!ticket) throw ticketNotFound(byTicketNumber(ticketNumber), false);
  const revoked = await deps.sql.begin(async (tx) => {
    const n = await revokeReceiptLinks(tx, ticket.id, { at: deps.now(), by: by.actor });
    if (n > 0) await recordAudit(tx, { garageId: ticket.garageId, actor: by.actor, source: by.source, action: 'receipt_link.revoke', subject: ticket.ticketNumber, details: { links: n } });
    return n;
  });
  return { ticketNumber: ticket.ticketNumber, revoked };
}

/** How a receipt is found by its token's hash (the query, or a test's spy on it). */
export type ReceiptLoader = (sql: Db, hash: Buffer) => Promise<LinkedReceipt | null>;

/**
 * GET /r/:token: the receipt a token shows, or null — for a malformed or unsigned token without
 * asking the database, for an unknown, revoked or unpaid one after one query. The caller answers
 * every null the same way.
 */
export async function findLinkedReceipt(deps: Pick<ReceiptDeps, 'sql' | 'randomBytes' | 'receiptKeys'>, token: string, load: ReceiptLoader = loadReceiptByTokenHash): Promise<LinkedReceipt | null> {
  const key = await deps.receiptKeys.current(deps.sql, deps.randomBytes);
  if (!isSigned(key, token)) return null;
  return load(deps.sql, tokenHash(token));
}
