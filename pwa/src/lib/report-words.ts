import { dateTimeFormat } from '../../../shared/intl.js';
import { DEFAULT_LOCALE } from './time.js';

/** The heatmap's rows, as the server sends them: Monday first. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * An hour of the day as the reports write it (the server's `peakHour` too).
 * @example hourName(7) // '07:00'
 */
export const hourName = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * A garage's local date (YYYY-MM-DD) in words; a calendar date, so read at noon UTC whatever the zone.
 * @example dayWords('2026-11-23') // 'Mon, Nov 23'
 */
export function dayWords(date: string, locale = DEFAULT_LOCALE, { short = false } = {}): string {
  const options: Intl.DateTimeFormatOptions = short ? { timeZone: 'UTC', month: 'numeric', day: 'numeric' } : { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' };
  return dateTimeFormat(locale, options).format(new Date(`${date}T12:00:00Z`));
}

/**
 * A report's period in words.
 * @example periodWords('2026-11-01', '2026-11-07') // 'Sun, Nov 1 to Sat, Nov 7'
 */
export function periodWords(from: string, to: string, locale = DEFAULT_LOCALE): string {
  return from === to ? dayWords(from, locale) : `${dayWords(from, locale)} to ${dayWords(to, locale)}`;
}
