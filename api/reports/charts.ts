import { STAY_BUCKETS, MAX_OCCUPANCY_DAYS, type ChartsReport } from '../../shared/charts.js';
import { addDays, daysBetween, localDayRange, type LocalDate } from '../../shared/garage-day.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Sql } from '../db/types.js';
import { dailyReport } from './daily.js';
import { averageOccupancyByWeekHour, countStayLengths, occupancyByHour, sumPaymentMethods } from './queries.js';

/**
 * The charts of local dates `from`..`to`: revenue by day (the daily report's stored figures), cars
 * inside hour by hour (periods up to MAX_OCCUPANCY_DAYS), stay lengths and payment methods of the paid
 * exits, and a weekday × hour heatmap of the 8 weeks ending on `to` — each a bounded query in
 * PostgreSQL (no tickets shipped), so its cost does not grow with years of history.
 */
export async function chartsReport(sql: Sql, garageId: number, from: LocalDate, to: LocalDate, timeZone: string, now: Date, readFrom: Sql = sql): Promise<ChartsReport> {
  const { start, end } = localDayRange(from, to, timeZone);
  const heatFrom = addDays(to, -55);
  const heat = localDayRange(heatFrom, to, timeZone);
  const days = daysBetween(from, to) + 1;
  const [report, occupancy, stays, methods, heatCells] = await Promise.all([
    dailyReport(sql, garageId, from, to, now, { readFrom }),
    days <= MAX_OCCUPANCY_DAYS ? occupancyByHour(readFrom, garageId, start, end) : Promise.resolve([]),
    countStayLengths(readFrom, garageId, STAY_BUCKETS.slice(1).map((b) => b.from), start, end),
    sumPaymentMethods(readFrom, garageId, start, end),
    averageOccupancyByWeekHour(readFrom, garageId, heat.start, heat.end < now ? heat.end : now, timeZone),
  ]);
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const c of heatCells) cells[c.weekday - 1]![c.hour] = c.average;
  return {
    from,
    to,
    timezone: timeZone,
    revenueByDay: report.days.map((d) => ({ date: d.from, grossCents: d.grossRevenue, refundsCents: d.refunds, netCents: d.netRevenue, vehiclesIn: d.vehiclesIn })),
    occupancy: occupancy.map((o) => ({ at: o.at.toISOString(), occupied: o.occupied })),
    stayLengths: STAY_BUCKETS.map((b, i) => ({ label: b.label, count: stays.find((s) => s.bucket === i)?.count ?? 0 })),
    paymentMethods: PAYMENT_METHODS.map((m) => {
      const row = methods.find((r) => r.method === m);
      return { method: m, count: row?.count ?? 0, cents: row ? parseCents(row.cents) : 0 };
    }),
    heatmap: { from: heatFrom, to, cells },
  };
}
