import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { CLEANUP_STATEMENTS, entryStatements } from './entry-sql.js';
import { percentile } from './percentiles.js';

const run = promisify(execFile);

/** The database's own rate for the entry transaction, with no HTTP in front. */
export type DbLimit = { tool: 'pgbench' | 'postgres.js'; tps: number; p50: number; p99: number; transactions: number; seconds: number };

type Plan = { url: string; garageId: number; connections: number; durationSeconds: number };

/** Whether pgbench is on the PATH. */
export async function hasPgbench(): Promise<boolean> {
  return run('pgbench', ['--version']).then(
    () => true,
    () => false, // not installed: measure with postgres.js instead
  );
}

/**
 * Runs the entry transaction (api/tickets' statements, see entry-sql.ts) at `connections` clients
 * for `durationSeconds` with pgbench (prepared statements, one log line per transaction for the
 * percentiles), then removes what it wrote.
 */
export async function measureWithPgbench(plan: Plan): Promise<DbLimit> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parkops-pgbench-'));
  try {
    const script = path.join(dir, 'entry.sql');
    const statements = entryStatements(plan.garageId, ':plate::bigint', ':code::bigint').map((s) => `${s.replace(/\s*\n\s*/g, ' ')};`);
    await writeFile(script, ['\\set plate random(1, 68719476735)', '\\set code random(0, 1073741823)', 'begin;', ...statements, 'commit;', ''].join('\n'));
    const threads = Math.min(2, plan.connections);
    const args = ['-n', '-M', 'prepared', '-c', String(plan.connections), '-j', String(threads), '-T', String(plan.durationSeconds)];
    const { stdout } = await run('pgbench', [...args, '-f', script, '-l', '--log-prefix', path.join(dir, 'tx'), plan.url], { cwd: dir, maxBuffer: 16 << 20 });
    const tps = Number(stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1]);
    const transactions = Number(stdout.match(/number of transactions actually processed: (\d+)/)?.[1]);
    if (!Number.isFinite(tps) || !Number.isFinite(transactions)) throw new Error(`could not read pgbench's output:\n${stdout}`);
    const latencies = await readPgbenchLatencies(dir);
    return { tool: 'pgbench', tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions, seconds: plan.durationSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cleanUp(plan.url);
  }
}

/** Transaction times in ms from pgbench's per-transaction logs (third field, microseconds). */
async function readPgbenchLatencies(dir: string): Promise<number[]> {
  const files = (await readdir(dir)).filter((f) => f.startsWith('tx.'));
  const latencies: number[] = [];
  for (const file of files) {
    for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  return latencies;
}

/**
 * The same transaction through postgres.js (prepared, `connections` clients in a loop, no HTTP):
 * for machines without pgbench. Removes what it wrote.
 */
export async function measureWithPostgresJs(plan: Plan): Promise<DbLimit> {
  const sql = postgres(plan.url, { max: plan.connections, onnotice: () => {}, connection: { application_name: 'parkops-bench' } });
  const [lock, read, insert, audit] = entryStatements(plan.garageId, '$1::bigint', '$2::bigint');
  const latencies: number[] = [];
  try {
    const started = performance.now();
    const deadline = started + plan.durationSeconds * 1000;
    const client = async () => {
      while (performance.now() < deadline) {
        const plate = randomInt(1, 2 ** 36);
        const code = randomInt(0, 2 ** 30);
        const t0 = performance.now();
        await sql.begin(async (tx) => {
          await tx.unsafe(lock!, [], { prepare: true });
          await tx.unsafe(read!, [plate], { prepare: true });
          await tx.unsafe(insert!, [plate, code], { prepare: true });
          await tx.unsafe(audit!, [plate, code], { prepare: true });
        });
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: plan.connections }, client));
    const seconds = (performance.now() - started) / 1000;
    return { tool: 'postgres.js', tps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions: latencies.length, seconds };
  } finally {
    await sql.end();
    await cleanUp(plan.url);
  }
}

async function cleanUp(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of CLEANUP_STATEMENTS) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}
