import { formatCents } from '../../shared/format.js';
import type { Ticket } from '../../shared/tickets.js';
import { formatUntil, formatWhen } from './format.js';

/**
 * A booked window in words, in the garage's timezone: the start as seen around `around` (its time
 * alone on the same local day), the end as seen from the start (a window into the next day says it).
 * @example windowWords('2026-11-23T13:00:00Z', '2026-11-23T23:00:00Z', new Date('2026-11-23T13:00:00Z'), 'America/New_York') // '08:00–18:00'
 */
export function windowWords(from: string, to: string, around: Date, timeZone: string): string {
  return `${formatWhen(from, around, timeZone)}–${formatWhen(to, new Date(from), timeZone)}`;
}

/** What a reservation was paid in advance, in words: `prepaid $20.00`, or `not prepaid`. */
export const prepaidWords = (prepaidCents: number) => (prepaidCents > 0 ? `prepaid ${formatCents(prepaidCents)}` : 'not prepaid');

/**
 * What kind of parker a ticket's car is, for the entry card and `find`: a permit holder
 * ("Monthly parker — Acme Corp until 31 Dec") or a booked car ("Reserved 08:00–18:00, prepaid
 * $20.00"); null for a transient car. Times and dates on the garage's clock, seen from the entry.
 */
export function parkerWords(ticket: Pick<Ticket, 'kind' | 'permit' | 'reservation' | 'entryTime'>, timeZone: string): string | null {
  const entered = new Date(ticket.entryTime);
  if (ticket.permit) return `Monthly parker — ${ticket.permit.holder} until ${formatUntil(ticket.permit.validTo, entered, timeZone)}`;
  const r = ticket.reservation;
  if (r) return `Reserved ${windowWords(r.startsAt, r.endsAt, entered, timeZone)}, ${prepaidWords(r.prepaidCents)}`;
  return null;
}

/**
 * For a prepaid booked car at the exit: what was paid with the booking and that only the balance is
 * collected (`balanceCents`: the quote's total, or what the exit took); null for any other ticket.
 * @example prepaidNote(reservedTicket, 1000, 'quote') // 'Prepaid $20.00 with the booking: collect only the balance, $10.00.'
 */
export function prepaidNote(ticket: Pick<Ticket, 'reservation'>, balanceCents: number, at: 'quote' | 'receipt'): string | null {
  const prepaid = ticket.reservation?.prepaidCents ?? 0;
  if (prepaid === 0) return null;
  const balance = formatCents(balanceCents);
  if (at === 'quote') return `Prepaid ${formatCents(prepaid)} with the booking: collect only the balance, ${balance}.`;
  return `Prepaid ${formatCents(prepaid)} with the booking; ${balance} collected at the exit (the balance).`;
}
