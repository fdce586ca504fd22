import { addDays, localDate, type LocalDate } from '../../shared/garage-day.js';
import { dateTimeFormat } from '../../shared/intl.js';

function partsIn(instant: Date, timeZone: string) {
  const format = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(instant)) parts[p.type] = p.value;
  return parts;
}

/**
 * An instant as a wall-clock time in the garage's timezone.
 * @example formatDateTime('2026-11-23T19:05:00.000Z', 'America/New_York') // 'Mon 23 Nov 14:05'
 */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  const p = partsIn(new Date(instant), timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/**
 * An instant as a time of day in the garage's timezone.
 * @example formatTime('2026-11-23T19:05:00.000Z', 'America/New_York') // '14:05'
 */
export function formatTime(instant: string | Date, timeZone: string): string {
  const p = partsIn(new Date(instant), timeZone);
  return `${p.hour}:${p.minute}`;
}

/**
 * The last day an end instant covers, in the garage's timezone: an end at local midnight covers the
 * day before it (a permit to 1 Jan 00:00 runs "until 31 Dec"); any other end gives its time too. The
 * year is said only when it is not the year of `around`.
 * @example formatUntil('2027-01-01T05:00:00.000Z', new Date('2026-11-23T15:00:00.000Z'), 'America/New_York') // '31 Dec'
 */
export function formatUntil(instant: string | Date, around: Date, timeZone: string): string {
  const end = new Date(instant);
  const p = partsIn(end, timeZone);
  const midnight = p.hour === '00' && p.minute === '00';
  const day = midnight ? partsIn(new Date(end.getTime() - 60_000), timeZone) : p;
  const year = day.year === partsIn(around, timeZone).year ? '' : ` ${day.year}`;
  return `${day.day} ${day.month}${year}${midnight ? '' : ` ${p.hour}:${p.minute}`}`;
}

/**
 * An instant for people who read it around `now`: the time alone on the same local day, else day and time.
 * @example formatWhen('2026-11-23T19:35:00.000Z', new Date('2026-11-23T19:05:00.000Z'), 'America/New_York') // '14:35'
 */
export function formatWhen(instant: string | Date, now: Date, timeZone: string): string {
  const sameDay = localDate(new Date(instant), timeZone) === localDate(now, timeZone);
  return sameDay ? formatTime(instant, timeZone) : formatDateTime(instant, timeZone);
}

/**
 * A local calendar date for people (the date is already in the garage's timezone).
 * @example formatDay('2026-11-23') // 'Mon 23 Nov 2026'
 */
export function formatDay(date: LocalDate): string {
  const p = partsIn(new Date(`${date}T12:00:00Z`), 'UTC');
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/**
 * How a figure moved against the same weekday a week before.
 * @example formatChange(1100, 1000) // '+10%'
 */
export function formatChange(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? 'no change' : 'new';
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return current === previous ? 'no change' : current > previous ? '+<1%' : '-<1%';
  return percent > 0 ? `+${percent}%` : `${percent}%`;
}

/** The same weekday one week before a local date. */
export function weekBefore(date: LocalDate): LocalDate {
  return addDays(date, -7);
}
