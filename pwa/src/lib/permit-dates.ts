/** A permit's validity as whole garage days: the first day it covers and the last (it ends at the next midnight). */
import { addDays, localDate, startOfLocalDay, type LocalDate } from '../../../shared/garage-day.js';

/**
 * The last garage day a permit valid until `validTo` covers (valid to midnight: the day before).
 * @example lastDay('2027-01-01T00:00:00.000Z', 'UTC') // '2026-12-31'
 */
export function lastDay(validTo: string, timeZone: string): LocalDate {
  return localDate(new Date(Date.parse(validTo) - 1), timeZone);
}

/**
 * The instant a permit covering through `day` ends: the next day's midnight, garage time.
 * @example endOfDay('2026-12-31', 'UTC') // '2027-01-01T00:00:00.000Z'
 */
export function endOfDay(day: LocalDate, timeZone: string): string {
  return startOfLocalDay(addDays(day, 1), timeZone).toISOString();
}

/** The instant a garage day starts (a permit's `validFrom`). */
export function startOfDay(day: LocalDate, timeZone: string): string {
  return startOfLocalDay(day, timeZone).toISOString();
}

/**
 * The same day a month later (the month's last day when it has no such day, and a month's last day
 * stays a month's last day): what a renewal offers.
 * @example nextMonth('2026-12-31') // '2027-01-31'
 * @example nextMonth('2027-01-31') // '2027-02-28'
 */
export function nextMonth(day: LocalDate): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const wasLast = d === daysIn(y, m);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const nd = wasLast ? daysIn(ny, nm) : Math.min(d, daysIn(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** True for a `YYYY-MM-DD` a date field gives, between the years 2000 and 2100 (a bound at the phone's door). */
export function isDay(text: string): text is LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
