import { dateTimeFormat } from '../../../shared/intl.js';

/** The device's own timezone, used until the garage's is known. */
export const deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The locale times are written in when the garage names none: a US garage, next to US dollars. */
export const DEFAULT_LOCALE = 'en-US';

function format(at: string | Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  // ICU puts a narrow no-break space before AM/PM in some versions and a plain one in others.
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...options }).format(new Date(at)).replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * A clock time in the garage's timezone, on the clock its locale uses.
 * @example formatTime('2026-11-23T14:05:00.000Z', 'UTC') // '2:05 PM'
 */
export function formatTime(at: string | Date, timeZone: string, locale = DEFAULT_LOCALE): string {
  return format(at, locale, { timeZone });
}

/**
 * Day and time in the garage's timezone, for tickets and receipts.
 * @example formatDateTime('2026-11-23T14:05:00.000Z', 'UTC') // 'Nov 23, 2:05 PM'
 */
export function formatDateTime(at: string | Date, timeZone: string, locale = DEFAULT_LOCALE): string {
  return format(at, locale, { timeZone, day: 'numeric', month: 'short' });
}

/**
 * A calendar day in the garage's timezone, with the year only when it is not `thisYear`'s.
 * @example formatDate('2026-12-31T18:00:00.000Z', 'UTC') // 'Dec 31'
 */
export function formatDate(at: string | Date, timeZone: string, locale = DEFAULT_LOCALE, { withYear = false } = {}): string {
  return dateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(at));
}
