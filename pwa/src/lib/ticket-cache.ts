import { Ticket } from '../../../shared/tickets.js';
import type { LocalStore } from './local-store.js';

/**
 * The tickets this phone has seen, so a car can be priced at exit while offline; the only code that
 * reads or writes them. Invariants: only active tickets are kept (a completed one is forgotten); a
 * recalled ticket has passed the shared Ticket schema, so one kept by an older version of the app
 * (no tariff snapshot, say) is unknown here rather than priced wrong.
 * @example const tickets = createTicketCache(store); await tickets.remember(ticket); await tickets.recall('PS-7K3QXM')
 */
export function createTicketCache(store: LocalStore) {
  return {
    /** Keeps what the server just said about a ticket: an active one for later, a completed one forgotten. */
    async remember(ticket: Ticket): Promise<void> {
      if (ticket.status === 'active') await store.putTicket(ticket);
      else await store.deleteTicket(ticket.ticketNumber);
    },
    /** The active ticket kept under `ticketNumber`; null when none is kept or what is kept is not a ticket this app can read. */
    async recall(ticketNumber: string): Promise<Ticket | null> {
      const parsed = Ticket.safeParse(await store.getTicket(ticketNumber));
      return parsed.success && parsed.data.status === 'active' && parsed.data.ticketNumber === ticketNumber ? parsed.data : null;
    },
  };
}

/** The phone's ticket cache as the app uses it. */
export type TicketCache = ReturnType<typeof createTicketCache>;
