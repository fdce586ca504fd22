import { STAY_BUCKETS, MAX_OCCUPANCY_DAYS, type ChartsReport } from '../../shared/charts.js';
import { addDays, daysBetween, localDayRange, type LocalDate } from '../../shared/garage-day.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Db, Sql } from '../db/types.js';
import { dailyReport } from './daily.js';

/** Cars inside at the start of each local hour from `start` to `end` (a stay counts from its entry to its exit; voided tickets not). */
async function occupancyByHour(sql: Db, garageId: number, start: Date, end: Date): Promise<{ at: Date; occupied: number }[]> {
  return sql<{ at: Date; occupied: number }[]>`
    select h.at, (
      select count(*)::int from tickets t
      where t.garage_id = ${garageId} and t.status <> 'voided' and tstzrange(t.entry_time, t.exit_time, '(]') @> h.at
    ) as occupied
    from generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 hour', interval '1 hour') as h(at)
    order by h.at
  `;
}

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
    readFrom<{ bucket: number; count: number }[]>`
      select width_bucket(duration_minutes, ${STAY_BUCKETS.slice(1).map((b) => b.from)}::int[]) as bucket, count(*)::int as count
      from tickets where garage_id = ${garageId} and status = 'completed' and exit_time >= ${start} and exit_time < ${end}
      group by 1
    `,
    readFrom<{ method: PaymentMethod; count: number; cents: string }[]>`
      select payment_method as method, count(*)::int as count, sum(amount_paid)::text as cents
      from tickets where garage_id = ${garageId} and status = 'completed' and exit_time >= ${start} and exit_time < ${end}
      group by 1
    `,
    readFrom<{ weekday: number; hour: number; average: number }[]>`
      select extract(isodow from h.at at time zone ${timeZone})::int as weekday, extract(hour from h.at at time zone ${timeZone})::int as hour,
        round(avg((
          select count(*) from tickets t
          where t.garage_id = ${garageId} and t.status <> 'voided' and tstzrange(t.entry_time, t.exit_time, '(]') @> h.at
        )), 1)::float8 as average
      from generate_series(${heat.start}::timestamptz, least(${heat.end}::timestamptz, ${now}::timestamptz) - interval '1 hour', interval '1 hour') as h(at)
      group by 1, 2
    `,
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
