import { z } from 'zod';
import { addDays, daysBetween, isLocalDate, localDate, type LocalDate } from './garage-day.js';
import { PAYMENT_METHODS } from './tickets.js';

/** A calendar date `YYYY-MM-DD` in the garage's timezone. */
export const LocalDateInput = z
  .string()
  .refine(isLocalDate, { message: 'Dates are YYYY-MM-DD, e.g. 2026-11-23' })
  .meta({ example: '2026-11-23' });

/** The longest range one report may cover. */
export const MAX_REPORT_DAYS = 366;

/** The local dates a report may ask for, inclusive. */
export type ReportBounds = { firstDay: LocalDate; lastDay: LocalDate };

/**
 * The days a garage has figures for, in its timezone: from its first day — the day it was set up, or
 * the day of its earliest ticket when that is earlier (history brought in, an offline entry dated
 * back), and never after today — to tomorrow (a clock a little ahead, a date line between people).
 */
export function reportBounds(garage: { createdAt: Date; firstEntryAt: Date | null }, now: Date, timeZone: string): ReportBounds {
  const days = [garage.createdAt, ...(garage.firstEntryAt ? [garage.firstEntryAt] : []), now].map((d) => localDate(d, timeZone));
  const today = localDate(now, timeZone);
  return { firstDay: days.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a)), lastDay: addDays(today, 1) };
}

/** Which dates a report covers, or why it cannot. */
export type ReportPeriodDecision = { ok: true; from: LocalDate; to: LocalDate; days: number } | { ok: false; message: string };

/**
 * The report-period rule, the same for every door (GET /api/reports/daily, `/park report`): `date`,
 * or `from` and `to`, or today; inside the garage's bounds (first day .. tomorrow); at most
 * MAX_REPORT_DAYS days. Dates are compared as day counts, never as text.
 * @example decideReportPeriod({ date: '9999-12-31' }, '2026-11-24', bounds) // { ok: false, message: 'There are no figures for 9999-12-31 yet: …' }
 */
export function decideReportPeriod(
  q: { date?: LocalDate | undefined; from?: LocalDate | undefined; to?: LocalDate | undefined },
  today: LocalDate,
  bounds: ReportBounds,
): ReportPeriodDecision {
  if (q.date && (q.from || q.to)) return { ok: false, message: 'Ask for either date, or from and to — not both' };
  if (!q.date && Boolean(q.from) !== Boolean(q.to)) return { ok: false, message: 'A range needs both from and to (YYYY-MM-DD)' };
  const from = q.date ?? q.from ?? today;
  const to = q.date ?? q.to ?? today;
  const { firstDay, lastDay } = bounds;
  if (daysBetween(from, to) < 0) return { ok: false, message: `to (${to}) is before from (${from})` };
  if (daysBetween(to, lastDay) < 0) {
    const first = daysBetween(from, lastDay) < 0 ? from : to;
    return { ok: false, message: `There are no figures for ${first} yet: a report goes up to tomorrow, ${lastDay}.` };
  }
  if (daysBetween(firstDay, from) < 0) {
    return { ok: false, message: `${from} is before this garage's first day, ${firstDay}: ask for a date from ${firstDay} to ${lastDay}.` };
  }
  const days = daysBetween(from, to) + 1;
  if (days > MAX_REPORT_DAYS) {
    return { ok: false, message: `A report covers at most ${MAX_REPORT_DAYS} days; ${from} to ${to} is ${days} days. Ask for a shorter range.` };
  }
  return { ok: true, from, to, days };
}

/** GET /api/reports/daily: `date`, or `from` and `to`; `format=csv` for a spreadsheet. */
export const ReportQuery = z.object({
  date: LocalDateInput.optional(),
  from: LocalDateInput.optional(),
  to: LocalDateInput.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const revenueByMethod = z.object(
  Object.fromEntries(PAYMENT_METHODS.map((m) => [m, z.number().int()])) as Record<(typeof PAYMENT_METHODS)[number], z.ZodNumber>,
);

/** The figures for one local day (or one range of days) in the garage's timezone. Money in cents. */
export const PeriodFigures = z.object({
  from: z.string(),
  to: z.string(),
  totalRevenue: z.number().int(),
  revenueByPaymentMethod: revenueByMethod,
  vehiclesIn: z.number().int(),
  vehiclesOut: z.number().int(),
  averageStayMinutes: z.number().int().nullable(),
  peakOccupancy: z.number().int(),
  peakAt: z.string().nullable().meta({ description: 'ISO instant when the peak was first reached' }),
  peakHour: z.string().nullable().meta({ description: 'local hour of the peak, HH:00', example: '14:00' }),
  stillParked: z.number().int().meta({ description: 'cars inside at the end of the period' }),
  openOver24h: z.number().int().meta({ description: 'of those, parked for more than 24 hours by then' }),
});
export type PeriodFigures = z.infer<typeof PeriodFigures>;

/** A report: figures for the whole period, and one row a day. */
export const DailyReport = PeriodFigures.extend({
  timezone: z.string(),
  days: z.array(PeriodFigures),
});
export type DailyReport = z.infer<typeof DailyReport>;

/**
 * Entries and exits dated into a local day whose daily summary was already posted, received later:
 * how many, and the revenue they moved (cents). The next summary lists them.
 */
export type LateDayChanges = { day: LocalDate; entries: number; exits: number; revenueCents: number };
