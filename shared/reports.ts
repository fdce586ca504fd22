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

/** GET /api/reports/daily: `date`, or `from` and `to`; `format=csv` for a spreadsheet, `format=pdf` to print (one page a day). */
export const ReportQuery = z.object({
  date: LocalDateInput.optional(),
  from: LocalDateInput.optional(),
  to: LocalDateInput.optional(),
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
});

const revenueByMethod = z.object(
  Object.fromEntries(PAYMENT_METHODS.map((m) => [m, z.number().int()])) as Record<(typeof PAYMENT_METHODS)[number], z.ZodNumber>,
);

/** The figures for one local day (or one range of days) in the garage's timezone. Money in cents. */
export const PeriodFigures = z.object({
  from: z.string(),
  to: z.string(),
  totalRevenue: z.number().int().meta({ description: 'Gross: what paid exits took in the period (as grossRevenue)' }),
  revenueByPaymentMethod: revenueByMethod,
  grossRevenue: z.number().int().meta({ description: 'What paid exits took in the period' }),
  refunds: z.number().int().meta({ description: 'Money given back in the period (counted on the day it was given back)' }),
  refundsByPaymentMethod: revenueByMethod,
  netRevenue: z.number().int().meta({ description: 'grossRevenue − refunds (negative when more went back than came in)' }),
  refundCount: z.number().int(),
  voids: z.number().int().meta({ description: 'Tickets voided in the period (never charged)' }),
  corrections: z.number().int().meta({ description: "Corrections of a ticket's plate or vehicle type made in the period" }),
  lostTickets: z.number().int().meta({ description: 'Paid exits of lost tickets' }),
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

/**
 * The sums and counts of a period's money and moves, counted from tickets — never averages, so that
 * periods side by side add up (`addUpSums`). Money and minutes are whole numbers as decimal text,
 * as PostgreSQL sums them (they are checked when shown).
 */
export type PeriodSums = {
  /** Gross: what paid exits took. */
  revenue: string;
  revenueByMethod: Record<string, string>;
  vehiclesIn: number;
  /** Paid exits (a voided ticket is a void, not an exit). */
  vehiclesOut: number;
  stayMinutes: string;
  stays: number;
  /** Money given back in the period (on the day it was given back), in total and by method, and how many refunds. */
  refunds: string;
  refundsByMethod: Record<string, string>;
  refundCount: number;
  voids: number;
  corrections: number;
  lostTickets: number;
};

/**
 * What a period's figures are made of: its sums, and its occupancy — the cars inside at its start,
 * the peak of its walk over its entries (+1) and exits (−1) (the most cars above the start, and
 * when first reached; null: nobody came or went), and `stillParked` and `openOver24h` counted at
 * its end, or now for a period not yet over.
 */
export type PeriodTally = PeriodSums & {
  occupiedAtStart: number;
  peakDelta: number | null;
  peakAt: Date | null;
  stillParked: number;
  openOver24h: number;
};

/** The sums of periods, from theirs (money and minutes added exactly, as big integers). An empty list throws. */
export function addUpSums(parts: readonly PeriodSums[]): PeriodSums {
  if (parts.length === 0) throw new Error('addUpSums needs at least one period');
  const sum = (pick: (t: PeriodSums) => string) => String(parts.reduce((s, t) => s + BigInt(pick(t)), 0n));
  const byMethod = (pick: (t: PeriodSums) => Record<string, string>) => {
    const methods = [...new Set(parts.flatMap((t) => Object.keys(pick(t))))];
    return Object.fromEntries(methods.map((m) => [m, sum((t) => pick(t)[m] ?? '0')]));
  };
  const count = (pick: (t: PeriodSums) => number) => parts.reduce((n, t) => n + pick(t), 0);
  return {
    revenue: sum((t) => t.revenue),
    revenueByMethod: byMethod((t) => t.revenueByMethod),
    vehiclesIn: count((t) => t.vehiclesIn),
    vehiclesOut: count((t) => t.vehiclesOut),
    stayMinutes: sum((t) => t.stayMinutes),
    stays: count((t) => t.stays),
    refunds: sum((t) => t.refunds),
    refundsByMethod: byMethod((t) => t.refundsByMethod),
    refundCount: count((t) => t.refundCount),
    voids: count((t) => t.voids),
    corrections: count((t) => t.corrections),
    lostTickets: count((t) => t.lostTickets),
  };
}

/**
 * The tally of consecutive periods, from theirs: sums add up; the cars inside at the start are the
 * first period's and at the end the last's; the peak is the highest level any of them reached
 * (its occupancy at start plus its peak), the earliest first. Exact because the cars inside at a
 * period's end are those inside at its start plus its entries minus its exits (an exit is never
 * before its entry).
 * Invariant: `parts` are back to back, in time order (a bug otherwise; an empty list throws).
 */
export function addUpTallies(parts: readonly PeriodTally[]): PeriodTally {
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last) throw new Error('addUpTallies needs at least one period');
  let peak: { level: number; at: Date } | null = null;
  for (const t of parts) {
    if (t.peakDelta === null || t.peakAt === null) continue;
    const level = t.occupiedAtStart + t.peakDelta;
    if (!peak || level > peak.level) peak = { level, at: t.peakAt };
  }
  return {
    ...addUpSums(parts),
    occupiedAtStart: first.occupiedAtStart,
    peakDelta: peak ? peak.level - first.occupiedAtStart : null,
    peakAt: peak ? peak.at : null,
    stillParked: last.stillParked,
    openOver24h: last.openOver24h,
  };
}

/**
 * A whole-number average rounded half away from zero, as PostgreSQL's round(avg(…)); null for no values.
 * @example roundedAverage('5', 2) // 3
 */
export function roundedAverage(sum: string, count: number): number | null {
  if (count === 0) return null;
  const total = BigInt(sum);
  const size = BigInt(count);
  const sign = total < 0n ? -1n : 1n;
  return Number(sign * ((2n * sign * total + size) / (2n * size)));
}

/** A period a report reads: [start, end), its cars counted at `asOf`; `closed` once it is over, when its figures may be stored. */
export type ReportPart = { start: Date; end: Date; asOf: Date; closed: boolean };

/** How long the stored pieces of a day not yet over are. */
export const OPEN_DAY_PART_MS = 3_600_000;

/**
 * The periods a day [start, end) is read from at `now`: the whole day once it is over; otherwise
 * each of its hours (from its start) that is over, then the rest of it, counted live as of now — so
 * today costs the tickets of one hour, not of a day. A day lasts 23 to 25 hours: the loop is bounded.
 * @example partsOfDay(day, now).map((p) => p.closed) // [true, true, …, false]
 */
export function partsOfDay(day: { start: Date; end: Date }, now: Date): ReportPart[] {
  const { start, end } = day;
  if (end.getTime() <= now.getTime()) return [{ start, end, asOf: end, closed: true }];
  const parts: ReportPart[] = [];
  let from = start.getTime();
  while (from + OPEN_DAY_PART_MS <= now.getTime()) {
    const to = new Date(from + OPEN_DAY_PART_MS);
    parts.push({ start: new Date(from), end: to, asOf: to, closed: true });
    from += OPEN_DAY_PART_MS;
  }
  parts.push({ start: new Date(from), end, asOf: now, closed: false });
  return parts;
}
