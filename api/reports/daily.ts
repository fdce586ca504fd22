import { addDays, daysBetween, localDayRange, localHour, type LocalDate } from '../../shared/garage-day.js';
import { MAX_REPORT_DAYS, type DailyReport, type PeriodFigures } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';
import { loadSettings } from '../garage/queries.js';
import { loadPeriodFigures, type PeriodRow } from './queries.js';

/** Turns a period's raw row into the report's figures (all money in cents). */
export function toPeriodFigures(from: LocalDate, to: LocalDate, row: PeriodRow, timeZone: string): PeriodFigures {
  const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, parseCents(row.revenueByMethod?.[m] ?? 0)])) as PeriodFigures['revenueByPaymentMethod'];
  const peakLevel = row.occupiedAtStart + (row.peakDelta ?? 0);
  const peakInside = row.peakAt !== null && row.peakDelta !== null && row.peakDelta > 0;
  return {
    from,
    to,
    totalRevenue: parseCents(row.totalRevenue),
    revenueByPaymentMethod: byMethod,
    vehiclesIn: row.vehiclesIn,
    vehiclesOut: row.vehiclesOut,
    averageStayMinutes: row.averageStayMinutes,
    peakOccupancy: peakInside ? peakLevel : row.occupiedAtStart,
    peakAt: peakInside ? row.peakAt!.toISOString() : null,
    peakHour: peakInside ? localHour(row.peakAt!, timeZone) : null,
    stillParked: row.stillParked,
    openOver24h: row.openOver24h,
  };
}

async function figuresFor(sql: Db, garageId: number, from: LocalDate, to: LocalDate, timeZone: string, now: Date) {
  const { start, end } = localDayRange(from, to, timeZone);
  const asOf = end < now ? end : now;
  return toPeriodFigures(from, to, await loadPeriodFigures(sql, garageId, start, end, asOf), timeZone);
}

/**
 * The report for local dates `from`..`to` in the garage's timezone: figures for the whole period
 * and one row a day. `stillParked` is counted at the period's end, or now when that is later.
 * Invariant: at most MAX_REPORT_DAYS days, counted as a number before any loop — a period the doors
 * did not bound (`decideReportPeriod`) is a bug and throws, it never runs away.
 */
export async function dailyReport(sql: Db, garageId: number, from: LocalDate, to: LocalDate, now: Date): Promise<DailyReport> {
  const count = daysBetween(from, to) + 1;
  if (!(count >= 1 && count <= MAX_REPORT_DAYS)) {
    throw new Error(`dailyReport asked for ${count} days (${from}..${to}); at most ${MAX_REPORT_DAYS}, bounded by decideReportPeriod`);
  }
  const settings = await loadSettings(sql, garageId);
  if (!settings) throw new Error(`garage ${garageId} does not exist`);
  const tz = settings.timezone;
  const dates = Array.from({ length: count }, (_, i) => addDays(from, i));
  const [whole, ...days] = await Promise.all([
    figuresFor(sql, garageId, from, to, tz, now),
    ...(dates.length > 1 ? dates.map((d) => figuresFor(sql, garageId, d, d, tz, now)) : []),
  ]);
  return { ...whole!, timezone: tz, days: dates.length > 1 ? days : [whole!] };
}
