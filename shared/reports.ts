import { z } from 'zod';
import { isLocalDate } from './garage-day.js';
import { PAYMENT_METHODS } from './tickets.js';

/** A calendar date `YYYY-MM-DD` in the garage's timezone. */
export const LocalDateInput = z
  .string()
  .refine(isLocalDate, { message: 'Dates are YYYY-MM-DD, e.g. 2026-11-23' })
  .meta({ example: '2026-11-23' });

/** The longest range one report may cover. */
export const MAX_REPORT_DAYS = 366;

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
