import { quoteLostTicket, quoteTicketFee, type LostTicketRule, type PricedStay, type Tariff } from '../../../shared/fee.js';
import { applyValidation, type ValidationTerms, shorterStayPrice } from '../../../shared/pricing.js';
import type { FeeBreakdown, Ticket } from '../../../shared/tickets.js';
import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

type EntryItem = Extract<OutboxItem, { kind: 'entry' }>;

/** The car a quote is for, as far as this phone knows it. */
export type QuotedCar = Pick<Ticket, 'licensePlate' | 'vehicleType' | 'entryTime'> & Partial<Pick<Ticket, 'permit' | 'reservation'>>;

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
  /** A merchant's validation, checked online: its terms as the server gave them, applied after the tariff. */
  validation?: ValidationTerms;
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
  const breakdown = tariff ? quoteTicketFee({ entryTime: car.entryTime, vehicleType: car.vehicleType, tariff }, now) : null;
  return { ticketNumber: provisionalRef(entry.key), car, source: 'offline', breakdown, tariff, entryKey: entry.key };
}

/**
 * The quote with the ticket lost (`lost`) or not: a lost ticket is priced with `quoteLostTicket`
 * and the garage's rule — the function the server charges it with — and the breakdown says so; the
 * amount is unknown (null) when the phone knows the stay's tariff or the garage's rule not.
 * @example withLostTicket(quote, true, { policy: 'actual_plus_fee', feeCents: 2500 }, serverNow()).breakdown?.lostTicket?.feeCents // 2500
 */
export function withLostTicket(q: ExitQuote, lost: boolean, rule: LostTicketRule | null, now: Date): ExitQuote {
  return priced({ ...q, lostTicket: lost }, rule, now);
}

/**
 * The quote with a validation (`terms`, as the server's quote answered them once it checked the code
 * online) or without one (null): priced as the server charges the exit — the stay (lost or not) with
 * the ticket's own tariff, then `applyValidation`, a `minutes` code pricing the stay that much shorter.
 * @example withValidation(quote, { code: 'CINEMA5', merchant: 'Cinema', kind: 'amount', value: 500 }, rule, serverNow()).breakdown?.validation?.discountCents
 */
export function withValidation(q: ExitQuote, terms: ValidationTerms | null, rule: LostTicketRule | null, now: Date): ExitQuote {
  const { validation: _old, ...rest } = q;
  return priced(terms ? { ...rest, validation: terms } : rest, rule, now);
}

/** Prices a quote at `now` from what it knows: its car's stay and tariff, a lost ticket, a validation; null when the phone cannot know. */
function priced(q: ExitQuote, rule: LostTicketRule | null, now: Date): ExitQuote {
  if (!q.car || !q.tariff) return { ...q, breakdown: null };
  const stay: PricedStay = { entryTime: q.car.entryTime, vehicleType: q.car.vehicleType, tariff: q.tariff, permit: q.car.permit, reservation: q.car.reservation };
  if (q.lostTicket && !rule) return { ...q, breakdown: null };
  const priceAt = (at: Date) => (q.lostTicket && rule ? quoteLostTicket(stay, at, rule, false) : quoteTicketFee(stay, at));
  const fee = priceAt(now);
  if (!q.validation) return { ...q, breakdown: fee };
  return { ...q, breakdown: applyValidation(fee, q.validation, shorterStayPrice(priceAt, new Date(q.car.entryTime), now)) };
}

function carOf(ticket: Ticket): QuotedCar {
  return { licensePlate: ticket.licensePlate, vehicleType: ticket.vehicleType, entryTime: ticket.entryTime, permit: ticket.permit, reservation: ticket.reservation };
}
