import type { Sql } from 'postgres';
import { scatteredCodeSql, ticketNumberSql } from './ticket-sql.js';

/** Seeded history has plates `SD` + 6 digits (a pool of returning cars), which nothing else in the bench uses. */
const SEED_PLATE_PREFIX = 'SD';
const RETURNING_CARS = 250_000;
const CHUNK = 250_000;

/**
 * One chunk of completed tickets, series numbers [$2, $3]: each left at a random moment of the last
 * 365 days after a stay of 5 minutes to 12 hours (short stays more likely), paid at $10/hour with the
 * fee breakdown the API stores. Ticket numbers come from the series number, scattered over the code
 * space; one already taken (a real ticket's random number) is skipped. Completed tickets hold no
 * space (sql/0010 requires one of active tickets only; the cars inside are parked by occupancy.ts).
 */
const INSERT_CHUNK = `
  insert into tickets (
    garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
    duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, daily_max_cents,
    fee_breakdown, created_at
  )
  select
    $1, ${ticketNumberSql(scatteredCodeSql('i'))},
    '${SEED_PLATE_PREFIX} ' || lpad((i % ${RETURNING_CARS})::text, 6, '0'),
    '${SEED_PLATE_PREFIX}' || lpad((i % ${RETURNING_CARS})::text, 6, '0'),
    (array['Car', 'Car', 'Car', 'SUV', 'SUV', 'Van', 'Motorcycle', 'Truck'])[1 + i % 8],
    exit_time - make_interval(mins => minutes), exit_time, minutes, hours * 1000, 'completed',
    (array['Cash', 'Credit Card', 'Credit Card', 'Debit Card', 'Mobile'])[1 + (i / 8) % 5],
    1000, 0, null,
    jsonb_build_object(
      'durationMinutes', minutes, 'billableHours', hours, 'hourlyRate', 1000, 'graceMinutes', 0,
      'graceApplied', false, 'dailyMaxCents', null, 'fullDays', 0, 'dailyCapsApplied', 0,
      'totalCents', hours * 1000
    ),
    exit_time - make_interval(mins => minutes)
  from (
    select i, minutes, greatest(1, ceil(minutes / 60.0))::int as hours, exit_time
    from (
      select i, 5 + floor(random() ^ 2 * 715)::int as minutes, now() - random() * interval '365 days' as exit_time
      from generate_series($2::bigint, $3::bigint) as i
    ) raw
  ) t
  on conflict (ticket_number) do nothing
`;

/** How many seeded history tickets the database holds already (a reused BENCH_DATABASE_URL). */
async function countSeeded(sql: Sql, garageId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from tickets
    where garage_id = ${garageId} and status = 'completed' and plate_normalized like ${`${SEED_PLATE_PREFIX}%`}
  `;
  return row!.n;
}

/**
 * Tops the garage's history up to `target` completed tickets over the last year with
 * INSERT … SELECT generate_series (in chunks, for progress), then VACUUM (ANALYZE) so the planner
 * knows the table and index-only scans work as they would on a database that has been running.
 */
export async function seedHistory(sql: Sql, garageId: number, target: number, say: (line: string) => void): Promise<{ seeded: number; total: number; seconds: number }> {
  const started = performance.now();
  const before = await countSeeded(sql, garageId);
  let next = before + 1;
  while (next <= target) {
    const last = Math.min(target, next + CHUNK - 1);
    await sql.unsafe(INSERT_CHUNK, [garageId, next, last]);
    say(`  seeded ${last.toLocaleString('en-US')} / ${target.toLocaleString('en-US')} tickets`);
    next = last + 1;
  }
  await sql.unsafe('vacuum (analyze) tickets');
  const total = await countSeeded(sql, garageId);
  return { seeded: total - before, total, seconds: (performance.now() - started) / 1000 };
}
