import type { Ticket } from '../../../shared/tickets.js';

/** A stay longer than this many hours is flagged on Parked now (the alerts' default `staleTicketHours`). */
export const LONG_STAY_HOURS = 24;

/** A car inside now: its ticket, how long it has been in (whole minutes), and whether that is over LONG_STAY_HOURS. */
export type ParkedCar = { ticket: Ticket; minutes: number; overLong: boolean };

/**
 * The cars inside at `now`, longest parked first (by entry time, then ticket id), each with its stay.
 * @example parkedLongestFirst([ticketIn9, ticketIn7], now).map((c) => c.ticket.id) // [7, 9]
 */
export function parkedLongestFirst(tickets: readonly Ticket[], now: Date): ParkedCar[] {
  return tickets
    .filter((t) => t.status === 'active')
    .map((ticket) => {
      const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(ticket.entryTime)) / 60_000));
      return { ticket, minutes, overLong: minutes > LONG_STAY_HOURS * 60 };
    })
    .sort((a, b) => Date.parse(a.ticket.entryTime) - Date.parse(b.ticket.entryTime) || a.ticket.id - b.ticket.id);
}
