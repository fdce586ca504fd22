import type { Sql } from 'postgres';
import type { BenchConfig } from './config.js';
import { occupiedSpaces } from './config.js';
import { cpuPerPair, sampleCpu, type CpuPerPair } from './cpu.js';
import { prepareExitQueue, type DbLimit, type DbRun } from './db-limit.js';
import { runHttpGate, singleGarageLane, type GarageLane, type HttpGateResult } from './http-gate.js';
import { occupancyOf, parkedTicketNumbers, reserveSeries, settleOccupancy, waitForServerIdle } from './occupancy.js';

/** Measures the database's limit for one plan (pgbench or postgres.js). */
export type MeasureDb = (run: DbRun) => Promise<DbLimit>;

/** One side of one round: what it measured, the CPU it took per pair, and the cars inside when it ended. */
export type SideRun<T> = { round: number; result: T; cpu: CpuPerPair; insideAfter: number };

/** Both sides at one connection count, over all rounds; `ratios[r]` is HTTP ÷ database in round r. */
export type EntryExitComparison = { connections: number; db: SideRun<DbLimit>[]; http: SideRun<HttpGateResult>[]; ratios: number[] };

/** Series numbers reserved per database run: room for 50,000 pairs a second. */
export const SERIES_PER_SECOND = 50_000;

/** Seconds of each side's warm-up before the counted runs. */
export const WARMUP_SECONDS = 3;

/** What both sides need: the database, the server and its process group, the settings and the database-side tool. */
export type SideSetup = {
  sql: Sql;
  dbUrl: string;
  baseUrl: string;
  token: string;
  config: BenchConfig;
  measureDb: MeasureDb;
  /** The server's process group, for its CPU time; `ownDatabase`: the embedded PostgreSQL is in it. */
  serverGroup: number;
  ownDatabase: boolean;
};

/** Both sides in the admin's default garage. */
type Setup = SideSetup & { garageId: number };

/** Runs `measure` between two CPU samples. */
export async function withCpu<T>(s: Pick<SideSetup, 'serverGroup' | 'ownDatabase'>, measure: () => Promise<T>, pairs: (result: T) => number): Promise<{ result: T; cpu: CpuPerPair }> {
  const before = await sampleCpu(s.serverGroup);
  const result = await measure();
  const after = await sampleCpu(s.serverGroup);
  return { result, cpu: cpuPerPair(before, after, pairs(result), s.ownDatabase) };
}

/**
 * The database side over garages with consecutive ids: the exit queue dealt to `clients`, fresh
 * series numbers, then the run (only the run in the CPU window).
 */
export async function runDbSide(s: SideSetup, garageIds: readonly number[], clients: number, durationSeconds: number): Promise<{ result: DbLimit; cpu: CpuPerPair }> {
  const stock = await prepareExitQueue(s.sql, garageIds, clients);
  const base = await reserveSeries(s.sql, durationSeconds * SERIES_PER_SECOND + clients);
  const plan = { firstGarageId: garageIds[0]!, garages: garageIds.length, clients, stock, base, idempotency: s.config.BENCH_IDEMPOTENCY };
  return withCpu(s, () => s.measureDb({ url: s.dbUrl, durationSeconds, plan }), (r) => r.pairs);
}

/**
 * The HTTP side over `lanes` (each garage's cars inside, oldest first, are its exits' queue); the
 * CPU window ends when the answers in flight are done.
 */
export async function runHttpSide(s: SideSetup, lanes: GarageLane[], connections: number, durationSeconds: number): Promise<{ result: HttpGateResult; cpu: CpuPerPair }> {
  const run = async () => {
    const result = await runHttpGate({ baseUrl: s.baseUrl, token: s.token, connections, durationSeconds, lanes, idempotency: s.config.BENCH_IDEMPOTENCY });
    await waitForServerIdle(s.sql);
    return result;
  };
  return withCpu(s, run, (r) => Math.min(r.entries, r.exits));
}

/**
 * The database's limit (A) and HTTP (B) for the same work — entries and exits, one of each per
 * pair — at each of BENCH_CONNECTION_COUNTS, interleaved in time: round 1 runs A then B at each
 * count, round 2 B then A, and so on (so a machine getting busier or quieter weighs on both sides
 * alike), BENCH_ROUNDS rounds. Before every run the server's garage is brought back to
 * BENCH_OCCUPANCY percent of BENCH_SPACES and vacuumed; during a run each connection alternates
 * an entry and the exit of the car inside the longest, so occupancy stays within one car per
 * connection of that. A warm-up of each side comes first and is not counted.
 */
export async function compareEntryExit(s: Setup, say: (line: string) => void): Promise<EntryExitComparison[]> {
  const { config } = s;
  const target = occupiedSpaces(config);
  const settle = () => settleOccupancy(s.sql, [s.garageId], target);
  const inside = async () => (await occupancyOf(s.sql, [s.garageId]))[0]!.inside;
  const most = Math.max(...config.BENCH_CONNECTION_COUNTS);
  const garage = [s.garageId];
  const lanes = async () => [singleGarageLane(await parkedTicketNumbers(s.sql, s.garageId))];
  say(`entry/exit: warm-up, ${WARMUP_SECONDS} s each side at ${most} connections (not counted)`);
  await settle();
  await runHttpSide(s, await lanes(), most, WARMUP_SECONDS);
  await settle();
  await runDbSide(s, garage, most, WARMUP_SECONDS);
  const results = config.BENCH_CONNECTION_COUNTS.map((connections): EntryExitComparison => ({ connections, db: [], http: [], ratios: [] }));
  for (let round = 1; round <= config.BENCH_ROUNDS; round++) {
    for (const comparison of results) {
      const c = comparison.connections;
      const order = round % 2 === 1 ? (['db', 'http'] as const) : (['http', 'db'] as const);
      for (const side of order) {
        await settle();
        if (side === 'db') {
          const { result, cpu } = await runDbSide(s, garage, c, config.BENCH_DURATION);
          comparison.db.push({ round, result, cpu, insideAfter: await inside() });
          say(`  round ${round}, ${c} conn, database: ${result.pairsPerSecond.toFixed(1)} pairs/s`);
        } else {
          const { result, cpu } = await runHttpSide(s, await lanes(), c, config.BENCH_DURATION);
          comparison.http.push({ round, result, cpu, insideAfter: await inside() });
          say(`  round ${round}, ${c} conn, HTTP:     ${result.pairsPerSecond.toFixed(1)} pairs/s${result.non2xx + result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`);
        }
      }
      const db = comparison.db.at(-1)!.result.pairsPerSecond;
      comparison.ratios.push(db > 0 ? comparison.http.at(-1)!.result.pairsPerSecond / db : 0);
    }
  }
  await settle();
  return results;
}
