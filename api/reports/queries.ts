import postgres from 'postgres';
import type { PeriodSums, PeriodTally, ReportPart } from '../../shared/reports.js';
import type { PaymentMethod } from '../../shared/tickets.js';
import type { BookingsReport } from '../../shared/reservations.js';
import type { Db, Sql, TransactionSql } from '../db/types.js';

/** What of a period to count: everything, or only its sums (the dashboard's today). */
export type TallyKind = 'all' | 'sums';

/**
 * The period's moves: rows of tickets that left (paid, or voided: out of occupancy either way) or
 * came in within [p.start_at, p.end_at), and the refunds and corrections made in it.
 */
const movesOf = (sql: Db, garageId: number) => sql`
  exits as (
    select amount_paid, payment_method, duration_minutes, exit_time, status, lost_ticket
    from tickets
    where garage_id = ${garageId} and exit_time >= p.start_at and exit_time < p.end_at
  ),
  paid as (select * from exits where status = 'completed'),
  entries as (
    select entry_time
    from tickets
    where garage_id = ${garageId} and entry_time >= p.start_at and entry_time < p.end_at
  ),
  refunded as (
    select amount_cents, method from refunds
    where garage_id = ${garageId} and refunded_at >= p.start_at and refunded_at < p.end_at
  )
`;

/**
 * The period's sums and counts, from `movesOf`: gross revenue is what paid exits took; refunds are
 * counted on the day they were made; a voided ticket is no exit (it is a void) and was never charged.
 */
const sumsOf = (sql: Db, garageId: number) => sql`
  (select coalesce(sum(amount_paid), 0) from paid) as revenue,
  (select coalesce(jsonb_object_agg(payment_method, total), '{}') from (
    select payment_method, sum(amount_paid)::text as total from paid group by payment_method
  ) m) as revenue_by_method,
  (select count(*)::int from entries) as vehicles_in,
  (select count(*)::int from paid) as vehicles_out,
  (select coalesce(sum(duration_minutes), 0) from paid)::numeric as stay_minutes,
  (select count(duration_minutes)::int from paid) as stays,
  (select coalesce(sum(amount_cents), 0) from refunded) as refunds,
  (select coalesce(jsonb_object_agg(method, total), '{}') from (
    select method, sum(amount_cents)::text as total from refunded group by method
  ) r) as refunds_by_method,
  (select count(*)::int from refunded) as refund_count,
  (select count(*)::int from exits where status = 'voided') as voids,
  (select count(*)::int from corrections
    where garage_id = ${garageId} and corrected_at >= p.start_at and corrected_at < p.end_at) as corrections,
  (select count(*)::int from paid where lost_ticket) as lost_tickets
`;

/**
 * The tally of period `p` ([p.start_at, p.end_at), cars counted at p.as_of) from tickets, as the
 * body of a lateral subquery. Reads only the tickets that entered or left in it, and those inside
 * at its start and at as_of (the stay's GiST index: a ticket is inside at T when T is in
 * (entry, exit]). The peak walks the period's entries (+1) and exits (−1) in time order, exits
 * first at the same instant. With `sums`, only the sums and counts (the rest null).
 */
const tallyOf = (sql: Db, garageId: number, kind: TallyKind) =>
  kind === 'sums'
    ? sql`
  with ${movesOf(sql, garageId)}
  select ${sumsOf(sql, garageId)}, null::int as occupied_at_start, null::int as peak_delta, null::timestamptz as peak_at,
    null::int as still_parked, null::int as open_over_24h
`
    : sql`
  with ${movesOf(sql, garageId)},
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
  inside_at_end as (
    select count(*)::int as n, count(*) filter (where entry_time < p.as_of - interval '24 hours')::int as over24
    from tickets
    where garage_id = ${garageId} and tstzrange(entry_time, exit_time, '(]') @> p.as_of
  )
  select
    ${sumsOf(sql, garageId)},
    (select count(*)::int from tickets
      where garage_id = ${garageId} and tstzrange(entry_time, exit_time, '(]') @> p.start_at
    ) as occupied_at_start,
    (select level::int from peak) as peak_delta,
    (select at from peak) as peak_at,
    (select n from inside_at_end) as still_parked,
    (select over24 from inside_at_end) as open_over_24h
`;

/**
 * Periods as rows `(start_at, end_at, as_of, closed, i)`, i counting from 1 in the given order.
 * Sent as text arrays and cast in SQL: postgres.js encodes a parameter by the type the server asks
 * for, and would send the text 'true' as a boolean false.
 */
const periodRows = (sql: Db, parts: readonly ReportPart[]) => sql`
  unnest(
    ${parts.map((p) => p.start.toISOString())}::text[]::timestamptz[],
    ${parts.map((p) => p.end.toISOString())}::text[]::timestamptz[],
    ${parts.map((p) => p.asOf.toISOString())}::text[]::timestamptz[],
    ${parts.map((p) => String(p.closed))}::text[]::boolean[]
  ) with ordinality
`;

/** The stored figures of closed parts, by their index in `parts` (those without any are missing). */
async function loadStoredTallies(sql: Db, garageId: number, parts: readonly ReportPart[]): Promise<Map<number, PeriodTally>> {
  const rows = await sql<(PeriodTally & { i: string })[]>`
    select w.i, f.revenue::text as revenue, f.revenue_by_method, f.vehicles_in, f.vehicles_out,
      f.stay_minutes::text as stay_minutes, f.stays, f.occupied_at_start, f.peak_delta, f.peak_at,
      f.still_parked, f.open_over_24h, f.refunds::text as refunds, f.refunds_by_method, f.refund_count, f.voids,
      f.corrections, f.lost_tickets
    from ${periodRows(sql, parts)} as w(start_at, end_at, as_of, closed, i)
    join period_figures f on f.garage_id = ${garageId} and f.starts_at = w.start_at and f.ends_at = w.end_at
    where w.closed
  `;
  return new Map(rows.map(({ i, ...tally }) => [Number(i) - 1, tally]));
}

/** One period counted from tickets now (its bounds plain parameters: one plan serves every period). */
async function countTally(sql: Db, garageId: number, part: ReportPart, kind: TallyKind): Promise<PeriodTally> {
  const [row] = await sql<PeriodTally[]>`
    select t.revenue::text as revenue, t.revenue_by_method, t.vehicles_in, t.vehicles_out, t.stay_minutes::text as stay_minutes,
      t.stays, t.occupied_at_start, t.peak_delta, t.peak_at, t.still_parked, t.open_over_24h,
      t.refunds::text as refunds, t.refunds_by_method, t.refund_count, t.voids, t.corrections, t.lost_tickets
    from (select ${part.start}::timestamptz as start_at, ${part.end}::timestamptz as end_at, ${part.asOf}::timestamptz as as_of) p
    cross join lateral (${tallyOf(sql, garageId, kind)}) t
  `;
  return row!;
}

/**
 * The tallies of `parts`, as of one snapshot (a read-only repeatable-read transaction, its
 * statements sent together): a closed part's stored figures when there are any, else counted from
 * tickets — open parts always; closed parts without stored figures only with `missing: 'count'`,
 * and null otherwise (the caller stores them first). With `kind: 'sums'` what is counted has only
 * its sums and counts. The transaction keeps one plan per statement (plan_cache_mode): planned
 * afresh for each period's times, the count took twice as long (~0.7 ms of planning).
 */
export async function readTallies(sql: Sql, garageId: number, parts: readonly ReportPart[], missing: 'count' | 'skip', kind: 'all'): Promise<(PeriodTally | null)[]>;
export async function readTallies(sql: Sql, garageId: number, parts: readonly ReportPart[], missing: 'count' | 'skip', kind: 'sums'): Promise<(PeriodSums | null)[]>;
export async function readTallies(
  sql: Sql,
  garageId: number,
  parts: readonly ReportPart[],
  missing: 'count' | 'skip',
  kind: TallyKind,
): Promise<(PeriodSums | null)[]> {
  const open = parts.flatMap((p, i) => (p.closed ? [] : [i]));
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    // sent now (execute), so it runs before the statements below, which are sent as they are made
    const onePlan = tx`select set_config('plan_cache_mode', 'force_generic_plan', true)`.execute();
    const [, stored, ...counted] = await Promise.all([
      onePlan,
      parts.some((p) => p.closed) ? loadStoredTallies(tx, garageId, parts) : new Map<number, PeriodTally>(),
      ...open.map((i) => countTally(tx, garageId, parts[i]!, kind)),
    ]);
    const tallies = new Map<number, PeriodSums>([...stored, ...open.map((i, n) => [i, counted[n]!] as const)]);
    if (missing === 'count') {
      const notStored = parts.flatMap((p, i) => (p.closed && !stored.has(i) ? [i] : []));
      const late = await Promise.all(notStored.map((i) => countTally(tx, garageId, parts[i]!, kind)));
      notStored.forEach((i, n) => tallies.set(i, late[n]!));
    }
    return parts.map((_, i) => tallies.get(i) ?? null);
  });
}

/**
 * How long storing waits for the changes in flight (each holds the figures lock shared until it
 * commits) before it gives up: changes that arrive meanwhile queue behind it, so keep it short.
 */
export const STORE_LOCK_WAIT_MS = 200;

/**
 * Takes the garage's figures lock exclusive for the rest of the transaction, waiting at most
 * `waitMs` for the changes to tickets in flight; past that it throws lock_not_available (55P03).
 * Meanwhile no ticket of the garage changes.
 */
export async function lockFiguresForStoring(tx: TransactionSql, garageId: number, waitMs = STORE_LOCK_WAIT_MS): Promise<void> {
  await tx`select set_config('lock_timeout', ${`${waitMs}ms`}, true)`;
  await tx`select lock_period_figures(${garageId}, true)`;
}

/** Counts closed periods from tickets and inserts their figures; one already stored is left as it is. Call it under `lockFiguresForStoring`. */
export async function insertPeriodFigures(tx: TransactionSql, garageId: number, parts: readonly ReportPart[], now: Date): Promise<void> {
  if (parts.some((p) => !p.closed)) throw new Error('insertPeriodFigures: a period not yet over cannot be stored');
  await tx`
    insert into period_figures (garage_id, starts_at, ends_at, revenue, revenue_by_method, vehicles_in, vehicles_out,
      stay_minutes, stays, occupied_at_start, peak_delta, peak_at, still_parked, open_over_24h,
      refunds, refunds_by_method, refund_count, voids, corrections, lost_tickets, computed_at)
    select ${garageId}, p.start_at, p.end_at, t.revenue, t.revenue_by_method, t.vehicles_in, t.vehicles_out,
      t.stay_minutes, t.stays, t.occupied_at_start, t.peak_delta, t.peak_at, t.still_parked, t.open_over_24h,
      t.refunds, t.refunds_by_method, t.refund_count, t.voids, t.corrections, t.lost_tickets, ${now}
    from ${periodRows(tx, parts)} as p(start_at, end_at, as_of, closed, i)
    cross join lateral (${tallyOf(tx, garageId, 'all')}) t
    where not exists (
      select 1 from period_figures f where f.garage_id = ${garageId} and f.starts_at = p.start_at and f.ends_at = p.end_at
    )
    on conflict (garage_id, starts_at, ends_at) do nothing
  `;
}

/**
 * Counts closed periods from tickets and stores their figures, in transactions of at most a day of
 * periods each (so changes wait at most that long). Invariant — a stored row equals a recount from
 * tickets: each count runs under the garage's figures lock held exclusive, which every change to
 * tickets takes shared before it deletes the stored periods it moves (the triggers of sql/0011):
 * a change either committed before the count (which sees it) or deletes what the count stored.
 * When changes in flight hold the lock past `waitMs`, nothing more is stored now (false); the next
 * read tries again.
 */
export async function storeClosedPeriods(
  sql: Sql,
  garageId: number,
  parts: readonly ReportPart[],
  now: Date,
  waitMs = STORE_LOCK_WAIT_MS,
): Promise<boolean> {
  for (const chunk of chunksOfADay(parts)) {
    try {
      await sql.begin(async (tx) => {
        await lockFiguresForStoring(tx, garageId, waitMs);
        await insertPeriodFigures(tx, garageId, chunk, now);
      });
    } catch (error) {
      if (error instanceof postgres.PostgresError && error.code === '55P03') return false; // lock_not_available: changes in flight
      throw error;
    }
  }
  return true;
}

/** The longest a day lasts (a DST change): what one storing transaction counts at most. */
const LONGEST_DAY_MS = 25 * 3_600_000;

/** Consecutive groups of periods that together last at most a day: a day, or the hours of today. */
function chunksOfADay(parts: readonly ReportPart[]): ReportPart[][] {
  const chunks: { parts: ReportPart[]; ms: number }[] = [];
  for (const p of parts) {
    const ms = p.end.getTime() - p.start.getTime();
    const current = chunks.at(-1);
    if (current && current.ms + ms <= LONGEST_DAY_MS) {
      current.parts.push(p);
      current.ms += ms;
    } else {
      chunks.push({ parts: [p], ms });
    }
  }
  return chunks.map((c) => c.parts);
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

/** Cars inside at the start of each local hour from `start` to `end` (a stay counts from its entry to its exit; voided tickets not). */
export async function occupancyByHour(sql: Db, garageId: number, start: Date, end: Date): Promise<{ at: Date; occupied: number }[]> {
  return sql<{ at: Date; occupied: number }[]>`
    select h.at, (
      select count(*)::int from tickets t
      where t.garage_id = ${garageId} and t.status <> 'voided' and tstzrange(t.entry_time, t.exit_time, '(]') @> h.at
    ) as occupied
    from generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 hour', interval '1 hour') as h(at)
    order by h.at
  `;
}

/** Paid exits between start and end by stay length: `width_bucket` over the buckets' lower bounds (0: under the first). */
export async function countStayLengths(sql: Db, garageId: number, bounds: readonly number[], start: Date, end: Date) {
  return sql<{ bucket: number; count: number }[]>`
    select width_bucket(duration_minutes, ${bounds as number[]}::int[]) as bucket, count(*)::int as count
    from tickets where garage_id = ${garageId} and status = 'completed' and exit_time >= ${start} and exit_time < ${end}
    group by 1
  `;
}

/** Paid exits between start and end by payment method: how many, and their total (as text: a bigint sum). */
export async function sumPaymentMethods(sql: Db, garageId: number, start: Date, end: Date) {
  return sql<{ method: PaymentMethod; count: number; cents: string }[]>`
    select payment_method as method, count(*)::int as count, sum(amount_paid)::text as cents
    from tickets where garage_id = ${garageId} and status = 'completed' and exit_time >= ${start} and exit_time < ${end}
    group by 1
  `;
}

/** The average cars inside at the start of each local weekday (1 Monday) and hour, over the hours from start to end. */
export async function averageOccupancyByWeekHour(sql: Db, garageId: number, start: Date, end: Date, timeZone: string) {
  return sql<{ weekday: number; hour: number; average: number }[]>`
    select extract(isodow from h.at at time zone ${timeZone})::int as weekday, extract(hour from h.at at time zone ${timeZone})::int as hour,
      round(avg((
        select count(*) from tickets t
        where t.garage_id = ${garageId} and t.status <> 'voided' and tstzrange(t.entry_time, t.exit_time, '(]') @> h.at
      )), 1)::float8 as average
    from generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 hour', interval '1 hour') as h(at)
    group by 1, 2
  `;
}

/** What permits and reservations did between start and end (money as text: bigint sums). */
export async function countBookings(sql: Db, garageId: number, start: Date, end: Date) {
  const [row] = await sql<(Omit<BookingsReport, 'from' | 'to' | 'timezone' | 'overstayCents' | 'prepaidCents'> & { overstayCents: string; prepaidCents: string })[]>`
    select
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'permit' and entry_time >= ${start} and entry_time < ${end}) as permit_entries,
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'permit' and status = 'completed' and amount_paid > 0
        and exit_time >= ${start} and exit_time < ${end}) as permit_overstays,
      (select count(*)::int from reservations where garage_id = ${garageId} and status <> 'cancelled' and starts_at >= ${start} and starts_at < ${end}) as reservations,
      (select count(*)::int from tickets where garage_id = ${garageId} and kind = 'reservation' and entry_time >= ${start} and entry_time < ${end}) as reservation_entries,
      (select count(*)::int from reservations where garage_id = ${garageId} and status = 'no_show' and ended_at >= ${start} and ended_at < ${end}) as no_shows,
      (select count(*)::int from reservations where garage_id = ${garageId} and status = 'cancelled' and ended_at >= ${start} and ended_at < ${end}) as cancellations,
      (select count(*)::int from tickets k join reservations r on r.id = k.reservation_id
        where k.garage_id = ${garageId} and k.status = 'completed' and k.exit_time > r.ends_at and k.exit_time >= ${start} and k.exit_time < ${end}) as overstays,
      (select coalesce(sum(k.amount_paid), 0)::text from tickets k join reservations r on r.id = k.reservation_id
        where k.garage_id = ${garageId} and k.status = 'completed' and k.exit_time > r.ends_at and k.exit_time >= ${start} and k.exit_time < ${end}) as overstay_cents,
      (select coalesce(sum(prepaid_cents), 0)::text from reservations
        where garage_id = ${garageId} and status <> 'cancelled' and starts_at >= ${start} and starts_at < ${end}) as prepaid_cents
  `;  return row!;
}
