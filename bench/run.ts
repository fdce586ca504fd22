/**
 * `npm run bench`: starts the server, seeds a year of history, measures the database's own limit
 * for the entry transaction, then drives each endpoint with autocannon and prints req/s, p50 and
 * p99 beside their targets. See bench/README.md.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Cleanup } from './cleanup.js';
import { BenchConfigError, loadBenchConfig, type BenchConfig } from './config.js';
import { hasPgbench, measureWithPgbench, measureWithPostgresJs, type DbLimit } from './db-limit.js';
import { driveScenarios, selectedScenarios } from './drive.js';
import { entryRatio, formatResults, writeResults, type ScenarioOutcome } from './report.js';
import type { ScenarioContext } from './scenarios.js';
import { seedHistory } from './seed.js';
import { prepare, type Prepared } from './setup.js';
import { probeSlackRoute } from './slack-probe.js';
import { startResponseSink } from './slack.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line: string) => console.log(line);
/** Yesterday in UTC (the bench garage's timezone): a whole day of seeded history. */
function yesterday(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

async function measureDbLimit(p: Prepared, config: BenchConfig): Promise<DbLimit> {
  const pgbench = !config.BENCH_NO_PGBENCH && (await hasPgbench());
  const plan = { url: p.dbUrl, garageId: p.garageId, connections: config.BENCH_CONNECTIONS, durationSeconds: config.BENCH_DURATION };
  say(`database limit: the entry transaction through ${pgbench ? 'pgbench' : 'postgres.js (pgbench is not installed)'}, ${plan.connections} clients, ${plan.durationSeconds} s`);
  return pgbench ? measureWithPgbench(plan) : measureWithPostgresJs(plan);
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
  const dbLimit = selectedScenarios(config).includes('entry') ? await measureDbLimit(p, config) : null;

  const sink = await startResponseSink();
  cleanup.add('close the Slack response sink', sink.close);
  const slackTarget = { signingSecret: p.signingSecret, responseUrl: sink.url };
  const route = await probeSlackRoute(p.server.baseUrl, slackTarget);
  const ctx: ScenarioContext = { token: p.token, parked: [], reportDate: yesterday(startedAt), slack: route.available ? slackTarget : null };
  const outcomes = await driveScenarios({ baseUrl: p.server.baseUrl, config, ctx, sink, slackSkip: route.available ? null : route.reason }, say);

  say(`\nParkOps bench: ${seed.total.toLocaleString('en-US')} tickets of history, ${config.BENCH_CONNECTIONS} connections, ${config.BENCH_DURATION} s per scenario\n`);
  say(formatResults(outcomes, dbLimit));
  const [pg] = await p.sql<{ serverVersion: string }[]>`select current_setting('server_version') as "serverVersion"`;
  const pgbench = await promisify(execFile)('pgbench', ['--version']).then((r) => r.stdout.trim(), () => null);
  const file = await writeResults(path.join(root, 'bench', 'results'), startedAt, {
    startedAt: startedAt.toISOString(),
    machine: { loadAverageAtStart: loadBefore, loadAverageAtEnd: os.loadavg()[0], cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pg?.serverVersion ?? null, pgbench },
    settings: { tickets: config.BENCH_TICKETS, durationSeconds: config.BENCH_DURATION, connections: config.BENCH_CONNECTIONS, lightRate: config.BENCH_LIGHT_RATE, only: config.BENCH_ONLY ?? null, database: config.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded' },
    seed,
    dbLimit,
    entryRatio: entryRatio(outcomes, dbLimit),
    scenarios: outcomes,
  });
  say(`\nwritten to ${path.relative(process.cwd(), file)}`);
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
