import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { pruneExpiredKeys } from './prune.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('pruneExpiredKeys', () => {
  it('forgets keys older than 24 hours and keeps the rest', async () => {
    for (let i = 0; i < 3; i++) {
      await t.call('POST', '/api/tickets', { body: { licensePlate: `PRUNE${i}` }, headers: { 'idempotency-key': `old-${i}` } });
    }
    t.clock.advance(23 * 60);
    await t.signInAll();
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'PRUNE9' }, headers: { 'idempotency-key': 'recent' } });
    t.clock.advance(2 * 60);
    expect(await pruneExpiredKeys(t.deps)).toBe(3);
    const keys = await t.sql<{ key: string }[]>`select key from idempotency_keys`;
    expect(keys.map((k) => k.key)).toEqual(['recent']);
    expect(await pruneExpiredKeys(t.deps)).toBe(0);
  });
});
