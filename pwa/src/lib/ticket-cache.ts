import { Ticket } from '../../../shared/tickets.js';
import type { LocalStore } from './local-store.js';

/**
 * The tickets this phone has seen, each with the garage it was seen in, so a car can be priced at
 * exit while offline; the only code that reads or writes them. Invariants: only active tickets are
 * kept (a completed one is forgotten); a ticket is recalled only for its own garage (a copy kept
 * before several garages belongs to the user's default garage, `defaultGarageId`); a recalled ticket
 * has passed the shared Ticket schema, so one kept by an older version of the app (no tariff
 * snapshot, say) is unknown here rather than priced wrong.
 * @example const tickets = createTicketCache(store, () => 1); await tickets.remember(1, ticket); await tickets.recall(1, 'PS-7K3QXM')
 */
export function createTicketCache(store: LocalStore, defaultGarageId: () => number | null) {
  return {
    /** Keeps what the server of garage `garageId` just said about a ticket: an active one for later, a completed one forgotten. */
    async remember(garageId: number, ticket: Ticket): Promise<void> {
      if (ticket.status === 'active') await store.putTicket({ ...ticket, garageId });
      else await store.deleteTicket(ticket.ticketNumber);
    },
    /** The active ticket of garage `garageId` kept under `ticketNumber`; null when none is kept there or what is kept is not a ticket this app can read. */
    async recall(garageId: number, ticketNumber: string): Promise<Ticket | null> {
      const kept = await store.getTicket(ticketNumber);
      const keptIn = kept && typeof kept === 'object' && 'garageId' in kept ? kept.garageId : defaultGarageId();
      if (keptIn !== garageId) return null;
      const parsed = Ticket.safeParse(kept);
      return parsed.success && parsed.data.status === 'active' && parsed.data.ticketNumber === ticketNumber ? parsed.data : null;
    },
  };
}

/** The phone's ticket cache as the app uses it. */
export type TicketCache = ReturnType<typeof createTicketCache>;
