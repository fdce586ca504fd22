import { stringify } from 'csv-stringify/sync';
import { localDayRange, type LocalDate } from '../../shared/garage-day.js';
import { parseCents } from '../cents.js';
import type { BookingsReport } from '../../shared/reservations.js';
import type { Db } from '../db/types.js';
import { countBookings } from './queries.js';


/**
 * The bookings report of local dates `from`..`to`: permit and reservation entries, no-shows,
 * cancellations, overstays and prepaid revenue — counted from tickets and reservations in one query.
 */
export async function bookingsReport(sql: Db, garageId: number, from: LocalDate, to: LocalDate, timeZone: string): Promise<BookingsReport> {
  const { start, end } = localDayRange(from, to, timeZone);
  const row = await countBookings(sql, garageId, start, end);

  return { from, to, timezone: timeZone, ...row, overstayCents: parseCents(row.overstayCents), prepaidCents: parseCents(row.prepaidCents) };
}

/** The bookings report as a one-row CSV, money in cents. */
export function bookingsReportCsv(r: BookingsReport): string {
  const columns = ['from', 'to', 'permitEntries', 'permitOverstays', 'reservations', 'reservationEntries', 'noShows', 'cancellations', 'overstays', 'overstayCents', 'prepaidCents'] as const;
  return stringify([columns.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)), columns.map((c) => r[c])], { record_delimiter: '\r\n' });
}
