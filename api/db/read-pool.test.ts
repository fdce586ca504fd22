import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { createTestDatabase } from '../test/database.js';
import { connect } from './connect.js';
import { freePort } from './embedded.js';
import { checkReadReplica, createReadPool, readReplicaUrl, REPLICA_RETRY_MS } from './read-pool.js';
import type { Sql } from './types.js';

/** A real logger whose messages the test reads. */
function capturedLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, messages: () => lines.map((l) => l.msg) };
}

/** What a read ran on. */
const where = (primary: Sql) => async (sql: Sql) => (sql === primary ? 'primary' : 'replica');

let t: TestApp;
let url: string; // the test database's
let unreachable: Sql; // a replica nobody listens for: every connection is refused
let secondPool: Sql; // a replica that answers: a second pool to the same database
beforeAll(async () => {
  const db = await createTestDatabase();
  url = db.url;
  unreachable = connect(`postgres://postgres:x@127.0.0.1:${await freePort()}/parkops`, { max: 1 });
  secondPool = connect(url, { max: 2 });
  t = await startTestApp({ database: db, sqlRead: unreachable });
});
afterAll(async () => {
  await Promise.all([unreachable.end(), secondPool.end()]);
  await t.close();
});

describe('createReadPool', () => {
  it('without a replica, every read is on the primary', async () => {
    expect(await createReadPool(t.sql, undefined, t.deps.log)(where(t.sql))).toBe('primary');
    expect(await createReadPool(t.sql, t.sql, t.deps.log)(where(t.sql))).toBe('primary');
  });

  it('reads on the replica while it answers', async () => {
    const reads = createReadPool(t.sql, secondPool, t.deps.log);
    expect(await reads(where(t.sql))).toBe('replica');
    expect(await reads((sql) => sql<{ n: number }[]>`select 41 + 1 as n`)).toEqual([{ n: 42 }]);
  });

  it('a replica that cannot be reached: the read is answered from the primary, said once, skipped for a while, then tried again', async () => {
    const { log, messages } = capturedLog();
    let now = 0;
    const reads = createReadPool(t.sql, unreachable, log, () => now);
    const tried: string[] = [];
    const read = async (sql: Sql) => {
      tried.push(sql === t.sql ? 'primary' : 'replica');
      await sql`select 1`;
      return sql === t.sql ? 'primary' : 'replica';
    };
    expect(await reads(read)).toBe('primary');
    expect(tried).toEqual(['replica', 'primary']);
    now += REPLICA_RETRY_MS - 1;
    expect(await reads(read)).toBe('primary');
    expect(tried).toEqual(['replica', 'primary', 'primary']); // skipped: no wait for a refused connection
    now += 1;
    expect(await reads(read)).toBe('primary');
    expect(tried).toEqual(['replica', 'primary', 'primary', 'replica', 'primary']);
    expect(messages().filter((m) => /read replica cannot be reached/.test(m))).toHaveLength(1);
  });

  it('an error of the read itself is not the replica being down: it is thrown, not read again on the primary', async () => {
    const reads = createReadPool(t.sql, secondPool, t.deps.log);
    await expect(reads((sql) => sql`select no_such_column from garages`)).rejects.toThrow(/no_such_column/);
    // a "connection refused" while the replica still answers came from the primary: thrown as it is
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const tried: Sql[] = [];
    await expect(reads(async (sql) => (tried.push(sql), Promise.reject(refused)))).rejects.toBe(refused);
    expect(tried).toEqual([secondPool]);
  });

  it('a statement the standby cancelled for replay (40001) is read again on the primary', async () => {
    const reads = createReadPool(t.sql, secondPool, t.deps.log);
    const conflict = Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' });
    expect(await reads(async (sql) => (sql === secondPool ? Promise.reject(conflict) : 'primary'))).toBe('primary');
  });
});

describe('readReplicaUrl', () => {
  const DATABASE_URL = 'postgres://parkops:secret@db.internal/parkops';
  const DATABASE_READ_URL = 'postgres://parkops:secret@replica.internal/parkops';

  it('is DATABASE_READ_URL beside DATABASE_URL, and nothing when it is unset', () => {
    const { log, messages } = capturedLog();
    expect(readReplicaUrl({ DATABASE_URL, DATABASE_READ_URL }, log)).toBe(DATABASE_READ_URL);
    expect(readReplicaUrl({ DATABASE_URL, DATABASE_READ_URL: undefined }, log)).toBeUndefined();
    expect(messages()).toEqual([]);
  });

  it('is ignored without DATABASE_URL (the embedded PostgreSQL), and the log says so', () => {
    const { log, messages } = capturedLog();
    expect(readReplicaUrl({ DATABASE_URL: undefined, DATABASE_READ_URL }, log)).toBeUndefined();
    expect(messages()).toEqual([expect.stringMatching(/^DATABASE_READ_URL is ignored because DATABASE_URL is unset/)]);
  });
});

describe('checkReadReplica', () => {
  it('logs a replica that answers, and one that cannot be reached, and starts anyway', async () => {
    const { log, messages } = capturedLog();
    await checkReadReplica(secondPool, log);
    await checkReadReplica(unreachable, log);
    expect(messages()).toEqual([
      'reports and the public feed read from DATABASE_READ_URL, which is not a standby (pg_is_in_recovery() is false)',
      'DATABASE_READ_URL cannot be reached now: reports and the public feed read the primary until it answers',
    ]);
  });

  it('a replica that refuses us (no such database) stops the start, naming DATABASE_READ_URL', async () => {
    const wrong = connect(url.replace(/\/[^/]+$/, '/no_such_database'), { max: 1 });
    try {
      await expect(checkReadReplica(wrong, t.deps.log)).rejects.toThrow(/^DATABASE_READ_URL could not be used: .*no_such_database/);
    } finally {
      await wrong.end();
    }
  });
});

describe('the app with a replica that cannot be reached', () => {
  it('reports and the public feed answer from the primary, and the rest of the API is not answered 503', async () => {
    expect((await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { publicFeed: true } })).status).toBe(200);
    const report = await t.call('GET', '/api/reports/daily', { as: 'manager' });
    expect(report.status).toBe(200);
    expect((await t.call('GET', `/api/garages/${t.garageId}/reports/daily`, { as: 'manager' })).status).toBe(200);
    expect((await t.call('GET', '/api/public/occupancy', { as: null })).json).toMatchObject([{ id: String(t.garageId) }]);
    expect((await t.call('GET', '/api/garage/stats')).status).toBe(200);
    expect((await t.call('POST', '/api/tickets', { body: { licensePlate: 'RPL1' } })).status).toBe(201);
  });
});
