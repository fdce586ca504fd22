import { z } from 'zod';
import { isTimeZone } from './garage-day.js';

/** An IANA timezone name such as `America/New_York`. */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { message: 'Unknown timezone; use an IANA name such as America/New_York' })
  .meta({ example: 'America/New_York' });

/** The settings a manager can change. */
export const GarageSettings = z.object({
  totalSpaces: z.number().int().min(1).max(100000),
  hourlyRate: z.number().int().min(0).max(1000000).meta({ description: 'cents per hour' }),
  timezone: TimeZone,
  graceMinutes: z.number().int().min(0).max(120),
  dailyMaxCents: z.number().int().min(0).max(100000000).nullable().meta({ description: 'null: no daily cap' }),
});
export type GarageSettings = z.infer<typeof GarageSettings>;

/** PUT /api/garage/settings: any subset of the settings. */
export const SettingsUpdate = GarageSettings.partial()
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'Send at least one setting to change' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** GET /api/garage/stats */
export const GarageStats = z.object({
  totalSpaces: z.number().int(),
  occupiedSpaces: z.number().int(),
  availableSpaces: z.number().int(),
  occupancyPercentage: z.number(),
  availablePercentage: z.number(),
  todayRevenue: z.number().int().meta({ description: 'cents, exits today in the garage timezone' }),
  vehiclesEnteredToday: z.number().int(),
  vehiclesProcessedToday: z.number().int(),
  averageStayMinutes: z.number().int().nullable(),
  hourlyRate: z.number().int(),
  graceMinutes: z.number().int(),
  dailyMaxCents: z.number().int().nullable(),
  timezone: z.string(),
});
export type GarageStats = z.infer<typeof GarageStats>;

/** GET /api/status */
export const Status = z.object({ status: z.enum(['ok', 'unavailable']) });
