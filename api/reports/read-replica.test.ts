import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, READ_APPLICATION_NAME } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import type { Sql } from '../db/types.js';
import { loadPublishedOccupancy } from '../garages/queries.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { pauseReplay, resumeReplay, startStreamingPair, waitForReplay, type StreamingPair } from '../test/streaming-standby.js';
import { dailyReport } from './daily.js';

// A real primary and a hot standby streaming from it; the app writes to the primary and reads
// reports and the public feed from the standby (DATABASE_READ_URL).
let pair: StreamingPair | undefined;
let primary: Sql | undefined;
let standby: Sql | undefined; // the app's read pool
let onStandby: Sql | undefined; // the test's own look at the standby
let t: TestApp;

beforeAll(async () => {
  pair = await startStreamingPair(async (url) => {
    const sql = connect(url, { max: 1 });
    await migrate(sql).finally(() => sql.end());
  });
  primary = connect(pair.primaryUrl, { max: 6 });
  standby = connect(pair.standbyUrl, { max: 3, applicationName: READ_APPLICATION_NAME });
  onStandby = connect(pair.standbyUrl, { max: 1 });
  const database = { sql: primary, url: pair.primaryUrl, drop: async () => {} }; // the pair goes as a whole, below
  t = await startTestApp({ database, sqlRead: standby, totalSpaces: 10, start: '2026-11-23T09:00:00.000Z' });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([primary?.end({ timeout: 1 }), standby?.end({ timeout: 1 }), onStandby?.end({ timeout: 1 })]);
  await pair?.stop(); // both servers, whatever happened above
});

const enter = async (plate: string) => {
  const res = await t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.ticketNumber as string;
};
const report = (query: string) => t.call('GET', `/api/reports/daily${query}`, { as: 'manager' });
const freeOnFeed = async () => (await t.call('GET', '/api/public/occupancy', { as: null })).json[0].realtime_free_capacity as number;
const storedPeriods = (sql: Sql) => sql<{ startsAt: Date; endsAt: Date; revenue: string }[]>`
  select starts_at, ends_at, revenue::text as revenue from period_figures where garage_id = ${t.garageId} order by starts_at, ends_at
`;

describe('reports and the public feed on a streaming standby', () => {
  it('read the standby (as old as its replay), store closed days on the primary, and equal the primary once it has replayed', async () => {
    expect((await onStandby!`select pg_is_in_recovery() as r`)[0]).toEqual({ r: true });
    expect((await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { publicFeed: true } })).status).toBe(200);
    // yesterday (the 23rd, UTC): two cars in at 09:00, one out at 10:30 paying 2 hours
    const first = await enter('RPL1');
    await enter('RPL2');
    t.clock.advance(90);
    expect((await t.call('PUT', `/api/tickets/${first}/exit`, { body: { paymentMethod: 'Cash' } })).status).toBe(200);
    t.clock.now = new Date('2026-11-24T10:00:00.000Z');
    await t.signInAll(); // past the idle timeout
    await waitForReplay(primary!, onStandby!);

    // the standby stops replaying: what the primary writes from now on, it does not show
    await pauseReplay(onStandby!);
    await enter('RPL3');
    t.clock.advance(1); // past the feed's one-second cache
    const [onPrimary] = await loadPublishedOccupancy(primary!);
    expect(onPrimary!.occupied).toBe(2);
    expect(await freeOnFeed()).toBe(10 - 1); // the standby's count: the feed did not read the primary

    // yesterday is over: not stored anywhere yet; asked through the app, stored on the primary (a
    // write sent to the standby would fail the request) and answered by the standby, which has
    // not replayed those rows, from its tickets
    expect(await storedPeriods(primary!)).toEqual([]);
    const yesterday = await report('?date=2026-11-23');
    expect(yesterday.status).toBe(200);
    expect(yesterday.json).toMatchObject({ totalRevenue: 2000, vehiclesIn: 2, vehiclesOut: 1 });
    expect(yesterday.json).toEqual(JSON.parse(JSON.stringify(await dailyReport(primary!, t.garageId, '2026-11-23', '2026-11-23', t.clock.now))));
    const stored = await storedPeriods(primary!);
    expect(stored.map((p) => p.startsAt.toISOString())).toContain('2026-11-23T00:00:00.000Z');
    expect(await storedPeriods(onStandby!)).toEqual([]);

    // today as the standby has it: RPL3's entry is not in it yet
    const today = await report('?date=2026-11-24');
    expect(today.json).toMatchObject({ vehiclesIn: 0, stillParked: 1 });
    expect(await dailyReport(primary!, t.garageId, '2026-11-24', '2026-11-24', t.clock.now)).toMatchObject({ vehiclesIn: 1, stillParked: 2 });

    // replay catches up: the same report through the standby and on the primary, and the stored rows came from the primary
    await resumeReplay(onStandby!);
    await waitForReplay(primary!, onStandby!);
    const both = await report('?from=2026-11-23&to=2026-11-24');
    expect(both.status).toBe(200);
    expect(both.json).toEqual(JSON.parse(JSON.stringify(await dailyReport(primary!, t.garageId, '2026-11-23', '2026-11-24', t.clock.now))));
    expect(both.json).toMatchObject({ vehiclesIn: 3, vehiclesOut: 1, stillParked: 2 });
    expect(await storedPeriods(onStandby!)).toEqual(await storedPeriods(primary!));
    t.clock.advance(1);
    expect(await freeOnFeed()).toBe(10 - 2);
    // and the reads went to the standby over the read pool's own connections
    const [seen] = await onStandby!<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where application_name = ${READ_APPLICATION_NAME}`;
    expect(seen!.n).toBeGreaterThan(0);
  });
});
