import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpaceBooks } from '../test/spaces.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * Property tests: random JSON, headers, paths and query strings thrown at the real app on the real
 * database. Whatever comes in, the answer is never a 5xx, and afterwards the garage still adds up.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 15 });
  // the garage has existed since before the fuzzed days (the row is made now, by the real clock), so its reports are answerable
  await t.sql`update garages set created_at = '2026-11-01T00:00:00Z' where id = ${t.garageId}`;
});
afterAll(() => t.close());

const RUNS = 150;
const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor')), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\u0000', 'x\u0000'))));
const plate = fc.oneof(fc.stringMatching(/^[A-Z0-9]{2,8}$/), fc.string({ maxLength: 14 }), fc.constantFrom('AB-12', 'ab 12', 'Ω', '', 'AB\u000012'));
const entryBody = fc.oneof(
  json,
  fc.record(
    {
      licensePlate: fc.oneof(plate, json),
      vehicleType: fc.oneof(fc.constantFrom('car', 'SUV', 'van', 'Tank', ''), json),
      entryTime: fc.oneof(fc.date({ min: new Date('2026-11-20'), max: new Date('2026-11-25'), noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), json),
    },
    { requiredKeys: [] },
  ),
);
const header = fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
/** Strings that have broken servers: NUL (PostgreSQL text cannot hold it), Object.prototype's names, ids past int4. */
const nasty = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'),
  fc.constantFrom('2147483648', '2147483647', '9223372036854775808', '99999999999999999999', '-1', '0', '1e400', 'NaN'),
  fc.string({ maxLength: 8 }).map((s) => `${s}\u0000${s}`),
);
const segment = fc.oneof(fc.constantFrom('PS-000000', 'ps-o1l1i0', '..', '%2e%2e', '%00', ' ', 'exit', 'api'), fc.string({ maxLength: 12 }), nasty);
const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  t.call(method, path, { body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), headers });

async function activeTicketNumbers(): Promise<string[]> {
  const rows = await t.sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active'`;
  return rows.map((r) => r.ticketNumber);
}

describe('fuzz: no input gets a 5xx', () => {
  it('entries with random bodies, idempotency keys and content types', async () => {
    await fc.assert(
      fc.asyncProperty(entryBody, fc.option(header), fc.option(header), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'), async (body, key, cookie, type) => {
        const headers: Record<string, string> = { 'content-type': type };
        if (key !== null) headers['idempotency-key'] = key;
        if (cookie !== null) headers.cookie = cookie;
        const res = await send('POST', '/api/tickets', body, headers);
        expect(res.status, JSON.stringify({ body, key, res: res.json })).toBeLessThan(500);
        expect(res.json).toHaveProperty(res.status < 300 ? 'ticketNumber' : 'code');
      }),
      { numRuns: RUNS },
    );
  });

  it('exits of real and random tickets with random bodies', async () => {
    const real = await activeTicketNumbers();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...real, 'PS-ZZZZZZ'), segment), fc.oneof(json, fc.record({ paymentMethod: fc.oneof(fc.constantFrom('cash', 'Mobile', 'CREDIT CARD', 'cheque'), json) })), async (n, body) => {
        const res = await send('PUT', `/api/tickets/${encodeURIComponent(n)}/exit`, body, { 'content-type': 'application/json' });
        expect(res.status, JSON.stringify({ n, body, res: res.json })).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('random query strings on every reading route', async () => {
    const paths = ['/api/tickets', '/api/activities', '/api/reports/daily', '/api/audit', '/api/garage/stats'];
    const query = fc.dictionary(fc.oneof(fc.constantFrom('plate', 'status', 'limit', 'date', 'from', 'to', 'format', 'before', 'since', 'until', 'actor', 'action', 'subject'), fc.string({ maxLength: 5 })), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('2026-11-23', '2026-02-30', 'csv', '-1', '1e3'), nasty));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), query, async (path, q) => {
        const res = await t.call('GET', `${path}?${new URLSearchParams(q)}`, { as: 'manager' });
        expect(res.status, JSON.stringify({ path, q, res: res.json })).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('random paths and methods under /api and beside it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), fc.array(segment, { maxLength: 4 }), fc.boolean(), json, async (method, segments, underApi, body) => {
        const path = `${underApi ? '/api/' : '/'}${segments.map(encodeURIComponent).join('/')}`;
        const res = await send(method, path, ['GET', 'HEAD'].includes(method) ? undefined : body, { 'content-type': 'application/json' });
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('sign-ins with NUL, prototype names and random strings as the username and password', async () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), nasty, json);
    await fc.assert(
      fc.asyncProperty(fc.record({ username: text, password: text }, { requiredKeys: [] }), async (body) => {
        const res = await t.call('POST', '/api/auth/login', { body: JSON.stringify(body), as: null });
        expect(res.status, JSON.stringify({ body, res: res.json })).toBeLessThan(500);
        expect(res.status).not.toBe(200);
      }),
      { numRuns: RUNS },
    );
  });

  it('account changes and docs assets with over-long ids and prototype names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.bigInt({ min: 2n ** 31n - 2n, max: 2n ** 70n }).map(String), fc.string({ maxLength: 12 })), json, async (id, body) => {
        const patch = await t.call('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: JSON.stringify(body), as: 'admin' });
        expect(patch.status, JSON.stringify({ id, body, res: patch.json })).toBeLessThan(500);
        const asset = await t.call('GET', `/api/docs/assets/swagger-ui-dist/${encodeURIComponent(id)}`, { as: null });
        expect(asset.status, `asset ${JSON.stringify(id)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });

  it('random settings bodies (spaces left alone so the invariant below is about entries)', async () => {
    const settings = fc.oneof(
      json,
      fc.record(
        {
          hourlyRate: fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), json),
          timezone: fc.oneof(fc.constantFrom('UTC', 'America/New_York', 'Mars/Base', ''), json),
          graceMinutes: fc.oneof(fc.integer({ min: -5, max: 200 }), json),
          dailyMaxCents: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 10_000_000 }), json),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(settings, async (body) => {
        const res = await t.call('PUT', '/api/garage/settings', { body: JSON.stringify(body), as: 'manager' });
        expect(res.status, JSON.stringify({ body, res: res.json })).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: the garage still adds up afterwards', () => {
  it('occupied = active tickets <= spaces; revenue = the sum of amounts paid, by day and overall', async () => {
    await t.call('PUT', '/api/garage/settings', { body: { timezone: 'UTC' }, as: 'manager' });
    const stats = (await t.call('GET', '/api/garage/stats')).json;
    const [db] = await t.sql<{ active: number; paidToday: number; paidAll: string }[]>`
      select
        (select count(*)::int from tickets where status = 'active') as active,
        (select coalesce(sum(amount_paid), 0)::int from tickets where exit_time >= '2026-11-23' and exit_time < '2026-11-24') as paid_today,
        (select coalesce(sum(amount_paid), 0)::text from tickets) as paid_all`;
    expect(stats.occupiedSpaces).toBe(db!.active);
    const books = await readSpaceBooks(t.sql, t.garageId);
    expect(books).toMatchObject({ active: db!.active, taken: db!.active, mismatched: 0, doubled: 0 });
    expect(stats.occupiedSpaces).toBeLessThanOrEqual(stats.totalSpaces);
    expect(stats.todayRevenue).toBe(db!.paidToday);
    // every entry is from the last 24 hours (of the test clock, 2026-11-23), and a report may go up to tomorrow
    const report = (await t.call('GET', '/api/reports/daily?from=2026-11-20&to=2026-11-24', { as: 'manager' })).json;
    expect(report.totalRevenue).toBe(Number(db!.paidAll));
    expect(report.days.reduce((s: number, d: { totalRevenue: number }) => s + d.totalRevenue, 0)).toBe(report.totalRevenue);
    const [bad] = await t.sql<{ n: number }[]>`
      select count(*)::int as n from tickets where status = 'completed' and amount_paid <> (fee_breakdown->>'totalCents')::int`;
    expect(bad!.n).toBe(0);
  });
});
