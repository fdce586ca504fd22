import type { Sql } from 'postgres';
import { seriesNumberSql } from './entry-sql.js';

/**
 * Series numbers (plates, ticket numbers and idempotency keys of the cars the bench parks in SQL)
 * come from one sequence in the database, in blocks: [2^28, 2^30), apart from the seeded history
 * (1 … BENCH_TICKETS) and unique across runs on a reused BENCH_DATABASE_URL.
 */
const SERIES_SEQUENCE = 'bench_series';
const SERIES_FIRST = 2 ** 28;
const SERIES_LAST = 2 ** 30 - 1;

/** Reserves `size` consecutive series numbers; gives the first. */
export async function reserveSeries(sql: Sql, size: number): Promise<number> {
  await sql.unsafe(`create sequence if not exists ${SERIES_SEQUENCE} as bigint start with ${SERIES_FIRST} minvalue ${SERIES_FIRST} maxvalue ${SERIES_LAST}`);
  const [row] = await sql.unsafe<{ first: string }[]>(`select nextval('${SERIES_SEQUENCE}') as first`);
  const first = Number(row!.first);
  if (first + size > SERIES_LAST) throw new Error('the bench has used up its series numbers in this database: run it on a fresh one');
  if (size > 1) await sql.unsafe(`select setval('${SERIES_SEQUENCE}', $1::bigint)`, [first + size - 1]);
  return first;
}

/** Plates of cars parked by `fillGarages`: `P` + 9 hex digits. */
const PARKED_PLATE = (expr: string) => `'P' || upper(lpad(to_hex(${expr}), 9, '0'))`;

/**
 * Parks cars in SQL until each garage holds `target` active tickets: each on the lowest free open
 * space, as an entry would take it, having come in over the last three hours (a car's ticket
 * holds its space and the space points back, as the constraints of sql/0010 require). Gives how
 * many it parked.
 */
async function fillGarages(sql: Sql, garageIds: readonly number[], target: number): Promise<number> {
  let parked = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [need] = await sql.unsafe<{ n: number }[]>(
      `select coalesce(sum(greatest(0, $2::int - (select count(*) from tickets t where t.garage_id = g.id and t.status = 'active'))), 0)::int as n
       from unnest($1::int[]) as g (id)`,
      [garageIds as number[], target],
    );
    if (need!.n === 0) return parked;
    const base = await reserveSeries(sql, need!.n);
    const [row] = await sql.unsafe<{ n: number }[]>(
      `with need as (
         select g.id, g.hourly_rate, g.grace_minutes, g.daily_max_cents,
           greatest(0, $2::int - (select count(*) from tickets t where t.garage_id = g.id and t.status = 'active'))::int as n
         from garages g where g.id = any($1::int[])
       ), free as (
         select need.*, s.number, row_number() over (order by need.id, s.number) - 1 as k
         from need cross join lateral (
           select number from spaces
           where garage_id = need.id and open and ticket_id is null
           order by number limit need.n
         ) s
       ), parked as (
         insert into tickets (
           garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time,
           hourly_rate, grace_minutes, daily_max_cents, last_seen_active_at, space_number
         )
         select id, ${seriesNumberSql('$3::bigint + k')}, ${PARKED_PLATE('$3::bigint + k')}, ${PARKED_PLATE('$3::bigint + k')}, 'Car',
           now() - random() * interval '3 hours', hourly_rate, grace_minutes, daily_max_cents, now(), number
         from free
         on conflict do nothing
         returning id, garage_id, space_number
       ), taken as (
         update spaces s set ticket_id = parked.id from parked
         where s.garage_id = parked.garage_id and s.number = parked.space_number
         returning 1
       )
       select count(*)::int as n from taken`,
      [garageIds as number[], target, base],
    );
    parked += row!.n;
  }
  throw new Error(`could not park cars up to ${target} per garage`);
}

/**
 * Checks out, in SQL, the cars that came in last until each garage holds at most `target` (cars
 * parked over capacity, in closed spaces, first: a free open space may exist only while none is),
 * paid as an exit would pay them now ($10 an hour begun), their spaces freed. Gives how many.
 */
async function trimGarages(sql: Sql, garageIds: readonly number[], target: number): Promise<number> {
  // materialized: on garages whose tickets the statistics have not seen yet, the planner expects one
  // car a garage and re-ran this per active ticket (quadratic: 20 s for three garages of 800 cars)
  const [row] = await sql.unsafe<{ n: number }[]>(
    `with extra as materialized (
       select t.id from unnest($1::int[]) as g (id)
       cross join lateral (
         select t.id from tickets t join spaces s on s.garage_id = t.garage_id and s.number = t.space_number
         where t.garage_id = g.id and t.status = 'active'
         order by s.open, t.entry_time desc, t.id desc
         limit greatest(0, (select count(*) from tickets a where a.garage_id = g.id and a.status = 'active') - $2::int)
       ) t
     ), stay as (
       select t.id, greatest(0, floor(extract(epoch from now() - t.entry_time) / 60))::int as minutes, t.hourly_rate
       from tickets t join extra using (id)
     ), fee as (
       select id, minutes, hourly_rate, greatest(1, ceil(minutes / 60.0))::int as hours from stay
     ), done as (
       update tickets t set status = 'completed', exit_time = greatest(now(), t.entry_time), duration_minutes = fee.minutes,
         amount_paid = fee.hours * fee.hourly_rate, payment_method = 'Cash',
         fee_breakdown = jsonb_build_object(
           'durationMinutes', fee.minutes, 'hourlyRate', fee.hourly_rate, 'graceMinutes', 0, 'dailyMaxCents', null,
           'billableHours', fee.hours, 'graceApplied', false, 'fullDays', 0, 'dailyCapsApplied', 0,
           'totalCents', fee.hours * fee.hourly_rate)
       from fee where t.id = fee.id and t.status = 'active'
       returning t.id
     ), freed as (
       update spaces set ticket_id = null where ticket_id in (select id from done) returning 1
     )
     select count(*)::int as n from freed`,
    [garageIds as number[], target],
  );
  return row!.n;
}

/** Occupancy of each garage: cars inside (active tickets) and spaces. */
export async function occupancyOf(sql: Sql, garageIds: readonly number[]): Promise<{ inside: number; spaces: number }[]> {
  return sql.unsafe<{ inside: number; spaces: number }[]>(
    `select (select count(*) from tickets t where t.garage_id = g.id and t.status = 'active')::int as inside, g.total_spaces as spaces
     from unnest($1::int[]) with ordinality as u (id, idx) join garages g on g.id = u.id order by u.idx`,
    [garageIds as number[]],
  );
}

/**
 * Brings each garage back to `target` cars inside before a run (a run stops between a car's entry
 * and its exit on each connection, and an entry refused would leave one car fewer), then vacuums
 * what the runs churn, so every run starts from the same state whatever autovacuum did meanwhile.
 */
export async function settleOccupancy(sql: Sql, garageIds: readonly number[], target: number): Promise<{ parked: number; checkedOut: number }> {
  const checkedOut = await trimGarages(sql, garageIds, target);
  const parked = await fillGarages(sql, garageIds, target);
  await sql.unsafe('vacuum spaces, tickets, idempotency_keys');
  return { parked, checkedOut };
}

/**
 * Waits until the server has no statement running (at most `seconds`): autocannon stops at the end
 * of a run without waiting for the answers in flight, and the server still completes those
 * requests, which would race with what the bench does next.
 */
export async function waitForServerIdle(sql: Sql, seconds = 15): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const [row] = await sql.unsafe<{ busy: number }[]>(
      `select count(*)::int as busy from pg_stat_activity
       where application_name like 'parkops:%' and state <> 'idle' and pid <> pg_backend_pid()`,
    );
    if (row!.busy === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server was still busy ${seconds} s after the load stopped`);
}

/** The ticket numbers of a garage's cars, oldest first: the order the HTTP run checks them out in. */
export async function parkedTicketNumbers(sql: Sql, garageId: number): Promise<string[]> {
  const rows = await sql.unsafe<{ ticket_number: string }[]>(
    `select ticket_number from tickets where garage_id = $1::int and status = 'active' order by entry_time, id`,
    [garageId],
  );
  return rows.map((r) => r.ticket_number);
}
