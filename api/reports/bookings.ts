import { stringify } from 'csv-stringify/sync';
import { localDayRange, type LocalDate } from '../../shared/garage-day.js';
import { parseCents } from '../cents.js';
import type { BookingsReport } from '../../shared/reservations.js';
import type { Db } from '../db/types.js';


/**
 * The bookings report of local dates `from`..`to`: permit and reservation entries, no-shows,
 * cancellations, overstays and prepaid revenue — counted from tickets and reservations in one query.
 */
export async function bookingsReport(sql: Db, garageId: number, from: LocalDate, to: LocalDate, timeZone: string): Promise<BookingsReport> {
  const { start, end } = localDayRange(from, to, timeZone);
  const [row] = await sql<(Omit<BookingsReport, 'from' | 'to' | 'timezone' | 'overstayCents' | 'prepaidCents'> & { overstayCents: string; prepaidCents: string })[]>`
    select
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'permit' and entry_time >= ${start} and entry_time < ${end}) as permit_entries,
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'permit' and status = 'completed' and amount_paid > 0
        and exit_time >= ${start} and exit_time < ${end}) as permit_overstays,
      (select count(*)::int from reservations where garage_id = ${garageId} and status <> 'cancelled' and starts_at >= ${start} and starts_at < ${end}) as reservations,
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'reservation' and entry_time >= ${start} and entry_time < ${end}) as reservation_entries,
      (select count(*)::int from reservations where garage_id = ${garageId} and status = 'no_show' and ended_at >= ${start} and ended_at < ${end}) as no_shows,
      (select count(*)::int from reservations where garage_id = ${garageId} and status = 'cancelled' and ended_at >= ${start} and ended_at < ${end}) as cancellations,
      (select count(*)::int from tickets k join reservations r on r.id = k.reservation_id
        where k.garage_id = ${garageId} and k.status = 'completed' and k.exit_time > r.ends_at and k.exit_time >= ${start} and k.exit_time < ${end}) as overstays,
      (select coalesce(sum(k.amount_paid), 0)::text from tickets k join reservations r on r.id = k.reservation_id
        where k.garage_id = ${garageId} and k.status = 'completed' and k.exit_time > r.ends_at and k.exit_time >= ${start} and k.exit_time < ${end}) as overstay_cents,
      (select coalesce(sum(prepaid_cents), 0)::text from reservations
        where garage_id = ${garageId} and status <> 'cancelled' and starts_at >= ${start} and starts_at < ${end}) as prepaid_cents
  `;
  return { from, to, timezone: timeZone, ...row!, overstayCents: parseCents(row!.overstayCents), prepaidCents: parseCents(row!.prepaidCents) };
}

/** The bookings report as a one-row CSV, money in cents. */
export function bookingsReportCsv(r: BookingsReport): string {
  const columns = ['from', 'to', 'permitEntries', 'permitOverstays', 'reservations', 'reservationEntries', 'noShows', 'cancellations', 'overstays', 'overstayCents', 'prepaidCents'] as const;
  return stringify([columns.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)), columns.map((c) => r[c])], { record_delimiter: '\r\n' });
}
