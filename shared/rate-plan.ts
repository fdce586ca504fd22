import { z } from 'zod';
import { caseInsensitiveEnum } from './case-insensitive-enum.js';
import { ValidationCodeText } from './validations.js';
import { Instant, VEHICLE_TYPES, VehicleType } from './vehicle-type.js';

/** Cents per hour: at most $10,000 an hour. */
const Rate = z.number().int().min(0).max(1_000_000);
/** A price in cents: at most $1,000,000. */
const Price = z.number().int().min(0).max(100_000_000);
const Name = z.string().trim().min(1, 'Give it a name').max(40, 'A name is at most 40 characters');

/** A time of day on the garage's clock, `HH:MM`. */
export const LocalTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'A time of day is HH:MM, 00:00 to 23:59')
  .meta({ example: '06:00' });

/** Minutes since local midnight of a `HH:MM`. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Hourly rates for some vehicle types; the others pay the plan's (or band's) own rate. */
export const VehicleRates = z
  .strictObject(Object.fromEntries(VEHICLE_TYPES.map((t) => [t, Rate.optional()])) as Record<VehicleType, z.ZodOptional<typeof Rate>>)
  .meta({ description: 'cents per hour for these vehicle types; the rest pay the default', example: { Truck: 1500, Motorcycle: 400 } });
export type VehicleRates = z.infer<typeof VehicleRates>;

/** A time band: billable hours that start between `from` and `to` (local time; wraps past midnight when to <= from) pay its rate. */
export const TimeBand = z
  .strictObject({ name: Name, from: LocalTime, to: LocalTime, hourlyRate: Rate, vehicleRates: VehicleRates.default({}) })
  .refine((b) => b.from !== b.to, { message: 'A band starts and ends at different times', path: ['to'] })
  .meta({ example: { name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200 } });
export type TimeBand = z.infer<typeof TimeBand>;

/** ISO weekday: 1 Monday … 7 Sunday. */
const Weekday = z.number().int().min(1).max(7);

/** A flat price for a stay that comes in inside a window on some weekdays and leaves by a time (early bird, evening). */
export const Special = z
  .strictObject({
    name: Name,
    entryFrom: LocalTime,
    entryTo: LocalTime.meta({ description: 'in before this (local time; after entryFrom, or past midnight)' }),
    exitBy: LocalTime.meta({ description: 'out by the first time this clock time comes after the entry' }),
    weekdays: z
      .array(Weekday)
      .min(1, 'Pick at least one weekday')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'Each weekday once')
      .meta({ description: 'days of the entry, 1 Monday … 7 Sunday' }),
    priceCents: Price,
    vehicleTypes: z.array(VehicleType).min(1).max(VEHICLE_TYPES.length).optional().meta({ description: 'only these vehicle types (all when absent)' }),
  })
  .refine((s) => s.entryFrom !== s.entryTo, { message: 'The entry window starts and ends at different times', path: ['entryTo'] })
  .meta({ example: { name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 } });
export type Special = z.infer<typeof Special>;

/** The longest event window: 14 days. */
const EVENT_MAX_MS = 14 * 86_400_000;

/** A flat event price for cars coming in between `from` and `to`; it covers the first 24 hours, later days pay the regular way. */
export const EventPrice = z
  .strictObject({ name: Name, from: Instant, to: Instant, priceCents: Price })
  .refine((e) => Date.parse(e.from) < Date.parse(e.to), { message: 'An event ends after it starts', path: ['to'] })
  .refine((e) => Date.parse(e.to) - Date.parse(e.from) <= EVENT_MAX_MS, { message: 'An event lasts at most 14 days', path: ['to'] })
  .meta({ example: { name: 'Concert', from: '2026-12-12T17:00:00.000Z', to: '2026-12-12T23:00:00.000Z', priceCents: 2500 } });
export type EventPrice = z.infer<typeof EventPrice>;

const planFields = {
  hourlyRate: Rate.meta({ description: 'cents per hour, the default' }),
  vehicleRates: VehicleRates.default({}),
  graceMinutes: z.number().int().min(0).max(120).meta({ description: 'a stay of at most this many minutes is free' }),
  dailyMaxCents: Price.nullable().meta({ description: 'the most each 24 hours from entry costs; null: no cap' }),
  bands: z.array(TimeBand).max(12, 'At most 12 time bands').default([]),
  specials: z.array(Special).max(20, 'At most 20 specials').default([]),
  events: z.array(EventPrice).max(50, 'At most 50 events').default([]),
};

/** True when two bands share a minute of the day. */
function bandsOverlap(bands: readonly { from: string; to: string }[]): string | null {
  const owner = new Array<number>(1440).fill(-1);
  for (const [i, b] of bands.entries()) {
    const from = minutesOf(b.from);
    const length = (minutesOf(b.to) - from + 1440) % 1440;
    for (let k = 0; k < length; k++) {
      const m = (from + k) % 1440;
      if (owner[m] !== -1) return `Bands ${owner[m]! + 1} and ${i + 1} overlap at ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      owner[m] = i;
    }
  }
  return null;
}

/** PUT /api/garages/:id/rate-plan: the whole plan (a new version; cars already inside keep theirs). */
export const RatePlanBody = z.strictObject(planFields).superRefine((p, ctx) => {
  const overlap = bandsOverlap(p.bands);
  if (overlap) ctx.addIssue({ code: 'custom', message: overlap, path: ['bands'] });
});
export type RatePlanBody = z.infer<typeof RatePlanBody>;

/**
 * A plan as it prices stays: its rules, its version (0: the garage's tariff before any plan was
 * saved) and the timezone its clock times are read in. Copied onto the ticket at entry.
 */
export const RatePlanSnapshot = z
  .object({ ...planFields, version: z.number().int().min(0), timezone: z.string() })
  .meta({ description: 'The rate plan in force when the car came in; editing the plan never reprices it' });
export type RatePlanSnapshot = z.infer<typeof RatePlanSnapshot>;

/** GET /api/garages/:id/rate-plan */
export const RatePlan = RatePlanSnapshot.extend({
  createdAt: Instant.nullable().meta({ description: 'when this version was saved (null: version 0)' }),
  createdBy: z.string().nullable(),
}).meta({ description: "A garage's rate plan in force now" });
export type RatePlan = z.infer<typeof RatePlan>;

/** POST /api/garages/:id/rate-plan/quote */
export const QuoteBody = z
  .strictObject({
    vehicleType: caseInsensitiveEnum(VEHICLE_TYPES, 'vehicle type').default('Car'),
    entryTime: Instant,
    exitTime: Instant,
    validationCode: ValidationCodeText.optional(),
    plan: RatePlanBody.optional().meta({ description: 'price with this draft instead of the plan in force (the manager’s preview)' }),
  })
  .refine((q) => Date.parse(q.entryTime) <= Date.parse(q.exitTime), { message: 'exitTime is not before entryTime', path: ['exitTime'] })
  .refine((q) => Date.parse(q.exitTime) - Date.parse(q.entryTime) <= 366 * 86_400_000, { message: 'A quote covers at most 366 days', path: ['exitTime'] });
export type QuoteBody = z.infer<typeof QuoteBody>;

/** A plan in force as pricing takes it (without who saved it when). */
export function snapshotOf(plan: RatePlan): RatePlanSnapshot {
  const { createdAt: _at, createdBy: _by, ...snapshot } = plan;
  return snapshot;
}
