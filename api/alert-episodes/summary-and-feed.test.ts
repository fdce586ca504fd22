import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEpisode } from '../../shared/alerts.js';
import { claimSummaryDay, markSummaryPosted, releaseSummaryDay } from '../summaries/queries.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { checkAlerts } from './evaluate.js';

/**
 * A daily summary unposted an hour after it became due, and a public-feed garage whose cars inside do
 * not change for 6 hours: each one episode however many replicas check, cleared once when it ends.
 * The summary's claims are made as runDailySummary makes them (bot/summary/run.ts) when Slack fails.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20, timezone: 'UTC', start: '2026-11-24T07:00:00.000Z' });
});
afterAll(() => t.close());

const raised: AlertEpisode[] = [];
const cleared: AlertEpisode[] = [];
const alerts = { paymentNeedsManager: () => {}, alertRaised: (e: AlertEpisode) => raised.push(e), alertCleared: (e: AlertEpisode) => cleared.push(e) };
/** Three replicas checking at the same moment. */
const checkOnThree = () => Promise.all([0, 1, 2].map(() => checkAlerts({ sql: t.sql, now: t.deps.now, alerts })));
const of = (kind: string, list: AlertEpisode[]) => list.filter((e) => e.kind === kind);
beforeEach(async () => {
  raised.length = 0;
  cleared.length = 0;
  await t.signInAll(); // the clock moved by hours in the test before
});

/** One try at posting `day` that Slack refused, as runDailySummary records it. */
async function failedPost(day: string, error: string) {
  const now = t.clock.now;
  const claim = await claimSummaryDay(t.sql, { garageId: t.garageId, day, claimToken: `try-${now.getTime()}`, now, leaseUntil: new Date(now.getTime() + 5 * 60_000) });
  expect(claim).not.toBeNull();
  expect(await releaseSummaryDay(t.sql, { garageId: t.garageId, day, claimToken: `try-${now.getTime()}`, retryAt: new Date(now.getTime() + 60_000), error, now })).toBe(true);
}

/** A successful post of `day`. */
async function posted(day: string) {
  const now = t.clock.now;
  await claimSummaryDay(t.sql, { garageId: t.garageId, day, claimToken: 'ok', now, leaseUntil: new Date(now.getTime() + 5 * 60_000) });
  expect(await markSummaryPosted(t.sql, { garageId: t.garageId, day, claimToken: 'ok', channel: 'C0MANAGERS', messageTs: '1.1', now })).toBe(true);
}

describe('summary_unposted', () => {
  it('opens once 60 minutes after the day became due (not at 59), with the day, since when, attempts and last error; clears once when posted', async () => {
    await failedPost('2026-11-23', 'An API error occurred: channel_not_found'); // 07:00, when it became due
    t.clock.advance(30);
    await failedPost('2026-11-23', 'An API error occurred: internal_error');
    t.clock.advance(29); // 59 minutes after
    await checkOnThree();
    expect(raised).toEqual([]);
    t.clock.advance(2); // 61 minutes after
    await checkOnThree();
    await checkOnThree();
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'summary_unposted',
        subject: '',
        garageId: t.garageId,
        details: { date: '2026-11-23', dueSince: '2026-11-24T07:00:00.000Z', days: 1, attempts: 2, lastError: 'An API error occurred: internal_error' },
      }),
    ]);
    t.clock.advance(5);
    await posted('2026-11-23');
    await checkOnThree();
    await checkOnThree();
    expect(of('summary_unposted', cleared)).toEqual([expect.objectContaining({ kind: 'summary_unposted', clearedAt: '2026-11-24T08:06:00.000Z' })]);
    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from alert_episodes where kind = 'summary_unposted'`;
    expect(count!.n).toBe(1);
  });

  it('a day the scheduler moved on from (the next day was posted) no longer counts: the episode ends', async () => {
    await failedPost('2026-11-24', 'An API error occurred: not_in_channel');
    t.clock.advance(24 * 60); // all day unposted; the next morning the 25th is due and goes out
    await checkOnThree();
    expect(of('summary_unposted', raised)).toHaveLength(1);
    await posted('2026-11-25');
    await checkOnThree();
    expect(of('summary_unposted', cleared)).toHaveLength(1);
  });

  it('muted for the garage: recorded (listed as muted), not announced', async () => {
    expect((await t.call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'summary_unposted', muted: true } })).json.muted).toEqual(['summary_unposted']);
    await failedPost('2026-11-26', 'An API error occurred: channel_not_found');
    t.clock.advance(61);
    await checkOnThree();
    expect(raised).toEqual([]);
    const view = await t.call('GET', `/api/garages/${t.garageId}/alerts`, { as: 'manager' });
    expect(view.json.open).toEqual([expect.objectContaining({ kind: 'summary_unposted', muted: true })]);
    await posted('2026-11-26');
    await checkOnThree();
    expect(cleared).toEqual([]);
    await t.call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'summary_unposted', muted: false } });
  });
});

describe('feed_stale', () => {
  it('a garage out of the public feed is never stale; published, it opens once after 6 h unchanged (not at 5 h 59) and clears once when a car moves', async () => {
    const car = await t.call('POST', '/api/tickets', { body: { licensePlate: 'FEED 1' } });
    expect(car.status).toBe(201);
    t.clock.advance(6 * 60 + 1);
    await t.signInAll();
    await checkOnThree();
    expect(of('feed_stale', raised)).toEqual([]); // not published
    expect((await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { publicFeed: true } })).status).toBe(200);
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'FEED 2' } });
    const lastChange = t.clock.now.toISOString();
    t.clock.advance(5 * 60 + 59);
    await checkOnThree();
    expect(of('feed_stale', raised)).toEqual([]);
    t.clock.advance(2);
    await checkOnThree();
    await checkOnThree();
    expect(of('feed_stale', raised)).toEqual([expect.objectContaining({ kind: 'feed_stale', details: { lastChange, hours: 6, occupied: 2, totalSpaces: 20 } })]);
    await t.signInAll();
    expect((await t.call('PUT', `/api/tickets/${car.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } })).status).toBe(200);
    await checkOnThree();
    await checkOnThree();
    expect(of('feed_stale', cleared)).toHaveLength(1);
    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from alert_episodes where kind = 'feed_stale'`;
    expect(count!.n).toBe(1);
  });
});
