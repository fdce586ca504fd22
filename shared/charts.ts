import { z } from 'zod';
import { PaymentMethod } from './tickets.js';

/** The stay-length buckets of the charts, in minutes: [from, to). */
export const STAY_BUCKETS = [
  { label: 'under 1 h', from: 0, to: 60 },
  { label: '1–2 h', from: 60, to: 120 },
  { label: '2–4 h', from: 120, to: 240 },
  { label: '4–8 h', from: 240, to: 480 },
  { label: '8–24 h', from: 480, to: 1440 },
  { label: 'over 24 h', from: 1440, to: null },
] as const;

/** The longest period whose occupancy is drawn hour by hour (longer ranges: the daily figures only). */
export const MAX_OCCUPANCY_DAYS = 31;

/** GET /api/garages/:id/reports/charts: a period's figures as chart series, computed in PostgreSQL. */
export const ChartsReport = z
  .object({
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    revenueByDay: z.array(z.object({ date: z.string(), grossCents: z.number().int(), refundsCents: z.number().int(), netCents: z.number().int(), vehiclesIn: z.number().int() })),
    occupancy: z
      .array(z.object({ at: z.iso.datetime(), occupied: z.number().int() }))
      .meta({ description: `cars inside at the start of each hour of the period (periods up to ${MAX_OCCUPANCY_DAYS} days; empty beyond)` }),
    stayLengths: z.array(z.object({ label: z.string(), count: z.number().int() })).meta({ description: 'paid exits of the period by how long the car stayed' }),
    paymentMethods: z.array(z.object({ method: PaymentMethod, count: z.number().int(), cents: z.number().int() })),
    heatmap: z
      .object({
        from: z.string(),
        to: z.string(),
        cells: z.array(z.array(z.number())).meta({ description: '7 rows (Monday first) × 24 hours: the average number of cars inside at the start of that local hour over the 8 weeks' }),
      })
      .meta({ description: 'the 8 weeks ending on `to`' }),
  })
  .meta({ description: 'Chart series of a period' });
export type ChartsReport = z.infer<typeof ChartsReport>;
