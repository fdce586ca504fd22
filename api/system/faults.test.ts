import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { connect } from '../db/connect.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { createTestDatabase } from '../test/database.js';
import { clientFor, signIn, startServerProcess, type ServerProcess } from '../test/server-process.js';

const PASSWORD = 'faults-admin-pass';
const quiet = { info: () => {}, error: () => {} };
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Answer = { status: number; ticketNumber?: string; code?: string };

/**
 * A phone recording one entry: it sends it with its Idempotency-Key to the servers in turn until
 * one answers 201, waiting a little after a failure, as the PWA's outbox does. Bounded in time.
 */
async function phone(urls: () => string[], tokens: Map<string, string>, plate: string, key: string, log: Answer[]): Promise<Answer> {
  const deadline = Date.now() + 60_000;
  const mine: Answer[] = [];
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const candidates = urls();
    const url = candidates[attempt % candidates.length]!;
    let answer: Answer;
    try {
      const res = await clientFor(url, tokens.get(url))('POST', '/api/tickets', { licensePlate: plate }, { 'idempotency-key': key });
      answer = { status: res.status, ticketNumber: res.json?.ticketNumber, code: res.json?.code };
    } catch (error) {
      answer = { status: 0, code: `${(error as Error).name} ${url}` }; // connection refused or reset: the server is gone
    }
    log.push(answer);
    mine.push(answer);
    if (answer.status === 201) return answer;
    // the only answers a healthy entry may meet here: no answer (server gone) or 503 "try again"
    if (answer.status !== 0 && answer.status !== 503) throw new Error(`${plate}: unexpected answer ${JSON.stringify(mine)}`);
    await new Promise((r) => setTimeout(r, 100 + attempt * 50));
  }
  throw new Error(`${plate} never got its ticket: ${JSON.stringify(mine)}`);
}

async function ticketsByPlate(sql: Sql) {
  return sql<{ plate: string; n: number; numbers: string[] }[]>`
    select plate_normalized as plate, count(*)::int as n, array_agg(ticket_number) as numbers
    from tickets group by plate_normalized`;
}

describe('faults', () => {
  it('kill -9 of a server in the middle of load: every 201 ticket is kept, retries with their keys make no duplicates', async () => {
    const db = await createTestDatabase();
    cleanups.push(db.drop);
    const env = { DATABASE_URL: db.url, ADMIN_PASSWORD: PASSWORD };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    cleanups.push(() => a!.stop(), () => b!.stop());
    const tokens = new Map([
      [a!.url, await signIn(a!.url, 'admin', PASSWORD)],
      [b!.url, await signIn(b!.url, 'admin', PASSWORD)],
    ]);
    let alive = [a!.url, b!.url];
    const log: Answer[] = [];
    const phones = Array.from({ length: 40 }, (_, i) => phone(() => alive, tokens, `KILL${i}`, `kill-key-${i}`, log));
    await new Promise((r) => setTimeout(r, 30));
    await a!.kill9();
    alive = [b!.url];
    const finals = await Promise.all(phones).catch((e) => {
      throw new Error(`${e}\n--- B:\n${b!.output()}`);
    });

    const rows = await ticketsByPlate(db.sql);
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const stored = new Set(rows.flatMap((r) => r.numbers));
    for (const answer of log.filter((x) => x.status === 201)) expect(stored).toContain(answer.ticketNumber);
    expect(new Set(finals.map((f) => f.ticketNumber)).size).toBe(40);
  }, 120_000);

  it('PostgreSQL stopped and restarted under load: status says unavailable, nothing hangs, the server reconnects, no duplicates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parkops-fault-pg-'));
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    let pg: EmbeddedDatabase = await startEmbeddedPostgres(dir, quiet, { port });
    cleanups.push(() => pg.stop());
    const server: ServerProcess = await startServerProcess({ DATABASE_URL: pg.url, ADMIN_PASSWORD: PASSWORD });
    cleanups.push(() => server.stop());
    const tokens = new Map([[server.url, await signIn(server.url, 'admin', PASSWORD)]]);
    const client = clientFor(server.url, tokens.get(server.url));
    const log: Answer[] = [];

    const phones = Array.from({ length: 30 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 40)).then(() => phone(() => [server.url], tokens, `DOWN${i}`, `down-key-${i}`, log)),
    );
    await new Promise((r) => setTimeout(r, 300));
    await pg.stop();

    const started = Date.now();
    const status = await client('GET', '/api/status').catch((e) => {
      throw new Error(`${e}\n${server.output()}`);
    });
    expect(status).toMatchObject({ status: 503, json: { status: 'unavailable' } });
    const during = await client('GET', '/api/garage/stats');
    expect(during.status).toBe(503);
    expect(during.json).toMatchObject({ code: 'unavailable' });
    expect(during.headers.get('retry-after')).toBe('2');
    expect(Date.now() - started).toBeLessThan(10_000); // answered, not hung

    await new Promise((r) => setTimeout(r, 1500));
    pg = await startEmbeddedPostgres(dir, quiet, { port });
    const finals = await Promise.all(phones);

    expect((await client('GET', '/api/status')).status).toBe(200);
    const sql = connect(pg.url, { max: 1 });
    const rows = await ticketsByPlate(sql);
    await sql.end();
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(finals.map((f) => f.ticketNumber)).size).toBe(30);
    expect(log.some((x) => x.status === 503)).toBe(true); // the outage was really met
    expect(log.filter((x) => x.status >= 500 && x.status !== 503)).toEqual([]);
  }, 180_000);

  it('PostgreSQL stopped under load: every request gets a quick 503 (none hangs), status says unavailable, and the server recovers by itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parkops-outage-pg-'));
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    let pg: EmbeddedDatabase = await startEmbeddedPostgres(dir, quiet, { port });
    cleanups.push(() => pg.stop());
    const server: ServerProcess = await startServerProcess({ DATABASE_URL: pg.url, ADMIN_PASSWORD: PASSWORD });
    cleanups.push(() => server.stop());
    const token = await signIn(server.url, 'admin', PASSWORD);

    /** One request with its time to answer; 0 when no answer came within 20 s (hung) or the connection failed. */
    const timed = async (method: string, route: string, body?: unknown, headers?: Record<string, string>) => {
      const started = performance.now();
      try {
        const res = await clientFor(server.url, token)(method, route, body, headers);
        return { route, status: res.status, code: res.json?.code as string | undefined, ms: performance.now() - started };
      } catch (error) {
        return { route, status: 0, code: (error as Error).name, ms: performance.now() - started };
      }
    };
    /** Load for `ms`: 6 requests every 100 ms (stats, lookups, entries with keys, status), all kept. */
    const load = async (ms: number, tag: string) => {
      const answers: Promise<Awaited<ReturnType<typeof timed>>>[] = [];
      const until = Date.now() + ms;
      for (let i = 0; Date.now() < until; i++) {
        answers.push(
          timed('GET', '/api/garage/stats'),
          timed('GET', '/api/activities?limit=5'),
          timed('GET', '/api/tickets?plate=OUT1'),
          timed('POST', '/api/tickets', { licensePlate: `${tag}${i}` }, { 'idempotency-key': `${tag}-${i}` }),
          timed('GET', '/api/auth/me'),
          timed('GET', '/api/status'),
        );
        await new Promise((r) => setTimeout(r, 100));
      }
      return Promise.all(answers);
    };

    const before = load(1500, 'UP');
    await new Promise((r) => setTimeout(r, 500));
    await pg.stop();
    const meanwhile = await before;
    const during = await load(4000, 'DN');

    const slow = during.filter((a) => a.ms > 3000);
    expect(during.filter((a) => a.status !== 503), JSON.stringify(during.filter((a) => a.status !== 503).slice(0, 5))).toEqual([]);
    expect(slow.length, `slow answers (ms): ${slow.map((a) => Math.round(a.ms)).join(', ')}`).toBe(0);
    expect(during.filter((a) => a.route === '/api/status').every((a) => a.status === 503)).toBe(true);
    expect(during.filter((a) => a.route !== '/api/status').every((a) => a.code === 'unavailable')).toBe(true);
    // requests already running when it stopped: answered too, each a success or a 503, none hung
    expect(meanwhile.filter((a) => a.status !== 503 && (a.status < 200 || a.status >= 300))).toEqual([]);

    pg = await startEmbeddedPostgres(dir, quiet, { port });
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await timed('GET', '/api/status')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    // a request may still meet a pooled connection that died with the old server (answered 503 and
    // dropped): the server recovers by itself within a few seconds, without a restart
    let after = await timed('GET', '/api/garage/stats');
    for (const until = Date.now() + 10_000; after.status !== 200 && Date.now() < until; ) {
      expect(after.status).toBe(503);
      await new Promise((r) => setTimeout(r, 250));
      after = await timed('GET', '/api/garage/stats');
    }
    expect(after.status).toBe(200);
  }, 180_000);
});
