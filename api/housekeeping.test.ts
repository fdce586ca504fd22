import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpired } from './housekeeping.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('pruneExpired', () => {
  it('forgets idempotency keys older than 24 hours and keeps the rest', async () => {
    for (let i = 0; i < 3; i++) {
      await t.call('POST', '/api/tickets', { body: { licensePlate: `PRUNE${i}` }, headers: { 'idempotency-key': `old-${i}` } });
    }
    t.clock.advance(23 * 60);
    await t.signInAll();
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'PRUNE9' }, headers: { 'idempotency-key': 'recent' } });
    t.clock.advance(2 * 60);
    expect((await pruneExpired(t.deps)).idempotencyKeys).toBe(3);
    const keys = await t.sql<{ key: string }[]>`select key from idempotency_keys`;
    expect(keys.map((k) => k.key)).toEqual(['recent']);
    expect((await pruneExpired(t.deps)).idempotencyKeys).toBe(0);
  });

  it('forgets failed sign-ins of usernames never tried again once they leave the 15-minute window', async () => {
    for (const name of ['spray.a', 'spray.b', 'spray.c']) expect((await login(name, 'wrong password')).status).toBe(401);
    const count = async () => (await t.sql<{ n: number }[]>`select count(*)::int as n from login_attempts where key like 'spray.%'`)[0]!.n;
    expect(await count()).toBe(3);
    t.clock.advance(14);
    await pruneExpired(t.deps);
    expect(await count()).toBe(3);
    t.clock.advance(2);
    expect((await pruneExpired(t.deps)).loginAttempts).toBeGreaterThanOrEqual(3);
    expect(await count()).toBe(0);
    expect((await login('attendant1', TEST_PASSWORD)).status).toBe(200);
  });
});
