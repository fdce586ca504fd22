import { quoteTicketFee, type Tariff } from '../../../shared/fee.js';
import type { FeeBreakdown, Ticket } from '../../../shared/tickets.js';
import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

type EntryItem = Extract<OutboxItem, { kind: 'entry' }>;

/** The car a quote is for, as far as this phone knows it. */
export type QuotedCar = Pick<Ticket, 'licensePlate' | 'vehicleType' | 'entryTime'>;

/** What the attendant asks for at exit, and how sure the app is of it. */
export type ExitQuote = {
  ticketNumber: string;
  car: QuotedCar | null;
  /**
   * `server`: just fetched; `phone`: the copy this phone saw last (offline); `none`: unknown here;
   * `offline`: a car that came in while offline, its entry not on the server yet.
   */
  source: 'server' | 'phone' | 'none' | 'offline';
  /** What is due if the car leaves now, and why; null when the phone cannot know. */
  breakdown: FeeBreakdown | null;
  /** For `offline`: the outbox entry the exit depends on. */
  entryKey?: string;
};

/**
 * Prices an active ticket for the quote screen with `quoteTicketFee` and the tariff copied onto the
 * ticket at entry: the same function and tariff the server charges with, so a fresh answer gives its
 * `amountDue` and a copy fetched hours ago gives what the server would charge now. The
 * `amountDue`/`feeBreakdown` the ticket carries are ignored: they are the quote as of when it was fetched.
 * @example quoteTicket('PS-7K3QXM', ticket, 'phone', serverNow()).breakdown?.totalCents
 */
export function quoteTicket(ticketNumber: string, ticket: Ticket | null, source: 'server' | 'phone', now: Date): ExitQuote {
  if (!ticket) return { ticketNumber, car: null, source: 'none', breakdown: null };
  return { ticketNumber, car: carOf(ticket), source, breakdown: quoteTicketFee(ticket, now) };
}

/**
 * Prices a car that came in offline (no ticket on the server yet) with `quoteTicketFee` and the
 * garage tariff the phone last saw (null when it has seen none: the amount is then unknown).
 */
export function quoteOfflineEntry(entry: EntryItem, tariff: Tariff | null, now: Date): ExitQuote {
  const car = { licensePlate: entry.body.licensePlate.toUpperCase(), vehicleType: entry.body.vehicleType, entryTime: entry.body.entryTime };
  const breakdown = tariff ? quoteTicketFee({ entryTime: car.entryTime, tariff }, now) : null;
  return { ticketNumber: provisionalRef(entry.key), car, source: 'offline', breakdown, entryKey: entry.key };
}

function carOf(ticket: Ticket): QuotedCar {
  return { licensePlate: ticket.licensePlate, vehicleType: ticket.vehicleType, entryTime: ticket.entryTime };
}
