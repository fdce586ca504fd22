import { quoteFee } from '../../../shared/fee.js';
import type { FeeBreakdown, Ticket } from '../../../shared/tickets.js';

/** What the attendant asks for at exit, and how sure the app is of it. */
export type ExitQuote = {
  ticketNumber: string;
  ticket: Ticket | null;
  /**
   * `server`: just fetched; `phone`: the copy this phone saw last (offline); `none`: unknown here;
   * `offline`: a car that came in while offline, its entry not on the server yet.
   */
  source: 'server' | 'phone' | 'none' | 'offline';
  amountCents: number | null;
  breakdown: FeeBreakdown | null;
  /** Set when the server's amount differs from hours x rate: grace or a daily cap changed it. */
  tariffNote: string | null;
  /** For `offline`: the outbox entry the exit depends on. */
  entryKey?: string;
};

/**
 * Prices an active ticket for the quote screen. The server's `amountDue` is the amount when it
 * is known; the breakdown is worked out here from the ticket's rate (the server only sends one
 * for completed tickets), so grace and daily caps, which attendants cannot read, may explain a
 * difference. Offline, the phone's copy of the ticket gives an estimate at the ticket's rate.
 */
export function quoteTicket(ticketNumber: string, ticket: Ticket | null, source: ExitQuote['source'], now: Date): ExitQuote {
  if (!ticket) return { ticketNumber, ticket: null, source: 'none', amountCents: null, breakdown: null, tariffNote: null };
  const local = ticket.feeBreakdown ?? quoteFee(new Date(ticket.entryTime), now, { hourlyRate: ticket.hourlyRate, graceMinutes: 0, dailyMaxCents: null });
  const amountCents = source === 'server' && ticket.amountDue !== undefined ? ticket.amountDue : local.totalCents;
  const tariffNote =
    amountCents !== local.totalCents ? "The garage's grace period or daily maximum brings the amount to this." : null;
  return { ticketNumber, ticket, source, amountCents, breakdown: { ...local, totalCents: amountCents }, tariffNote };
}
