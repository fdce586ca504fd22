import type autocannon from 'autocannon';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { PublicOccupancy } from '../shared/garages.js';
import { updateGarage } from './api-client.js';
import { WARMUP_SECONDS } from './entry-exit.js';
import { runLoad } from './load.js';
import { percentile } from './percentiles.js';

/**
 * How the feed's clients ask: `plain`, no If-None-Match; `firstEtag`, the ETag of one answer fetched
 * just before the run, on every request; `latestEtag`, the ETag of the newest 200 any connection
 * got (clients that keep up with the feed). Not each connection's own last ETag: autocannon gives a
 * connection a fresh context after each pass over its requests, so it keeps nothing of its own.
 */
export const FEED_ASKS = ['plain', 'firstEtag', 'latestEtag'] as const;
export type FeedAsk = (typeof FEED_ASKS)[number];

/** One run against one feed path. */
export type FeedRun = {
  path: string;
  ask: FeedAsk;
  /** Answers (200 and 304) per second. */
  answersPerSecond: number;
  ok: number;
  notModified: number;
  /** Any other status. */
  other: number;
  errors: number;
  /** Of every answer, ms. */
  p50: number;
  p99: number;
  seconds: number;
  /** Statements PostgreSQL ran from the run's start to its counter reading (see `counted`). */
  statements: number;
  windowSeconds: number;
  /** Statements a second of load, net of the idle rate over the same window. */
  netPerSecond: number;
};

/** The feed measured: the published garages, how statements were counted, the idle windows and the runs. */
export type FeedMeasurement = {
  published: number;
  counter: string;
  idle: { statements: number; windowSeconds: number }[];
  idlePerSecond: number;
  runs: FeedRun[];
};

/** Garages the bench publishes in the feed. */
export const FEED_GARAGES = 5;

/**
 * A backend's counts reach pg_stat_database when it goes idle, at most once a second
 * (PGSTAT_MIN_INTERVAL): a window reads the counter again this long after its load stopped (the
 * feed's one query a second is flushed as it ends).
 */
const FLUSH_MS = 1500;

/**
 * A backend that went idle within a second of its last flush keeps its counts for up to 10 s
 * (PGSTAT_IDLE_INTERVAL): the setup's burst (publishing, parking cars) must be counted before the
 * first window opens.
 */
const SETTLE_MS = 11_000;

type StatementCounter = { source: string; read: () => Promise<number> };

/** pg_stat_statements' calls in this database when the extension is loaded and created, else its committed and rolled-back transactions. */
async function statementCounter(sql: Sql): Promise<StatementCounter> {
  const [row] = await sql.unsafe<{ loaded: boolean }[]>(
    `select exists (select 1 from pg_extension where extname = 'pg_stat_statements')
       and current_setting('shared_preload_libraries') ~ 'pg_stat_statements' as loaded`,
  );
  const read = (query: string) => async () => Number((await sql.unsafe<{ n: string }[]>(query))[0]!.n);
  if (row!.loaded) {
    return {
      source: 'pg_stat_statements: calls in this database',
      read: read(`select coalesce(sum(calls), 0)::bigint as n from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())`),
    };
  }
  return {
    source: 'pg_stat_database: xact_commit + xact_rollback of this database (each feed query is one transaction)',
    read: read(`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`),
  };
}

/** Waits SETTLE_MS, then until no autovacuum worker runs in the database (at most 30 s more): nothing of the setup may land in a window. */
async function settleCounters(sql: Sql): Promise<void> {
  await sleep(SETTLE_MS);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [row] = await sql.unsafe<{ n: number }[]>(
      `select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`,
    );
    if (row!.n === 0) return;
    await sleep(500);
  }
}

/** Statements counted from before `work` to FLUSH_MS after it, and that window's length. */
async function counted<T>(counter: StatementCounter, work: () => Promise<T>): Promise<{ result: T; statements: number; windowSeconds: number }> {
  const before = await counter.read();
  const started = performance.now();
  const result = await work();
  await sleep(FLUSH_MS);
  const statements = (await counter.read()) - before;
  return { result, statements, windowSeconds: (performance.now() - started) / 1000 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A header of an autocannon answer, whatever the case of its name. */
function headerOf(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** GETs a feed path once, checks its body with the shared schema, and gives its ETag. */
async function firstAnswer(baseUrl: string, path: string): Promise<{ etag: string; garages: number }> {
  const response = await fetch(`${baseUrl}${path}`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text}`);
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`GET ${path} answered without an ETag`);
  const body = z.union([z.array(PublicOccupancy), PublicOccupancy]).parse(JSON.parse(text));
  return { etag, garages: Array.isArray(body) ? body.length : 1 };
}

/** Drives one feed path for `seconds` at `connections`, asking as `ask`; `firstEtag` is that of an answer got just before. */
async function hammer(baseUrl: string, path: string, ask: FeedAsk, firstEtag: string, connections: number, seconds: number) {
  let latest = firstEtag;
  const latencies: number[] = [];
  const request: autocannon.Request = {
    method: 'GET',
    path,
    setupRequest: (req, context) => {
      context.sentAt = performance.now();
      const tag = ask === 'plain' ? undefined : ask === 'firstEtag' ? firstEtag : latest;
      const headers: Record<string, string> = tag ? { 'if-none-match': tag } : {};
      return { ...req, headers };
    },
    onResponse: (status, _body, context, headers) => {
      const sentAt = context.sentAt;
      if (typeof sentAt === 'number') latencies.push(performance.now() - sentAt);
      if (status === 200) latest = headerOf(headers, 'etag') ?? latest;
    },
  };
  const r = await runLoad({ url: baseUrl, connections, durationSeconds: seconds, requests: [request] });
  const ok = r.statuses['200'] ?? 0;
  const notModified = r.statuses['304'] ?? 0;
  const answers = Object.values(r.statuses).reduce((a, b) => a + b, 0);
  return {
    answersPerSecond: r.seconds > 0 ? (ok + notModified) / r.seconds : 0,
    ok,
    notModified,
    other: answers - ok - notModified,
    errors: r.errors + r.timeouts,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    seconds: r.seconds,
  };
}

/**
 * Publishes `garageIds` in the feed (PATCH /api/garages/:id), then measures `GET
 * /api/public/occupancy` and `GET /api/public/occupancy/:garageId` (the first of them) at
 * BENCH_CONNECTIONS for BENCH_DURATION seconds each, asking each way of FEED_ASKS, and counts the
 * statements PostgreSQL ran meanwhile; an idle window of the same length before the runs and one
 * after give the rate to subtract (the server's own background work, autovacuum, the bench's
 * counter reads).
 */
export async function measurePublicFeed(
  s: { sql: Sql; baseUrl: string; token: string; garageIds: readonly number[]; connections: number; seconds: number },
  say: (line: string) => void,
): Promise<FeedMeasurement> {
  for (const [i, id] of s.garageIds.entries()) {
    await updateGarage(s.baseUrl, s.token, id, { publicFeed: true, address: `${i + 1} Bench Street`, lat: 52.5 + i / 100, lon: 13.4 + i / 100 });
  }
  const counter = await statementCounter(s.sql);
  const list = '/api/public/occupancy';
  const paths = [list, `${list}/${s.garageIds[0]!}`];
  const { garages } = await firstAnswer(s.baseUrl, list);
  say(`public feed: ${garages} garages published; warm-up ${WARMUP_SECONDS} s (not counted); statements counted with ${counter.source.split(':')[0]}`);
  await runLoad({ url: s.baseUrl, connections: s.connections, durationSeconds: WARMUP_SECONDS, requests: paths.map((path) => ({ method: 'GET', path })) });
  await settleCounters(s.sql);
  const idleWindow = () => counted(counter, () => sleep(s.seconds * 1000));
  say(`public feed: idle, ${s.seconds} s`);
  const idle = [await idleWindow()];
  const loads: (Omit<FeedRun, 'netPerSecond'>)[] = [];
  for (const path of paths) {
    for (const ask of FEED_ASKS) {
      const { etag } = await firstAnswer(s.baseUrl, path); // outside the window: it may refresh the snapshot
      const { result, statements, windowSeconds } = await counted(counter, () => hammer(s.baseUrl, path, ask, etag, s.connections, s.seconds));
      loads.push({ path, ask, ...result, statements, windowSeconds });
      say(`  GET ${path}, ${ask}: ${result.answersPerSecond.toFixed(0)} answers/s, ${result.notModified} of ${result.ok + result.notModified} 304, ${statements} statements in ${windowSeconds.toFixed(1)} s`);
    }
  }
  say(`public feed: idle, ${s.seconds} s`);
  idle.push(await idleWindow());
  const idlePerSecond = idle.reduce((n, w) => n + w.statements, 0) / idle.reduce((n, w) => n + w.windowSeconds, 0);
  const runs = loads.map((r) => ({ ...r, netPerSecond: r.seconds > 0 ? (r.statements - idlePerSecond * r.windowSeconds) / r.seconds : 0 }));
  return { published: garages, counter: counter.source, idle: idle.map(({ statements, windowSeconds }) => ({ statements, windowSeconds })), idlePerSecond, runs };
}
