import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { ensureGarage } from '../garage/queries.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { claimSummaryDay, isSummaryDayClosed, loadLateChanges, loadSummaryDay, markSummaryPosted, recordLateChange, releaseSummaryDay } from './queries.js';

let db: TestDatabase;
let garageId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  garageId = await ensureGarage(db.sql, { totalSpaces: 10, hourlyRate: 1000, timezone: 'UTC' });
});
afterAll(() => db.drop());

const at = (iso: string) => new Date(iso);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const T0 = at('2026-11-24T07:00:00.000Z');
const claim = (day: string, token: string, now = T0, leaseMinutes = 5) =>
  claimSummaryDay(db.sql, { garageId, day, claimToken: token, now, leaseUntil: minutesAfter(now, leaseMinutes) });

describe('summary claims', () => {
  it('the first claim of a day gets it; another while the lease runs does not', async () => {
    expect(await claim('2026-01-01', 'a')).toEqual({ day: '2026-01-01', attempts: 1 });
    expect(await claim('2026-01-01', 'b', minutesAfter(T0, 4))).toBeNull();
    expect(await loadSummaryDay(db.sql, garageId, '2026-01-01')).toMatchObject({ status: 'pending', claimToken: 'a', attempts: 1 });
  });

  it('a lease that ran out (a server died mid-post) can be claimed again', async () => {
    await claim('2026-01-02', 'a');
    expect(await claim('2026-01-02', 'b', minutesAfter(T0, 5))).toEqual({ day: '2026-01-02', attempts: 2 });
    expect(await markSummaryPosted(db.sql, { garageId, day: '2026-01-02', claimToken: 'a', channel: 'C1', messageTs: '1.1', now: T0 })).toBe(false);
    expect(await markSummaryPosted(db.sql, { garageId, day: '2026-01-02', claimToken: 'b', channel: 'C1', messageTs: '2.2', now: T0 })).toBe(true);
  });

  it('a posted day is never claimed again, whatever the time', async () => {
    await claim('2026-01-03', 'a');
    expect(await markSummaryPosted(db.sql, { garageId, day: '2026-01-03', claimToken: 'a', channel: 'C9', messageTs: '1700000000.000100', now: T0 })).toBe(true);
    expect(await claim('2026-01-03', 'b', minutesAfter(T0, 60 * 24 * 30))).toBeNull();
    expect(await loadSummaryDay(db.sql, garageId, '2026-01-03')).toMatchObject({
      status: 'posted',
      claimToken: null,
      channel: 'C9',
      messageTs: '1700000000.000100',
      postedAt: T0,
    });
  });

  it('a released (failed) day stays pending with its error and may be claimed from its retry time, not before', async () => {
    await claim('2026-01-04', 'a');
    const retryAt = minutesAfter(T0, 2);
    expect(await releaseSummaryDay(db.sql, { garageId, day: '2026-01-04', claimToken: 'a', retryAt, error: 'An HTTP protocol error occurred: statusCode = 500', now: T0 })).toBe(true);
    expect(await loadSummaryDay(db.sql, garageId, '2026-01-04')).toMatchObject({ status: 'pending', claimToken: null, leaseUntil: retryAt, lastError: expect.stringContaining('500') });
    expect(await claim('2026-01-04', 'b', minutesAfter(T0, 1))).toBeNull();
    expect(await claim('2026-01-04', 'b', retryAt)).toEqual({ day: '2026-01-04', attempts: 2 });
  });

  it('only the holder may release or mark a day', async () => {
    await claim('2026-01-05', 'a');
    expect(await releaseSummaryDay(db.sql, { garageId, day: '2026-01-05', claimToken: 'x', retryAt: T0, error: 'e', now: T0 })).toBe(false);
    expect(await markSummaryPosted(db.sql, { garageId, day: '2026-01-05', claimToken: 'x', channel: 'C', messageTs: '1', now: T0 })).toBe(false);
  });

  it('of many servers claiming one day at once, exactly one gets it', async () => {
    const pools = Array.from({ length: 6 }, () => connect(db.url, { max: 1 }));
    try {
      const results = await Promise.all(
        pools.map((sql, i) => claimSummaryDay(sql, { garageId, day: '2026-01-06', claimToken: `s${i}`, now: T0, leaseUntil: minutesAfter(T0, 5) })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe('late changes', () => {
  it('a day is closed to changes once posted, or while a claim on it runs; not before, nor after a failed post', async () => {
    expect(await isSummaryDayClosed(db.sql, garageId, '2026-02-01', T0)).toBe(false); // never claimed
    await claim('2026-02-01', 'a');
    expect(await isSummaryDayClosed(db.sql, garageId, '2026-02-01', minutesAfter(T0, 1))).toBe(true); // being posted
    expect(await isSummaryDayClosed(db.sql, garageId, '2026-02-01', minutesAfter(T0, 5))).toBe(false); // the lease ran out
    await releaseSummaryDay(db.sql, { garageId, day: '2026-02-01', claimToken: 'a', retryAt: minutesAfter(T0, 2), error: 'e', now: T0 });
    expect(await isSummaryDayClosed(db.sql, garageId, '2026-02-01', minutesAfter(T0, 1))).toBe(false); // failed: its next post has the change
    await claim('2026-02-01', 'b', minutesAfter(T0, 2));
    await markSummaryPosted(db.sql, { garageId, day: '2026-02-01', claimToken: 'b', channel: 'C', messageTs: '1', now: minutesAfter(T0, 3) });
    expect(await isSummaryDayClosed(db.sql, garageId, '2026-02-01', minutesAfter(T0, 60 * 24 * 30))).toBe(true);
  });

  it('are read back by the time they were received, per day they changed, with the revenue they moved (past 2^31 cents too)', async () => {
    const change = (ticketNumber: string, kind: 'entry' | 'exit', day: string, receivedAt: string, revenueCents: number) =>
      recordLateChange(db.sql, garageId, { ticketNumber, kind, day, receivedAt: at(receivedAt), revenueCents });
    await change('PS-LATE01', 'exit', '2026-03-01', '2026-03-02T10:00:00Z', 2_184_997_815);
    await change('PS-LATE02', 'exit', '2026-03-01', '2026-03-02T11:00:00Z', 1_199_998_800);
    await change('PS-LATE03', 'entry', '2026-02-28', '2026-03-02T12:00:00Z', 0);
    await change('PS-LATE04', 'exit', '2026-03-01', '2026-03-03T00:00:00Z', 1000); // received the next day
    expect(await loadLateChanges(db.sql, garageId, at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'))).toEqual([
      { day: '2026-02-28', entries: 1, exits: 0, revenueCents: 0 },
      { day: '2026-03-01', entries: 0, exits: 2, revenueCents: 3_384_996_615 },
    ]);
  });
});
