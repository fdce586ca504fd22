import { addDays, daysBetween, localDayRange, localHour, type LocalDate } from '../../shared/garage-day.js';
import { addUpTallies, MAX_REPORT_DAYS, roundedAverage, type DailyReport, type PeriodFigures, type PeriodTally } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Sql } from '../db/types.js';
import { loadSettings } from '../garage/queries.js';
import { tallyDays } from './figures.js';

/** Turns a period's tally into the report's figures (all money in cents). */
export function toPeriodFigures(from: LocalDate, to: LocalDate, tally: PeriodTally, timeZone: string): PeriodFigures {
  const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, parseCents(tally.revenueByMethod[m] ?? 0)])) as PeriodFigures['revenueByPaymentMethod'];
  const refundsByMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, parseCents(tally.refundsByMethod[m] ?? 0)])) as PeriodFigures['refundsByPaymentMethod'];
  const gross = parseCents(tally.revenue);
  const refunds = parseCents(tally.refunds);
  const peakInside = tally.peakAt !== null && tally.peakDelta !== null && tally.peakDelta > 0;
  return {
    from,
    to,
    totalRevenue: gross,
    revenueByPaymentMethod: byMethod,
    grossRevenue: gross,
    refunds,
    refundsByPaymentMethod: refundsByMethod,
    netRevenue: gross - refunds,
    refundCount: tally.refundCount,
    voids: tally.voids,
    corrections: tally.corrections,
    lostTickets: tally.lostTickets,
    vehiclesIn: tally.vehiclesIn,
    vehiclesOut: tally.vehiclesOut,
    averageStayMinutes: roundedAverage(tally.stayMinutes, tally.stays),
    peakOccupancy: peakInside ? tally.occupiedAtStart + tally.peakDelta! : tally.occupiedAtStart,
    peakAt: peakInside ? tally.peakAt!.toISOString() : null,
    peakHour: peakInside ? localHour(tally.peakAt!, timeZone) : null,
    stillParked: tally.stillParked,
    openOver24h: tally.openOver24h,
  };
}

/**
 * The report for local dates `from`..`to` in the garage's timezone: figures for the whole period
 * and one row a day. `stillParked` is counted at the period's end, or now when that is later.
 * Days that are over come from their stored figures (`tallyDays`), and the whole period adds its
 * days up (`addUpTallies`), so a past day costs the same after years of tickets.
 * With `readFrom` (the read replica) the figures are read there and stored on `sql`; the garage's
 * own row (its timezone) is read on `sql`, so a garage made a moment ago has its report at once.
 * Invariant: at most MAX_REPORT_DAYS days, counted as a number before any loop — a period the doors
 * did not bound (`decideReportPeriod`) is a bug and throws, it never runs away.
 */
export async function dailyReport(
  sql: Sql,
  garageId: number,
  from: LocalDate,
  to: LocalDate,
  now: Date,
  options: { readFrom?: Sql | undefined } = {},
): Promise<DailyReport> {
  const count = daysBetween(from, to) + 1;
  if (!(count >= 1 && count <= MAX_REPORT_DAYS)) {
    throw new Error(`dailyReport asked for ${count} days (${from}..${to}); at most ${MAX_REPORT_DAYS}, bounded by decideReportPeriod`);
  }
  const settings = await loadSettings(sql, garageId);
  if (!settings) throw new Error(`garage ${garageId} does not exist`);
  const tz = settings.timezone;
  const dates = Array.from({ length: count }, (_, i) => addDays(from, i));
  const tallies = await tallyDays(sql, garageId, dates.map((d) => localDayRange(d, d, tz)), now, options);
  const days = dates.map((d, i) => toPeriodFigures(d, d, tallies[i]!, tz));
  const whole = count > 1 ? toPeriodFigures(from, to, addUpTallies(tallies), tz) : days[0]!;
  return { ...whole, timezone: tz, days };
}
