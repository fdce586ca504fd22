import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres, { type Sql } from 'postgres';
import type { RoundTrip } from './entry-sql.js';
import { EXIT_QUEUE_TABLE } from './exit-sql.js';
import { forPostgresJs, gateRoundTrips, iteration, pgbenchDefines, pgbenchScript, type BoundStatement, type GatePlan } from './gate-script.js';
import { percentile } from './percentiles.js';

const run = promisify(execFile);

/** The database's own rate for entries and exits (one of each per pair), with no HTTP in front. */
export type DbLimit = { tool: 'pgbench' | 'postgres.js'; pairsPerSecond: number; p50: number; p99: number; pairs: number; seconds: number };

/** A database-limit run: where, how long, and its gate plan (`stock` from `prepareExitQueue`). */
export type DbRun = { url: string; durationSeconds: number; plan: GatePlan };

/** Whether pgbench is on the PATH. */
export async function hasPgbench(): Promise<boolean> {
  return run('pgbench', ['--version']).then(
    () => true,
    () => false, // not installed: measure with postgres.js instead
  );
}

/**
 * Deals the cars inside each garage (oldest first) to `clients` clients round-robin, into the exit
 * queue the run's first exits read; gives how many each client has per garage (the plan's `stock`).
 * Garages must have consecutive ids (`firstGarageId` …).
 */
export async function prepareExitQueue(sql: Sql, garageIds: readonly number[], clients: number): Promise<number> {
  await sql.unsafe(`create unlogged table if not exists ${EXIT_QUEUE_TABLE} (
    garage_index integer not null, client integer not null, seq integer not null, ticket_number text not null,
    primary key (garage_index, client, seq))`);
  await sql.unsafe(`truncate ${EXIT_QUEUE_TABLE}`);
  await sql.unsafe(
    `insert into ${EXIT_QUEUE_TABLE} (garage_index, client, seq, ticket_number)
     select g.idx - 1, (t.rn % $2::int)::int, (t.rn / $2::int)::int, t.ticket_number
     from unnest($1::int[]) with ordinality as g (id, idx)
     cross join lateral (
       select ticket_number, row_number() over (order by entry_time, id) - 1 as rn
       from tickets where garage_id = g.id and status = 'active'
     ) t`,
    [garageIds as number[], clients],
  );
  await sql.unsafe(`analyze ${EXIT_QUEUE_TABLE}`);
  const [row] = await sql.unsafe<{ fewest: number | null }[]>(
    `select min(n)::int as fewest from (
       select (select count(*) from tickets where garage_id = g.id and status = 'active') as n from unnest($1::int[]) as g (id)
     ) counts`,
    [garageIds as number[]],
  );
  return Math.floor((row?.fewest ?? 0) / clients);
}

/** Drops the exit queue (end of the bench). */
export async function dropExitQueue(sql: Sql): Promise<void> {
  await sql.unsafe(`drop table if exists ${EXIT_QUEUE_TABLE}`);
}

/**
 * Runs the plan with pgbench (prepared statements, the server's pipelines as pgbench pipelines,
 * one log line per pair for the percentiles) for `durationSeconds`.
 */
export async function measureWithPgbench(r: DbRun): Promise<DbLimit> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parkops-pgbench-'));
  try {
    const script = path.join(dir, 'gate.sql');
    await writeFile(script, pgbenchScript(r.plan));
    const threads = Math.min(2, r.plan.clients);
    const args = ['-n', '-M', 'prepared', '-c', String(r.plan.clients), '-j', String(threads), '-T', String(r.durationSeconds), ...pgbenchDefines(r.plan)];
    const { stdout, stderr } = await run('pgbench', [...args, '-f', script, '-l', '--log-prefix', path.join(dir, 'tx'), r.url], { cwd: dir, maxBuffer: 16 << 20 }).catch(
      (error: unknown) => {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`pgbench failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`.slice(0, 4000));
      },
    );
    const tps = Number(stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1]);
    const pairs = Number(stdout.match(/number of transactions actually processed: (\d+)/)?.[1]);
    if (!Number.isFinite(tps) || !Number.isFinite(pairs)) throw new Error(`could not read pgbench's output:\n${stdout}\n${stderr}`);
    if (/aborted|failed transactions: [1-9]/.test(stdout + stderr)) throw new Error(`pgbench reported failures:\n${stdout}\n${stderr}`.slice(0, 4000));
    const latencies = await readPgbenchLatencies(dir);
    return { tool: 'pgbench', pairsPerSecond: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), pairs, seconds: r.durationSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pair times in ms from pgbench's per-transaction logs (third field, microseconds). */
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

type BoundTrip = { statements: BoundStatement[]; keep?: string | undefined };

/** A variable as pgbench's `\aset` keeps it, ready to be sent back as a text parameter. */
function toVariable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

async function sendTrips(conn: postgres.ReservedSql, trips: BoundTrip[], vars: Map<string, string | null>): Promise<void> {
  const params = (s: BoundStatement) => s.names.map((n) => {
    if (!vars.has(n)) throw new Error(`the database-limit script has no value for {${n}}`);
    return vars.get(n)!;
  });
  for (const trip of trips) {
    const sent = trip.statements.map((s) => conn.unsafe(s.text, params(s), { prepare: true }));
    const [rows] = await Promise.all(sent); // several: pipelined on this connection, as the server does
    if (!trip.keep) continue;
    const row = rows?.[0];
    if (!row) continue; // as pgbench's \aset: the variables keep their values
    for (const [column, value] of Object.entries(row)) vars.set(`${trip.keep}${column}`, toVariable(value));
  }
}

/**
 * The same plan through postgres.js (prepared, one reserved connection per client, the same
 * statements and pipelines, no HTTP): for machines without pgbench.
 */
export async function measureWithPostgresJs(r: DbRun): Promise<DbLimit> {
  const sql = postgres(r.url, { max: r.plan.clients, onnotice: () => {}, connection: { application_name: 'parkops-bench-db-limit' } });
  const bind = (trips: RoundTrip[]): BoundTrip[] => trips.map((t) => ({ statements: t.statements.map(forPostgresJs), keep: t.keep }));
  const trips = gateRoundTrips(r.plan);
  const entry = bind(trips.entry);
  const exit = { stock: bind(trips.exit.stock), ownCar: bind(trips.exit.ownCar) };
  const latencies: number[] = [];
  try {
    const connections = await Promise.all(Array.from({ length: r.plan.clients }, () => sql.reserve()));
    const started = performance.now();
    const deadline = started + r.durationSeconds * 1000;
    const client = async (conn: postgres.ReservedSql, id: number) => {
      const vars = new Map<string, string | null>([['client', String(id)]]);
      for (let i = 0; performance.now() < deadline; i++) {
        const it = iteration(r.plan, id, i);
        for (const [name, value] of Object.entries(it)) vars.set(name, String(value));
        const t0 = performance.now();
        await sendTrips(conn, entry, vars);
        await sendTrips(conn, exit[it.target], vars);
        latencies.push(performance.now() - t0);
      }
      conn.release();
    };
    await Promise.all(connections.map((conn, id) => client(conn, id)));
    const seconds = (performance.now() - started) / 1000;
    return { tool: 'postgres.js', pairsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), pairs: latencies.length, seconds };
  } finally {
    await sql.end();
  }
}
