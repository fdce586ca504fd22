import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ROLES, hasRole, type Role } from '../../shared/auth.js';
import { accessRules } from '../auth/access.js';
import { hashPassword } from '../auth/passwords.js';
import { refusedCashExit } from '../test/discards.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/app.js';
import { insertUser } from '../users/queries.js';

/**
 * Garages are walled off from each other: a user of garage A cannot see, count, change, report on,
 * look up a ticket of, pay, or approve anything of garage B — at every route of the access table,
 * through its /api/garages/:garageId path and through the seed paths — and the refusal is the same
 * 404 as for a garage that does not exist, so garages cannot be enumerated.
 */
let t: TestApp;
let garageB: number;
/** Garage B's own staff (B is their only garage, hence their default). */
const staffB = {} as Record<'attendant' | 'manager', string>;
let ticketB: string;
let discardB: number;

async function signIn(username: string) {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Calls the API with a bearer token (garage B's staff). */
async function callAs(token: string, method: string, path: string, body?: unknown) {
  const res = await t.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
}

beforeAll(async () => {
  t = await startTestApp();
  const created = await t.call('POST', '/api/garages', { as: 'admin', body: { name: 'North', totalSpaces: 5, hourlyRate: 500, timezone: 'Europe/Paris' } });
  expect(created.status).toBe(201);
  garageB = created.json.id;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const role of ['attendant', 'manager'] as const) {
    await insertUser(t.sql, { username: `${role}-north`, passwordHash, role, garageIds: [garageB] });
    staffB[role] = await signIn(`${role}-north`);
  }
  const entry = await callAs(staffB.attendant, 'POST', '/api/tickets', { licensePlate: 'NORTH 1' });
  expect(entry.status).toBe(201);
  ticketB = entry.json.ticketNumber;
  const discard = await callAs(staffB.attendant, 'POST', '/api/discards', refusedCashExit('k-north'));
  expect(discard.status).toBe(201);
  discardB = discard.json.id;
});
afterAll(() => t.close());

/** A concrete path for a rule's path, in `garageId`. */
const concrete = (path: string, garageId: number | string) =>
  path.replace(':garageId', String(garageId)).replace(':ticketNumber', ticketB).replace(':id', String(discardB));

const scopedRules = accessRules.filter((r) => r.path.startsWith('/api/garages/:garageId/'));

/** The lowest role that may do a rule's action (never admin here: admins may use every garage). */
const roleFor = (access: keyof typeof ACTION_ROLES): Role => ACTION_ROLES[access];

describe('a user of garage A, at garage B', () => {
  it('every garage resource has a scoped route to check', () => {
    expect(scopedRules.length).toBeGreaterThanOrEqual(12);
    expect(scopedRules.every((r) => r.access !== 'public')).toBe(true);
  });

  it.each(scopedRules.filter((r) => roleFor(r.access as keyof typeof ACTION_ROLES) !== 'admin'))(
    '$method $path answers 404, exactly as for a garage that does not exist',
    async ({ method, path, access }) => {
      const as = roleFor(access as keyof typeof ACTION_ROLES);
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? refusedCashExit('k-a') : undefined;
      const atB = await t.call(method, concrete(path, garageB), { as, body });
      const atNone = await t.call(method, concrete(path, 2_000_000_000), { as, body });
      expect(atB.status).toBe(404);
      expect(atB.json.code).toBe('not_found');
      expect(atB.json.message.replace(String(garageB), 'N')).toBe(atNone.json.message.replace('2000000000', 'N'));
    },
  );

  it('answers 404 for a garage id that is not a number, never a 500', async () => {
    for (const id of ['abc', '0', '-1', '99999999999', '1e3', '01']) {
      const res = await t.call('GET', `/api/garages/${id}/stats`);
      expect(res.status).toBe(404);
    }
  });

  it('lists only its own garages', async () => {
    const mine = await t.call('GET', '/api/garages', { as: 'manager' });
    expect(mine.json.map((g: { id: number }) => g.id)).toEqual([t.garageId]);
    const me = await t.call('GET', '/api/auth/me');
    expect(me.json).toMatchObject({ garageIds: [t.garageId], defaultGarageId: t.garageId });
    const theirs = await callAs(staffB.manager, 'GET', '/api/garages');
    expect(theirs.json.map((g: { id: number }) => g.id)).toEqual([garageB]);
  });

  it("cannot look up, search, or pay B's ticket through the seed paths: the same answers as a number never issued", async () => {
    const lookup = await t.call('GET', `/api/tickets/${ticketB}`);
    expect(lookup.status).toBe(404);
    expect(lookup.json.message).toBe(`No ticket ${ticketB}.`);
    const pay = await t.call('PUT', `/api/tickets/${ticketB}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(pay.status).toBe(404);
    expect(pay.json.message).toBe(`No ticket ${ticketB}.`);
    const search = await t.call('GET', '/api/tickets?plate=NORTH1');
    expect(search.json).toEqual([]);
    const [row] = await t.sql<{ status: string }[]>`select status from tickets where ticket_number = ${ticketB}`;
    expect(row!.status).toBe('active');
  });

  it("cannot see, approve or deny garage B's requests, nor void, refund or correct its tickets", async () => {
    const parked = await callAs(staffB.attendant, 'POST', '/api/tickets', { licensePlate: 'NORTH 9' });
    const pending = await callAs(staffB.attendant, 'POST', `/api/tickets/${parked.json.ticketNumber}/void`, { reason: 'duplicate' });
    expect(pending.status).toBe(202);
    const id = pending.json.exception.id;
    for (const [method, path, body] of [
      ['GET', `/api/exceptions/${id}`, undefined],
      ['POST', `/api/exceptions/${id}/approve`, undefined],
      ['POST', `/api/exceptions/${id}/deny`, {}],
      ['POST', `/api/tickets/${parked.json.ticketNumber}/void`, { reason: 'duplicate' }],
      ['PATCH', `/api/tickets/${parked.json.ticketNumber}`, { licensePlate: 'STOLEN 1' }],
      ['POST', `/api/tickets/${ticketB}/refunds`, { amountCents: 100, reason: 'goodwill' }],
    ] as const) {
      const res = await t.call(method, path, { as: 'manager', body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await t.call('GET', '/api/exceptions?status=pending', { as: 'manager' })).json.exceptions).toEqual([]);
    expect((await callAs(staffB.manager, 'GET', `/api/exceptions/${id}`)).json.status).toBe('pending');
    const [ticket] = await t.sql<{ status: string; licensePlate: string }[]>`select status, license_plate from tickets where ticket_number = ${parked.json.ticketNumber}`;
    expect(ticket).toEqual({ status: 'active', licensePlate: 'NORTH 9' });
  });

  it("counts, lists and reports nothing of garage B", async () => {
    const stats = await t.call('GET', '/api/garage/stats');
    expect(stats.json).toMatchObject({ occupiedSpaces: 0, totalSpaces: 140, vehiclesEnteredToday: 0 });
    const activities = await t.call('GET', '/api/activities');
    expect(activities.json).toEqual([]);
    const report = await t.call('GET', '/api/reports/daily?date=2026-11-23', { as: 'manager' });
    expect(report.json.vehiclesIn).toBe(0);
    const discards = await t.call('GET', '/api/discards?status=needs_manager', { as: 'manager' });
    expect(discards.json.discards).toEqual([]);
    const resolve = await t.call('POST', `/api/discards/${discardB}/resolve`, { as: 'manager', body: { note: 'Cash counted in the drawer' } });
    expect(resolve.status).toBe(404);
    const audit = await t.call('GET', '/api/audit?limit=500', { as: 'manager' });
    expect(audit.json.entries.filter((e: { subject: string }) => e.subject === ticketB || e.subject === String(discardB))).toEqual([]);
    const settings = await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { hourlyRate: 1 } });
    expect(settings.status).toBe(200);
    const [b] = await t.sql<{ hourlyRate: number }[]>`select hourly_rate from garages where id = ${garageB}`;
    expect(b!.hourlyRate).toBe(500);
  });
});

describe("garage B's own staff", () => {
  it('work in B through the seed paths (their default garage) and through /api/garages/:garageId', async () => {
    const seed = await callAs(staffB.attendant, 'GET', '/api/garage/stats');
    const scoped = await callAs(staffB.attendant, 'GET', `/api/garages/${garageB}/stats`);
    expect(seed.json).toMatchObject({ totalSpaces: 5, occupiedSpaces: 2, hourlyRate: 500, timezone: 'Europe/Paris' });
    expect(scoped.json).toEqual(seed.json);
    const atA = await callAs(staffB.attendant, 'GET', `/api/garages/${t.garageId}/stats`);
    expect(atA.status).toBe(404);
  });

  it('see their ticket, and pay it, in its own garage', async () => {
    const found = await callAs(staffB.attendant, 'GET', `/api/garages/${garageB}/tickets/${ticketB}`);
    expect(found.json).toMatchObject({ ticketNumber: ticketB, status: 'active', hourlyRate: 500 });
    const manager = await callAs(staffB.manager, 'GET', `/api/garages/${garageB}/discards?status=needs_manager`);
    expect(manager.json.discards.map((d: { id: number }) => d.id)).toEqual([discardB]);
  });
});

describe('an admin', () => {
  it('may use every garage, and finds a ticket of any garage through the seed paths', async () => {
    const garages = await t.call('GET', '/api/garages', { as: 'admin' });
    expect(garages.json.map((g: { id: number }) => g.id)).toEqual([t.garageId, garageB]);
    const found = await t.call('GET', `/api/tickets/${ticketB}`, { as: 'admin' });
    expect(found.json).toMatchObject({ ticketNumber: ticketB, hourlyRate: 500 });
    const stats = await t.call('GET', `/api/garages/${garageB}/stats`, { as: 'admin' });
    expect(stats.json.totalSpaces).toBe(5);
  });

  it("plates are per garage: the same plate may be parked in two garages", async () => {
    const inA = await t.call('POST', '/api/tickets', { body: { licensePlate: 'NORTH 1' } });
    expect(inA.status).toBe(201);
    const again = await callAs(staffB.attendant, 'POST', `/api/garages/${garageB}/tickets`, { licensePlate: 'NORTH 1' });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('vehicle_already_parked');
  });

  it('idempotency keys are per garage: the same key in two garages is two entries', async () => {
    const headers = { 'idempotency-key': 'same-key-two-garages' };
    const a = await t.call('POST', `/api/garages/${t.garageId}/tickets`, { as: 'admin', headers, body: { licensePlate: 'KEY 1' } });
    const b = await t.call('POST', `/api/garages/${garageB}/tickets`, { as: 'admin', headers, body: { licensePlate: 'KEY 1' } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(a.json.ticketNumber).not.toBe(b.json.ticketNumber);
  });

  it('creates garages with validated fields and an audit row, and users with garages that exist', async () => {
    const bad = await t.call('POST', '/api/garages', { as: 'admin', body: { name: '', totalSpaces: 0, hourlyRate: -1, timezone: 'Mars/Olympus' } });
    expect(bad.status).toBe(400);
    const byManager = await t.call('POST', '/api/garages', { as: 'manager', body: { name: 'South', totalSpaces: 5, hourlyRate: 500, timezone: 'UTC' } });
    expect(byManager.status).toBe(403);
    const audit = await t.call('GET', `/api/garages/${garageB}/audit?action=garage.create`, { as: 'admin' });
    expect(audit.json.entries).toHaveLength(1);
    const unknown = await t.call('POST', '/api/users', { as: 'admin', body: { username: 'nobody-x', password: TEST_PASSWORD, role: 'attendant', garageIds: [garageB, 424242] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toContain('424242');
    const badDefault = await t.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'nobody-y', password: TEST_PASSWORD, role: 'attendant', garageIds: [garageB], defaultGarageId: t.garageId },
    });
    expect(badDefault.status).toBe(400);
    const both = await t.call('POST', '/api/users', {
      as: 'admin',
      body: { username: 'roamer', password: TEST_PASSWORD, role: 'attendant', garageIds: [t.garageId, garageB], defaultGarageId: garageB },
    });
    expect(both.status).toBe(201);
    expect(both.json).toMatchObject({ garageIds: [t.garageId, garageB], defaultGarageId: garageB });
    // taking the default garage away falls back to the first garage left
    const narrowed = await t.call('PATCH', `/api/users/${both.json.id}`, { as: 'admin', body: { garageIds: [t.garageId] } });
    expect(narrowed.json).toMatchObject({ garageIds: [t.garageId], defaultGarageId: t.garageId });
    const roamer = await signIn('roamer');
    const atB = await callAs(roamer, 'GET', `/api/garages/${garageB}/stats`);
    expect(atB.status).toBe(404);
  });
});

it('role rules still hold on the scoped routes (an attendant cannot read reports of their own garage)', async () => {
  const res = await t.call('GET', `/api/garages/${t.garageId}/reports/daily`, { as: 'attendant' });
  expect(res.status).toBe(403);
  expect(hasRole('manager', 'attendant')).toBe(true);
});

it('the OpenAPI document describes each scoped route with its garageId parameter and its 404', async () => {
  const doc = (await t.call('GET', '/api/openapi.json', { as: null })).json;
  const exit = doc.paths['/api/garages/{garageId}/tickets/{ticketNumber}/exit'].put;
  expect(exit.operationId).toBe('exitTicketInGarage');
  expect(exit.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:garageId', 'path:ticketNumber']));
  expect(exit.responses['404']).toBeDefined();
  const stats = doc.paths['/api/garages/{garageId}/stats'].get;
  expect(stats.operationId).toBe('getGarageStatsInGarage');
  expect(stats.responses['404']).toBeDefined();
  expect(doc.paths['/api/garage/stats'].get.operationId).toBe('getGarageStats');
});
