import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../api/test/database.js';
import { clientFor, signIn, startServerProcess } from '../api/test/server-process.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** This server process's connections to the test database, by pool: the primary's (`parkops:<pid>`) and the read pool's (`parkops:<pid>:read`). */
async function connectionsOf(pid: number) {
  const rows = await db.sql<{ applicationName: string; n: number }[]>`
    select application_name, count(*)::int as n from pg_stat_activity where application_name like ${`parkops:${pid}%`} group by 1
  `;
  return Object.fromEntries(rows.map((r) => [r.applicationName.replace(`parkops:${pid}`, 'primary').replace('primary:read', 'read'), r.n]));
}

describe('DATABASE_READ_URL at the server', () => {
  it('beside DATABASE_URL: a second pool reads the reports, and SIGTERM closes it with the primary’s', async () => {
    // a second pool to the same database stands in for the replica: what is tested here is the wiring
    const server = await startServerProcess({ DATABASE_URL: db.url, DATABASE_READ_URL: db.url, ADMIN_PASSWORD: 'replica-admin', LOG_LEVEL: 'info' });
    const pid = server.child.pid!;
    try {
      const client = clientFor(server.url, await signIn(server.url, 'admin', 'replica-admin'));
      expect((await client('GET', '/api/reports/daily')).status).toBe(200);
      expect(await connectionsOf(pid)).toMatchObject({ primary: expect.any(Number), read: expect.any(Number) });
      expect(server.output()).toContain('reports and the public feed read from DATABASE_READ_URL, which is not a standby');
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    for (let i = 0; i < 50 && Object.keys(await connectionsOf(pid)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await connectionsOf(pid)).toEqual({});
  }, 60_000);

  it('one that turns the server away (no such database) stops the start with a message naming it', async () => {
    const wrong = db.url.replace(/\/[^/]+$/, '/no_such_database');
    await expect(startServerProcess({ DATABASE_URL: db.url, DATABASE_READ_URL: wrong, ADMIN_PASSWORD: 'replica-admin' })).rejects.toThrow(
      /server exited with 1[\s\S]*DATABASE_READ_URL could not be used: .*no_such_database/,
    );
  }, 60_000);
});
