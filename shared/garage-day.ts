import { dateTimeFormat } from './intl.js';

/** A calendar date `YYYY-MM-DD`, as a person in the garage's timezone reads it. */
export type LocalDate = string;

/** The fields `wallClock` reads, in one formatter per timezone. */
const wallClockFields = (timeZone: string) =>
  dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The wall-clock fields of an instant in a timezone. */
export function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of wallClockFields(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** True when `name` is an IANA timezone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false; // RangeError is how Intl says "unknown timezone"
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar date of an instant in a timezone.
 * @example localDate(new Date('2026-11-24T03:00:00Z'), 'America/New_York') // '2026-11-23'
 */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * An instant as date and time on the garage's clock, unambiguous for people and logs alike.
 * @example localDateTime(new Date('2026-11-23T19:05:00Z'), 'America/New_York') // '2026-11-23 14:05'
 */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The local hour of an instant as `HH:00`. */
export function localHour(instant: Date, timeZone: string): string {
  return `${pad(wallClock(instant, timeZone).hour)}:00`;
}

/**
 * An instant's time of day on the garage's clock, `HH:MM`.
 * @example localTime(new Date('2026-11-23T19:05:00Z'), 'America/New_York') // '14:05'
 */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Where an instant falls on the garage's clock: its local date, minutes since local midnight, and ISO weekday (1 Monday … 7 Sunday). */
export function clockPosition(instant: Date, timeZone: string): { date: LocalDate; minute: number; weekday: number } {
  const w = wallClock(instant, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, minute: w.hour * 60 + w.minute, weekday: weekday === 0 ? 7 : weekday };
}

/**
 * The instant a local date shows a time of day (`minute` since midnight); a time skipped by a DST
 * change is read as the same wall time before the change, a repeated one as its first occurrence.
 * @example localInstant('2026-11-23', 19 * 60, 'America/New_York') // 2026-11-24T00:00:00.000Z
 */
export function localInstant(date: LocalDate, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(second);
}

function offsetMs(utcMs: number, timeZone: string): number {
  const w = wallClock(new Date(utcMs), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant at which a local date begins in a timezone (DST-correct: a day may last 23 or 25 hours).
 * @example startOfLocalDay('2026-03-08', 'America/New_York') // 2026-03-08T05:00:00.000Z
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return new Date(second);
}

/** Adds whole days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier); a count, so loops over a
 * period run on it rather than on comparing dates as text ('10000-01-01' < '9999-12-31').
 * @example daysBetween('2026-11-23', '2026-12-01') // 8
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const utc = (date: LocalDate) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The half-open UTC range [start, end) that covers local dates `from`..`to` inclusive. */
export function localDayRange(from: LocalDate, to: LocalDate, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(addDays(to, 1), timeZone) };
}

/** True when `date` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return addDays(date, 0) === date;
}
