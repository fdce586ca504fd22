import { dateTimeFormat } from '../../../shared/intl.js';

/** The device's own timezone, used until the garage's is known. */
export const deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  return dateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  });
}

/**
 * A clock time in the garage's timezone.
 * @example formatTime('2026-11-23T14:05:00.000Z', 'UTC') // '14:05'
 */
export function formatTime(at: string | Date, timeZone: string): string {
  return formatter(timeZone, false).format(new Date(at));
}

/**
 * Day and time in the garage's timezone, for receipts.
 * @example formatDateTime('2026-11-23T14:05:00.000Z', 'UTC') // '23 Nov, 14:05'
 */
export function formatDateTime(at: string | Date, timeZone: string): string {
  return formatter(timeZone, true).format(new Date(at));
}

