import { localDateTime, localInstant } from '../../../shared/garage-day.js';

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * An instant as a `datetime-local` field shows it, on the garage's clock.
 * @example toLocalInput('2026-11-23T19:05:00.000Z', 'America/New_York') // '2026-11-23T14:05'
 */
export function toLocalInput(at: string | Date, timeZone: string): string {
  return localDateTime(new Date(at), timeZone).replace(' ', 'T');
}

/**
 * A `datetime-local` value read on the garage's clock as a UTC instant (ISO), or null when it is not
 * a date and time between the years 2000 and 2100 (a bound at the phone's door).
 * @example fromLocalInput('2026-11-23T14:05', 'America/New_York') // '2026-11-23T19:05:00.000Z'
 */
export function fromLocalInput(text: string, timeZone: string): string | null {
  const m = INPUT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return localInstant(text.slice(0, 10), hour * 60 + minute, timeZone).toISOString();
}
