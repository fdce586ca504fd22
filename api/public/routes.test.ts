import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicOccupancy } from '../../shared/garages.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { createReadPool } from '../db/read-pool.js';
import { createOccupancyFeed } from './occupancy-feed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 4 });
});
afterAll(() => t.close());

const feed = (path = '', headers: Record<string, string> = {}) => t.call('GET', `/api/public/occupancy${path}`, { as: null, headers });
const publish = (body: Record<string, unknown>) => t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body });

describe('GET /api/public/occupancy', () => {
  it('lists nothing until a garage publishes, and says so for one garage', async () => {
    expect(await feed()).toMatchObject({ status: 200, json: [] });
    expect((await feed(`/${t.garageId}`)).status).toBe(404);
  });

  it('a published garage: counts only, in ParkAPI field names, without a session', async () => {
    expect((await publish({ publicFeed: true, name: 'Main Street', address: '1 Main St', lat: 52.52, lon: 13.405 })).status).toBe(200);
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'FEED1' } });
    t.clock.advance(1); // past the feed's one-second cache
    const res = await feed();
    expect(res.status).toBe(200);
    const [garage] = res.json.map((g: unknown) => PublicOccupancy.parse(g));
    expect(garage).toEqual({
      id: String(t.garageId),
      name: 'Main Street',
      lat: 52.52,
      lon: 13.405,
      address: '1 Main St',
      capacity: 4,
      realtime_free_capacity: 3,
      realtime_opening_status: 'OPEN',
      realtime_data_updated_at: t.clock.now.toISOString(),
    });
    expect(res.text).not.toContain('FEED1');
    expect(res.headers.get('cache-control')).toBe('public, max-age=15');
    expect((await feed(`/${t.garageId}`)).json).toEqual(garage);
  });

  it('answers 304 to a client that has the current version, and a new ETag once the count changes', async () => {
    t.clock.advance(1);
    const first = await feed();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await feed('', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'FEED2' } });
    t.clock.advance(1);
    const changed = await feed('', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const one = await feed(`/${t.garageId}`);
    expect((await feed(`/${t.garageId}`, { 'if-none-match': one.headers.get('etag')! })).status).toBe(304);
    expect((await feed(`/${t.garageId}`, { 'if-none-match': `"other", W/${one.headers.get('etag')!}` })).status).toBe(304);
  });

  it('keeps its ETag while nothing changed: a client revalidating after max-age gets 304, and the time is when the count last changed', async () => {
    t.clock.advance(1);
    const first = await feed();
    const changedAt = first.json[0].realtime_data_updated_at;
    t.clock.advance(1); // many snapshots later, the same counts
    const later = await feed('', { 'if-none-match': first.headers.get('etag')! });
    expect(later.status).toBe(304);
    expect(later.headers.get('etag')).toBe(first.headers.get('etag'));
    t.clock.advance(1);
    expect((await feed()).json[0].realtime_data_updated_at).toBe(changedAt);
    await t.call('POST', '/api/tickets', { body: { licensePlate: 'FEED3' } });
    t.clock.advance(1);
    const moved = await feed();
    expect(moved.json[0].realtime_data_updated_at).toBe(t.clock.now.toISOString());
    expect(moved.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('free capacity never goes below 0 (more cars than spaces after a resize)', async () => {
    expect((await publish({ totalSpaces: 1 })).status).toBe(200);
    t.clock.advance(1);
    expect((await feed()).json[0]).toMatchObject({ capacity: 1, realtime_free_capacity: 0 });
    await publish({ totalSpaces: 4 });
  });

  it('refuses ids that are not numbers, and unpublished garages are not told apart from missing ones', async () => {
    expect((await feed('/abc')).status).toBe(400);
    expect((await feed('/99999999999')).status).toBe(400);
    expect((await feed('/424242')).status).toBe(404);
  });

  it('a burst of clients reads PostgreSQL once a second at most', async () => {
    const cache = createOccupancyFeed(createReadPool(t.sql, undefined, t.deps.log), () => t.clock.now);
    const snapshots = await Promise.all(Array.from({ length: 200 }, () => cache.snapshot()));
    expect(cache.queries()).toBe(1);
    expect(new Set(snapshots.map((s) => s.all.etag)).size).toBe(1);
    await cache.snapshot();
    expect(cache.queries()).toBe(1);
    t.clock.advance(1 / 60); // one second later
    await Promise.all(Array.from({ length: 50 }, () => cache.snapshot()));
    expect(cache.queries()).toBe(2);
  });
});

describe('/api/garages', () => {
  it('lists the garages a user may use', async () => {
    const res = await t.call('GET', '/api/garages', { as: 'attendant' });
    expect(res).toMatchObject({ status: 200, json: [{ id: t.garageId, totalSpaces: 4 }] });
  });

  it('admins change a garage, audited; others may not; unknown garages are 404; bad fields are 400 with a sentence', async () => {
    expect((await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'manager', body: { name: 'X' } })).status).toBe(403);
    expect((await t.call('PATCH', '/api/garages/424242', { as: 'admin', body: { name: 'X' } })).status).toBe(404);
    expect(await publish({ lat: 10 })).toMatchObject({ status: 400, json: { message: expect.stringContaining('lat and lon together') } });
    expect(await publish({ lat: 91, lon: 0 })).toMatchObject({ status: 400, json: { message: expect.stringContaining('Latitude') } });
    expect(await publish({ name: '' })).toMatchObject({ status: 400 });
    expect((await publish({ name: 'Garage North' })).json).toMatchObject({ name: 'Garage North' });
    const [audit] = await t.sql<{ details: Record<string, unknown> }[]>`select details from audit_log where action = 'garage.update' order by id desc limit 1`;
    expect(audit!.details).toMatchObject({ before: { name: 'Main Street', totalSpaces: 4 }, after: { name: 'Garage North', totalSpaces: 4 } });
  });
});
