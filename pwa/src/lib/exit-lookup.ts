import type { Tariff } from '../../../shared/fee.js';
import type { Ticket } from '../../../shared/tickets.js';
import { api, isTransient } from './api.js';
import { describeFailure } from './failure-text.js';
import type { OutboxItem } from './local-store.js';
import { findProvisional } from './offline-exit.js';
import { quoteOfflineEntry, quoteTicket, type ExitQuote } from './quote.js';
import type { TicketCache } from './ticket-cache.js';

/**
 * What looking up a car at exit comes to: its quote; a ticket already closed (paid or voided: its
 * receipt, where a refund can be asked for); or a sentence saying why there is none.
 */
export type Found = { found: 'quote'; quote: ExitQuote } | { found: 'closed'; ticket: Ticket } | { found: 'nothing'; message: string };

/**
 * Finds an active ticket of garage `ctx.garageId` on its server and quotes it; with no answer, quotes
 * this phone's copy of that garage's ticket (or says it has none). Keeps the phone's ticket cache in
 * step with what the server said. Throws only when the phone's own storage fails.
 */
export async function findTicket(
  ticketNumber: string,
  ctx: { garageId: number; tickets: TicketCache; now: () => Date },
): Promise<Found> {
  let ticket;
  try {
    ticket = await api.ticket(ctx.garageId, ticketNumber);
  } catch (failure) {
    if (!isTransient(failure)) return { found: 'nothing', message: describeFailure(failure) };
    return { found: 'quote', quote: quoteTicket(ticketNumber, await ctx.tickets.recall(ctx.garageId, ticketNumber), 'phone', ctx.now()) };
  }
  await ctx.tickets.remember(ctx.garageId, ticket);
  if (ticket.status !== 'active') return { found: 'closed', ticket };
  return { found: 'quote', quote: quoteTicket(ticketNumber, ticket, 'server', ctx.now()) };
}

/**
 * Finds the car behind a provisional reference among this phone's outbox items (those of the garage
 * on screen): a quote from the garage tariff while its entry waits, the number the server gave it
 * once it has one, or why neither.
 */
export function findOfflineCar(items: OutboxItem[], ref: string, tariff: Tariff | null, now: Date): Found | { found: 'numbered'; ticketNumber: string } {
  const found = findProvisional(items, ref);
  switch (found.found) {
    case 'numbered':
      return found;
    case 'offline':
      return { found: 'quote', quote: quoteOfflineEntry(found.entry, tariff, now) };
    case 'refused':
      return { found: 'nothing', message: `The server refused the entry ${ref}: ${found.entry.error?.message ?? ''} Retry or discard it on the dashboard first.` };
    case 'already_out':
      return { found: 'nothing', message: `${ref} was already checked out on this phone. Its exit is sent with its entry.` };
    case 'none':
      return {
        found: 'nothing',
        message: `No car with reference ${ref} on this phone. An OFF- reference can only be checked out on the phone that issued it; otherwise type its ticket number once it has one.`,
      };
  }
}
