import type { Sql } from 'postgres';
import type { BenchConfig } from './config.js';
import { occupiedSpaces } from './config.js';
import { prepareExitQueue, type DbLimit } from './db-limit.js';
import { SERIES_PER_SECOND, withCpu, type MeasureDb, type SideRun } from './entry-exit.js';
import { occupancyOf, reserveSeries, settleOccupancy } from './occupancy.js';

/** The database's limit with the pairs spread over `garages` garages, over all rounds. */
export type GarageSpread = { garages: number; runs: SideRun<DbLimit>[] };

/**
 * Creates `count` garages of `spaces` spaces in SQL (their spaces come from the garages trigger of
 * sql/0010), in one statement so their ids are consecutive, as the database-limit script needs.
 */
export async function createBenchGarages(sql: Sql, count: number, spaces: number): Promise<number[]> {
  const rows = await sql.unsafe<{ id: number }[]>(
    `insert into garages (name, total_spaces, hourly_rate, timezone)
     select 'bench garage ' || n, $2::int, 1000, 'UTC' from generate_series(1, $1::int) as n
     returning id`,
    [count, spaces],
  );
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  if (ids.some((id, i) => id !== ids[0]! + i)) throw new Error(`the bench garages did not get consecutive ids: ${ids.join(',')}`);
  return ids;
}

/** Removes the bench garages and everything the runs wrote for them. */
export async function removeBenchGarages(sql: Sql, ids: readonly number[]): Promise<void> {
  await sql.begin(async (tx) => {
    for (const statement of [
      'delete from audit_log where garage_id = any($1::int[])',
      'delete from idempotency_keys where garage_id = any($1::int[])',
      'update spaces set ticket_id = null where garage_id = any($1::int[]) and ticket_id is not null',
      'delete from tickets where garage_id = any($1::int[])',
      'delete from spaces where garage_id = any($1::int[])',
      'delete from garages where id = any($1::int[])',
    ]) {
      await tx.unsafe(statement, [ids as number[]]);
    }
  });
}

/**
 * The database's limit for entries and exits spread over each of BENCH_GARAGE_COUNTS garages (made
 * in SQL: the server serves one garage, so there is no HTTP side yet), at the largest of
 * BENCH_CONNECTION_COUNTS, each garage kept at BENCH_OCCUPANCY. The counts take turns within a
 * round, in the opposite order every other round.
 */
export async function spreadOverGarages(
  s: { sql: Sql; dbUrl: string; config: BenchConfig; measureDb: MeasureDb; ids: readonly number[]; serverGroup: number; ownDatabase: boolean },
  say: (line: string) => void,
): Promise<GarageSpread[]> {
  const { config } = s;
  const clients = Math.max(...config.BENCH_CONNECTION_COUNTS);
  const target = occupiedSpaces(config);
  const results = config.BENCH_GARAGE_COUNTS.map((garages): GarageSpread => ({ garages, runs: [] }));
  for (let round = 1; round <= config.BENCH_ROUNDS; round++) {
    const order = round % 2 === 1 ? results : [...results].reverse();
    for (const spread of order) {
      const ids = s.ids.slice(0, spread.garages);
      await settleOccupancy(s.sql, ids, target);
      const stock = await prepareExitQueue(s.sql, ids, clients);
      const base = await reserveSeries(s.sql, config.BENCH_DURATION * SERIES_PER_SECOND + clients);
      const plan = { firstGarageId: ids[0]!, garages: ids.length, clients, stock, base, idempotency: config.BENCH_IDEMPOTENCY };
      const { result, cpu } = await withCpu(s, () => s.measureDb({ url: s.dbUrl, durationSeconds: config.BENCH_DURATION, plan }), (r) => r.pairs);
      const inside = (await occupancyOf(s.sql, ids)).reduce((sum, g) => sum + g.inside, 0);
      spread.runs.push({ round, result, cpu, insideAfter: inside });
      say(`  round ${round}, ${spread.garages} garage${spread.garages === 1 ? '' : 's'}: ${result.pairsPerSecond.toFixed(1)} pairs/s`);
    }
  }
  return results;
}
