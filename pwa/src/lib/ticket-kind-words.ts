/** A permit holder's or a booked car's ticket said in words: the entry card, Car out, the receipt. */
import { formatCents } from '../../../shared/format.js';
import { localDate } from '../../../shared/garage-day.js';
import type { Ticket } from '../../../shared/tickets.js';
import { formatDate, formatDateTime, formatTime } from './time.js';

type Clock = { timeZone: string; locale: string; now: Date };

/**
 * The last day a permit covers, in the garage's time: a permit valid to midnight covers the day before.
 * @example permitWords({ holder: 'Acme Corp', validTo: '2027-01-01T00:00:00.000Z' }, { timeZone: 'UTC', locale: 'en-US', now }) // 'Monthly parker — Acme Corp until Dec 31'
 */
export function permitWords(permit: { holder: string; validTo: string }, { timeZone, locale, now }: Clock): string {
  const lastDay = new Date(Date.parse(permit.validTo) - 1);
  const withYear = localDate(lastDay, timeZone).slice(0, 4) !== localDate(now, timeZone).slice(0, 4);
  return `Monthly parker — ${permit.holder} until ${formatDate(lastDay, timeZone, locale, { withYear })}`;
}

/**
 * A reservation's window on the garage's clock (times only within one day, else day and time).
 * @example reservationWindow('2026-11-23T08:00:00.000Z', '2026-11-23T18:00:00.000Z', clock) // '8:00 AM–6:00 PM'
 */
export function reservationWindow(from: string, to: string, { timeZone, locale }: Omit<Clock, 'now'>): string {
  if (localDate(new Date(from), timeZone) === localDate(new Date(to), timeZone)) return `${formatTime(from, timeZone, locale)}–${formatTime(to, timeZone, locale)}`;
  return `${formatDateTime(from, timeZone, locale)} – ${formatDateTime(to, timeZone, locale)}`;
}

/**
 * A booked car's reservation in words: its window and what was paid in advance.
 * @example reservationWords({ startsAt, endsAt, prepaidCents: 2000 }, clock) // 'Reserved 8:00 AM–6:00 PM, prepaid $20.00'
 */
export function reservationWords(r: { startsAt: string; endsAt: string; prepaidCents: number }, clock: Clock): string {
  return `Reserved ${reservationWindow(r.startsAt, r.endsAt, clock)}, ${r.prepaidCents > 0 ? `prepaid ${formatCents(r.prepaidCents)}` : 'not prepaid'}`;
}

/** What kind of car a ticket is in words, or null for a car passing by. */
export function ticketKindWords(t: Partial<Pick<Ticket, 'permit' | 'reservation'>>, clock: Clock): string | null {
  if (t.permit) return permitWords(t.permit, clock);
  if (t.reservation) return reservationWords(t.reservation, clock);
  return null;
}

/**
 * What the attendant collects from a prepaid booked car: the balance only.
 * @example balanceWords(2000, 500) // 'Prepaid $20.00 — collect $5.00'
 */
export function balanceWords(prepaidCents: number, dueCents: number): string {
  return `Prepaid ${formatCents(prepaidCents)} — collect ${formatCents(dueCents)}`;
}
