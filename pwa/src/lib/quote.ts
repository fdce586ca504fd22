import { quoteLostTicket, quoteTicketFee, type LostTicketRule, type Tariff } from '../../../shared/fee.js';
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
  /** What the stay is priced with (the ticket's tariff; the garage's for a car that came in offline); null when unknown. */
  tariff: Tariff | null;
  /** The driver lost the ticket: priced by the garage's lost-ticket rule, and the exit says so. */
  lostTicket?: boolean;
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
  if (!ticket) return { ticketNumber, car: null, source: 'none', breakdown: null, tariff: null };
  return { ticketNumber, car: carOf(ticket), source, breakdown: quoteTicketFee(ticket, now), tariff: ticket.tariff };
}

/**
 * Prices a car that came in offline (no ticket on the server yet) with `quoteTicketFee` and the
 * garage tariff the phone last saw (null when it has seen none: the amount is then unknown).
 */
export function quoteOfflineEntry(entry: EntryItem, tariff: Tariff | null, now: Date): ExitQuote {
  const car = { licensePlate: entry.body.licensePlate.toUpperCase(), vehicleType: entry.body.vehicleType, entryTime: entry.body.entryTime };
  const breakdown = tariff ? quoteTicketFee({ entryTime: car.entryTime, tariff }, now) : null;
  return { ticketNumber: provisionalRef(entry.key), car, source: 'offline', breakdown, tariff, entryKey: entry.key };
}

/**
 * The quote with the ticket lost (`lost`) or not: a lost ticket is priced with `quoteLostTicket`
 * and the garage's rule — the function the server charges it with — and the breakdown says so; the
 * amount is unknown (null) when the phone knows the stay's tariff or the garage's rule not.
 * @example withLostTicket(quote, true, { policy: 'actual_plus_fee', feeCents: 2500 }, serverNow()).breakdown?.lostTicket?.feeCents // 2500
 */
export function withLostTicket(q: ExitQuote, lost: boolean, rule: LostTicketRule | null, now: Date): ExitQuote {
  const stay = q.car && q.tariff ? { entryTime: q.car.entryTime, tariff: q.tariff } : null;
  const breakdown = !stay ? null : lost ? (rule ? quoteLostTicket(stay, now, rule, false) : null) : quoteTicketFee(stay, now);
  return { ...q, lostTicket: lost, breakdown };
}

function carOf(ticket: Ticket): QuotedCar {
  return { licensePlate: ticket.licensePlate, vehicleType: ticket.vehicleType, entryTime: ticket.entryTime };
}
