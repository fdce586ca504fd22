import type { Sql } from 'postgres';
import { createGarage } from './api-client.js';
import { garageConnectionCounts, occupiedSpaces } from './config.js';
import type { DbLimit } from './db-limit.js';
import { runDbSide, runHttpSide, WARMUP_SECONDS, type SideRun, type SideSetup } from './entry-exit.js';
import { scopedGarageLane, type HttpGateResult } from './http-gate.js';
import { occupancyOf, parkedTicketNumbers, settleOccupancy } from './occupancy.js';

/**
 * Entries and exits spread over `garages` garages at `connections` connections, over all rounds:
 * the database's limit (`db`), HTTP through the scoped routes (`http`), and HTTP ÷ database within
 * each round where both ran (`ratios`).
 */
export type GarageSpread = { garages: number; connections: number; db: SideRun<DbLimit>[]; http: SideRun<HttpGateResult>[]; ratios: number[] };

/** Which sides the several-garages runs measure (BENCH_ONLY `garages`, `garagesHttp`). */
export type GarageSides = { db: boolean; http: boolean };

/**
 * Creates `count` garages of `spaces` spaces through `POST /api/garages`, one after the other (their
 * spaces come from the garages trigger of sql/0010), at $10 an hour in UTC like the seeded one.
 * Their ids must be consecutive, as the database-limit script needs: the bench is the only client.
 */
export async function createBenchGarages(baseUrl: string, token: string, count: number, spaces: number): Promise<number[]> {
  const ids: number[] = [];
  for (let n = 1; n <= count; n++) {
    const garage = await createGarage(baseUrl, token, { name: `Bench garage ${n}`, totalSpaces: spaces, hourlyRate: 1000, timezone: 'UTC' });
    ids.push(garage.id);
  }
  if (ids.some((id, i) => id !== ids[0]! + i)) throw new Error(`the bench garages did not get consecutive ids: ${ids.join(',')}`);
  return ids;
}

/** Removes the bench garages and everything the runs (and the server) wrote for them. */
export async function removeBenchGarages(sql: Sql, ids: readonly number[]): Promise<void> {
  await sql.begin(async (tx) => {
    for (const table of ['audit_log', 'idempotency_keys', 'period_figures', 'late_changes', 'slack_summaries', 'discards', 'slack_channel_links', 'user_garages']) {
      await tx.unsafe(`delete from ${table} where garage_id = any($1::int[])`, [ids as number[]]);
    }
    await tx.unsafe('update users set default_garage_id = null where default_garage_id = any($1::int[])', [ids as number[]]);
    await tx.unsafe('update spaces set ticket_id = null where garage_id = any($1::int[]) and ticket_id is not null', [ids as number[]]);
    for (const table of ['tickets', 'spaces']) await tx.unsafe(`delete from ${table} where garage_id = any($1::int[])`, [ids as number[]]);
    await tx.unsafe('delete from garages where id = any($1::int[])', [ids as number[]]);
  });
}

/** The scoped lanes of these garages, each with its cars inside, oldest first. */
async function lanesOf(sql: Sql, ids: readonly number[]) {
  return Promise.all(ids.map(async (id) => scopedGarageLane(id, await parkedTicketNumbers(sql, id))));
}

/**
 * Entries and exits spread over each of BENCH_GARAGE_COUNTS garages (the first N of `ids`), at each
 * garage connection count, each garage kept at BENCH_OCCUPANCY: the database's limit (A) and HTTP
 * through `/api/garages/:garageId/tickets…` (B), interleaved as the one-garage comparison is: round 1
 * runs A then B for each (garages, connections) cell, round 2 the cells in the opposite order and
 * B then A, and so on. Pair `i` of connection (client) `c` works in garage `(i + c) mod N` on both
 * sides. A warm-up of each side over the most garages comes first and is not counted.
 */
export async function spreadOverGarages(s: SideSetup & { ids: readonly number[]; sides: GarageSides }, say: (line: string) => void): Promise<GarageSpread[]> {
  const { config } = s;
  const target = occupiedSpaces(config);
  const counts = garageConnectionCounts(config);
  const results = config.BENCH_GARAGE_COUNTS.flatMap((garages) => counts.map((connections): GarageSpread => ({ garages, connections, db: [], http: [], ratios: [] })));
  const sides = (['db', 'http'] as const).filter((side) => s.sides[side]);
  const all = s.ids.slice(0, Math.max(...config.BENCH_GARAGE_COUNTS));
  const most = Math.max(...counts);
  say(`garages: warm-up over ${all.length} garages, ${WARMUP_SECONDS} s per side at ${most} connections (not counted)`);
  // the statistics must know the new garages' cars before the first run, not from whenever autovacuum gets to them
  await settleOccupancy(s.sql, all, target);
  await s.sql.unsafe('analyze tickets, spaces');
  for (const side of sides) {
    await settleOccupancy(s.sql, all, target);
    if (side === 'db') await runDbSide(s, all, most, WARMUP_SECONDS);
    else await runHttpSide(s, await lanesOf(s.sql, all), most, WARMUP_SECONDS);
  }
  for (let round = 1; round <= config.BENCH_ROUNDS; round++) {
    const cells = round % 2 === 1 ? results : [...results].reverse();
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const cell of cells) {
      const ids = s.ids.slice(0, cell.garages);
      const label = `round ${round}, ${cell.garages} garage${cell.garages === 1 ? '' : 's'}, ${cell.connections} conn`;
      for (const side of order) {
        await settleOccupancy(s.sql, ids, target);
        const inside = async () => (await occupancyOf(s.sql, ids)).reduce((sum, g) => sum + g.inside, 0);
        if (side === 'db') {
          const { result, cpu } = await runDbSide(s, ids, cell.connections, config.BENCH_DURATION);
          cell.db.push({ round, result, cpu, insideAfter: await inside() });
          say(`  ${label}, database: ${result.pairsPerSecond.toFixed(1)} pairs/s`);
        } else {
          const { result, cpu } = await runHttpSide(s, await lanesOf(s.sql, ids), cell.connections, config.BENCH_DURATION);
          cell.http.push({ round, result, cpu, insideAfter: await inside() });
          say(`  ${label}, HTTP:     ${result.pairsPerSecond.toFixed(1)} pairs/s${result.non2xx + result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`);
        }
      }
      const db = cell.db.at(-1)?.result.pairsPerSecond ?? 0;
      if (sides.length === 2) cell.ratios.push(db > 0 ? cell.http.at(-1)!.result.pairsPerSecond / db : 0);
    }
  }
  await settleOccupancy(s.sql, all, target);
  return results;
}
