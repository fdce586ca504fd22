import type { Db } from '../db/types.js';

/** Raw figures of one period [start, end), occupancy counted at `asOf` (the period's end, or now); sums of money as numeric text. */
export type PeriodRow = {
  totalRevenue: string;
  revenueByMethod: Record<string, string> | null;
  vehiclesIn: number;
  vehiclesOut: number;
  averageStayMinutes: number | null;
  occupiedAtStart: number;
  peakDelta: number | null;
  peakAt: Date | null;
  stillParked: number;
  openOver24h: number;
};

/**
 * The figures of one period, reading only tickets that entered or left in it, and those inside at
 * its start and end (the stay's GiST index: a ticket is inside at T when T is in (entry, exit]). Peak occupancy walks the period's entries (+1) and
 * exits (-1) in time order, exits first at the same instant, from the occupancy at its start.
 */
export async function loadPeriodFigures(sql: Db, garageId: number, start: Date, end: Date, asOf: Date): Promise<PeriodRow> {
  const [row] = await sql<PeriodRow[]>`
    with exits as (
      select amount_paid, payment_method, duration_minutes, exit_time
      from tickets
      where garage_id = ${garageId} and exit_time >= ${start} and exit_time < ${end}
    ),
    entries as (
      select entry_time
      from tickets
      where garage_id = ${garageId} and entry_time >= ${start} and entry_time < ${end}
    ),
    events as (
      select entry_time as at, 1 as delta, 1 as ord from entries
      union all
      select exit_time, -1, 0 from exits
    ),
    walk as (
      select at, sum(delta) over (order by at, ord rows unbounded preceding) as level from events
    ),
    peak as (
      select level, at from walk order by level desc, at limit 1
    ),
    parked_at as (
      select count(*)::int as n, count(*) filter (where entry_time < ${asOf}::timestamptz - interval '24 hours')::int as over24
      from tickets
      where garage_id = ${garageId} and tstzrange(entry_time, exit_time, '(]') @> ${asOf}::timestamptz
    )
    select
      (select coalesce(sum(amount_paid), 0) from exits)::text as total_revenue,
      (select jsonb_object_agg(payment_method, total) from (
        select payment_method, sum(amount_paid)::text as total from exits group by payment_method
      ) m) as revenue_by_method,
      (select count(*)::int from entries) as vehicles_in,
      (select count(*)::int from exits) as vehicles_out,
      (select round(avg(duration_minutes))::int from exits) as average_stay_minutes,
      (select count(*)::int from tickets
        where garage_id = ${garageId} and tstzrange(entry_time, exit_time, '(]') @> ${start}::timestamptz
      ) as occupied_at_start,
      (select level::int from peak) as peak_delta,
      (select at from peak) as peak_at,
      (select n from parked_at) as still_parked,
      (select over24 from parked_at) as open_over24h
  `;
  return row!;
}

/** What bounds a garage's reports: when it was set up, its earliest ticket's entry, and its timezone. */
export async function loadReportBounds(sql: Db, garageId: number) {
  const [row] = await sql<{ createdAt: Date; firstEntryAt: Date | null; timezone: string }[]>`
    select g.created_at, g.timezone,
      (select min(t.entry_time) from tickets t where t.garage_id = g.id) as first_entry_at
    from garages g where g.id = ${garageId}
  `;
  return row ?? null;
}
