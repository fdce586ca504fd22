/**
 * `npm run bench`: starts the server, seeds a year of history, drives the read endpoints and Slack
 * with autocannon, compares HTTP entries and exits with the database's own limit for the same
 * transactions (interleaved, at several connection counts, in a garage kept 80% full), does the same
 * spread over several garages, measures the public occupancy feed, and prints everything beside its
 * targets. See bench/README.md.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Cleanup } from './cleanup.js';
import { BenchConfigError, garageConnectionCounts, loadBenchConfig, occupiedSpaces, type BenchConfig } from './config.js';
import { dropExitQueue, hasPgbench, measureWithPgbench, measureWithPostgresJs } from './db-limit.js';
import { driveReadScenarios, selected } from './drive.js';
import { compareEntryExit, type EntryExitComparison, type MeasureDb } from './entry-exit.js';
import { createBenchGarages, removeBenchGarages, spreadOverGarages, type GarageSpread } from './garages.js';
import { settleOccupancy } from './occupancy.js';
import { FEED_GARAGES, measurePublicFeed, type FeedMeasurement } from './public-feed.js';
import { formatEntryExit, formatGarages, formatPublicFeed, formatReads, writeResults } from './report.js';
import type { ScenarioContext } from './scenarios.js';
import { seedHistory } from './seed.js';
import { prepare, type Prepared } from './setup.js';
import { probeSlackRoute } from './slack-probe.js';
import { startResponseSink } from './slack.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const began = performance.now();
/** Prints a progress line with the seconds since the start (results are printed with `console.log` as they are). */
const say = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
/** Yesterday in UTC (the bench garage's timezone): a whole day of seeded history. */
function yesterday(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

async function chooseDbTool(config: BenchConfig): Promise<{ tool: 'pgbench' | 'postgres.js'; measure: MeasureDb }> {
  const pgbench = !config.BENCH_NO_PGBENCH && (await hasPgbench());
  return pgbench ? { tool: 'pgbench', measure: measureWithPgbench } : { tool: 'postgres.js', measure: measureWithPostgresJs };
}

/**
 * The bench garages (POST /api/garages): as many as the several-garages runs and the public feed
 * need. On BENCH_DATABASE_URL they are removed at the end (the embedded database goes with its folder).
 */
async function createGarages(p: Prepared, config: BenchConfig, cleanup: Cleanup): Promise<number[]> {
  const needed = Math.max(
    selected(config, 'garages') || selected(config, 'garagesHttp') ? Math.max(...config.BENCH_GARAGE_COUNTS) : 0,
    selected(config, 'publicFeed') ? FEED_GARAGES : 0,
  );
  if (needed === 0) return [];
  say(`garages: creating ${needed} garages of ${config.BENCH_SPACES} spaces with POST /api/garages`);
  const ids = await createBenchGarages(p.server.baseUrl, p.token, needed, config.BENCH_SPACES);
  if (config.BENCH_DATABASE_URL) {
    cleanup.add('remove the bench garages', async () => {
      say('garages: removing them');
      await removeBenchGarages(p.sql, ids);
    });
  }
  return ids;
}

async function main(cleanup: Cleanup): Promise<void> {
  const startedAt = new Date();
  const config = loadBenchConfig();
  const loadBefore = os.loadavg()[0]!;
  if (loadBefore > 1) say(`note: the machine is busy (load average ${loadBefore.toFixed(1)} on ${os.cpus().length} cores): other work will lower these numbers`);
  const p = await prepare(root, config, cleanup, say);
  say(`seeding ${config.BENCH_TICKETS.toLocaleString('en-US')} completed tickets over the last year (SQL, generate_series)`);
  const seed = await seedHistory(p.sql, p.garageId, config.BENCH_TICKETS, say);
  say(`  ${seed.seeded.toLocaleString('en-US')} added in ${seed.seconds.toFixed(1)} s (vacuum and analyze included); ${seed.total.toLocaleString('en-US')} in all`);
  const db = await chooseDbTool(config);
  cleanup.add('drop the exit queue', () => dropExitQueue(p.sql));
  const parked = await settleOccupancy(p.sql, [p.garageId], occupiedSpaces(config));
  say(`parked ${parked.parked} cars in SQL: the garage holds ${occupiedSpaces(config)} of ${config.BENCH_SPACES} spaces (${config.BENCH_OCCUPANCY}%)`);

  // the reads first: after the entry/exit runs "today" would hold their tens of thousands of tickets, which no garage sees in a day
  const sink = await startResponseSink();
  cleanup.add('close the Slack response sink', sink.close);
  const slackTarget = { signingSecret: p.signingSecret, responseUrl: sink.url };
  const route = await probeSlackRoute(p.server.baseUrl, slackTarget);
  const ctx: ScenarioContext = { token: p.token, reportDate: yesterday(startedAt), slack: route.available ? slackTarget : null };
  const reads = await driveReadScenarios({ baseUrl: p.server.baseUrl, config, ctx, sink, slackSkip: route.available ? null : route.reason }, say);

  let entryExit: EntryExitComparison[] = [];
  if (selected(config, 'entryExit')) {
    say(`entry/exit: HTTP and the database's limit (${db.tool}${db.tool === 'postgres.js' ? ': pgbench is not installed or BENCH_NO_PGBENCH=1' : ''}) interleaved, at ${config.BENCH_CONNECTION_COUNTS.join(', ')} connections`);
    const setup = { sql: p.sql, dbUrl: p.dbUrl, baseUrl: p.server.baseUrl, token: p.token, garageId: p.garageId, config, measureDb: db.measure };
    entryExit = await compareEntryExit({ ...setup, serverGroup: p.server.groupId, ownDatabase: !config.BENCH_DATABASE_URL }, say);
  }
  const garageIds = await createGarages(p, config, cleanup);
  const sides = { db: selected(config, 'garages'), http: selected(config, 'garagesHttp') };
  let garages: GarageSpread[] = [];
  if (sides.db || sides.http) {
    const what = sides.db && sides.http ? `HTTP and the database's limit (${db.tool}) interleaved` : sides.db ? `the database's limit (${db.tool})` : 'HTTP';
    say(`garages: ${what} over ${config.BENCH_GARAGE_COUNTS.join(', ')} garages at ${garageConnectionCounts(config).join(', ')} connections`);
    const setup = { sql: p.sql, dbUrl: p.dbUrl, baseUrl: p.server.baseUrl, token: p.token, config, measureDb: db.measure, serverGroup: p.server.groupId, ownDatabase: !config.BENCH_DATABASE_URL };
    garages = await spreadOverGarages({ ...setup, ids: garageIds, sides }, say);
  }
  let publicFeed: FeedMeasurement | null = null;
  if (selected(config, 'publicFeed')) {
    const feedIds = garageIds.slice(0, FEED_GARAGES);
    await settleOccupancy(p.sql, feedIds, occupiedSpaces(config));
    publicFeed = await measurePublicFeed({ sql: p.sql, baseUrl: p.server.baseUrl, token: p.token, garageIds: feedIds, connections: config.BENCH_CONNECTIONS, seconds: config.BENCH_DURATION }, say);
  }

  console.log(`\nParkOps bench: ${seed.total.toLocaleString('en-US')} tickets of history, load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} now on ${os.cpus().length} cores\n`);
  if (entryExit.length) console.log(`${formatEntryExit(entryExit, config)}\n`);
  if (garages.length) console.log(`${formatGarages(garages, config)}\n`);
  if (publicFeed) console.log(`${formatPublicFeed(publicFeed, config)}\n`);
  if (reads.length) console.log(`Read endpoints and Slack, ${config.BENCH_CONNECTIONS} connections for ${config.BENCH_DURATION} s (light load: 2 connections, ${config.BENCH_LIGHT_RATE} req/s)\n\n${formatReads(reads)}`);
  const [pg] = await p.sql<{ serverVersion: string }[]>`select current_setting('server_version') as "serverVersion"`;
  const pgbench = await promisify(execFile)('pgbench', ['--version']).then((r) => r.stdout.trim(), () => null);
  const file = await writeResults(path.join(root, 'bench', 'results'), startedAt, {
    startedAt: startedAt.toISOString(),
    machine: { loadAverageAtStart: loadBefore, loadAverageAtEnd: os.loadavg()[0], cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pg?.serverVersion ?? null, pgbench },
    settings: { ...config, BENCH_DATABASE_URL: config.BENCH_DATABASE_URL ? 'set' : null, BENCH_ADMIN_PASSWORD: undefined, dbTool: db.tool },
    seed,
    entryExit,
    garages,
    publicFeed,
    reads,
  });
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

const cleanup = new Cleanup();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: tsx and npm pass the terminal's signal on again, and a second one with no
  // listener would kill the bench before it has stopped the server and removed its data
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the server and the database`);
    void cleanup.runAll().then(() => process.exit(130));
  });
}
main(cleanup)
  .catch((error: unknown) => {
    // after Ctrl-C, what fails next is the work the stop cut short: one line is enough
    if (interrupted) console.error(`interrupted: ${error instanceof Error ? error.message : String(error)}`);
    else if (error instanceof BenchConfigError) console.error(error.message);
    else console.error('bench failed:', error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.runAll());
