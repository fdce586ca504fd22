import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ticket } from '../../shared/tickets.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 50 });
});
afterAll(() => t.close());

const enter = (body: unknown, headers?: Record<string, string>) => t.call('POST', '/api/tickets', { body, headers });

describe('POST /api/tickets', () => {
  it('issues a ticket: number, plate as typed, canonical type, server time, rate snapshot', async () => {
    const res = await enter({ licensePlate: 'abc-123', vehicleType: 'suv' });
    expect(res.status).toBe(201);
    const ticket = Ticket.parse(res.json);
    expect(ticket).toMatchObject({
      licensePlate: 'ABC-123',
      vehicleType: 'SUV',
      status: 'active',
      entryTime: t.clock.now.toISOString(),
      exitTime: null,
      amountPaid: null,
      paymentMethod: null,
      hourlyRate: 1000,
      amountDue: 1000,
    });
    expect(ticket.ticketNumber).toMatch(/^PS-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('defaults the vehicle type to Car', async () => {
    const res = await enter({ licensePlate: 'DEF 456' });
    expect(res.json.vehicleType).toBe('Car');
  });

  it('refuses a second active ticket for the same plate, however it is typed, naming the first', async () => {
    const first = await enter({ licensePlate: 'GHI789' });
    const again = await enter({ licensePlate: 'ghi 789' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'vehicle_already_parked', details: [{ ticketNumber: first.json.ticketNumber }] });
    expect(again.json.message).toContain(first.json.ticketNumber);
  });

  it.each([
    ['no plate', {}, 'licensePlate'],
    ['a plate too short', { licensePlate: 'A' }, 'licensePlate'],
    ['a plate with symbols', { licensePlate: 'AB_12' }, 'licensePlate'],
    ['a plate that is a number', { licensePlate: 12345 }, 'licensePlate'],
    ['an unknown vehicle type', { licensePlate: 'XY12', vehicleType: 'Tank' }, 'vehicleType'],
    ['an unknown field', { licensePlate: 'XY12', colour: 'red' }, '(body)'],
    ['an entry time that is not a time', { licensePlate: 'XY12', entryTime: 'yesterday' }, 'entryTime'],
  ])('400 for %s', async (_name, body, path) => {
    const res = await enter(body);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('400 for malformed JSON', async () => {
    const res = await enter('{"licensePlate": ');
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed', message: 'The body is not valid JSON' } });
  });

  it('400 for a body that is not JSON', async () => {
    const res = await t.call('POST', '/api/tickets', { body: 'licensePlate=AB12', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('application/json');
  });

  it('413 for a body over 64 KB, before anything reads it', async () => {
    const res = await enter({ licensePlate: 'AB12', pad: 'x'.repeat(70 * 1024) });
    expect(res).toMatchObject({ status: 413, json: { code: 'payload_too_large' } });
  });

  it('accepts an offline entry time within the last 24 hours', async () => {
    const earlier = new Date(t.clock.now.getTime() - 3 * 3600_000).toISOString();
    const res = await enter({ licensePlate: 'OFF1', entryTime: earlier });
    expect(res.status).toBe(201);
    expect(res.json.entryTime).toBe(earlier);
    expect(res.json.amountDue).toBe(3000);
  });

  it.each([
    ['sent with the time it was made, within a minute: online', 'PWA1', -60_000, false, 1],
    ['sent a minute and a second after its time: offline', 'PWA2', -61_000, true, 1],
    ['sent three hours after its time: offline', 'PWA3', -3 * 3600_000, true, 180],
    ['sent with a clock a little ahead of the server', 'PWA4', 30_000, false, 0],
  ])('the audit records a client-sent entry time as evidence (%s)', async (_name, plate, offsetMs, offline, minutes) => {
    const claimed = new Date(t.clock.now.getTime() + offsetMs).toISOString();
    const res = await enter({ licensePlate: plate, entryTime: claimed });
    expect(res.status).toBe(201);
    const [audit] = await t.sql<{ details: Record<string, unknown> }[]>`
      select details from audit_log where action = 'ticket.enter' and subject = ${res.json.ticketNumber}`;
    expect(audit!.details).toMatchObject({ clientDated: true, claimedTime: claimed, receivedAt: t.clock.now.toISOString(), minutesBetween: minutes, offline });
  });

  it('an entry without a time is dated by the server, and not offline', async () => {
    const res = await enter({ licensePlate: 'SRV1' });
    const [audit] = await t.sql<{ details: Record<string, unknown> }[]>`
      select details from audit_log where action = 'ticket.enter' and subject = ${res.json.ticketNumber}`;
    expect(audit!.details).toMatchObject({ clientDated: false, offline: false, entryTime: t.clock.now.toISOString() });
  });

  it.each([
    ['more than 24 hours ago', -24 * 60 - 1],
    ['more than 2 minutes ahead', 3],
  ])('400 for an entry time %s', async (_name, minutes) => {
    const at = new Date(t.clock.now.getTime() + minutes * 60_000).toISOString();
    const res = await enter({ licensePlate: 'OFF2', entryTime: at });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });
});

describe('Idempotency-Key on entry', () => {
  it('replays the first answer for the same key and body, writing nothing', async () => {
    const key = 'entry-key-1';
    const first = await enter({ licensePlate: 'IDEM1' }, { 'idempotency-key': key });
    const again = await enter({ licensePlate: 'IDEM1' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.json).toEqual(first.json);
    const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from tickets where plate_normalized = 'IDEM1'`;
    expect(row?.n).toBe(1);
  });

  it('422 for the same key with another body', async () => {
    await enter({ licensePlate: 'IDEM2' }, { 'idempotency-key': 'entry-key-2' });
    const other = await enter({ licensePlate: 'IDEM3' }, { 'idempotency-key': 'entry-key-2' });
    expect(other).toMatchObject({ status: 422, json: { code: 'idempotency_conflict' } });
  });

  it('a refused request does not use up its key: a retry runs again', async () => {
    const parked = await enter({ licensePlate: 'IDEM4' });
    const refused = await enter({ licensePlate: 'IDEM4' }, { 'idempotency-key': 'entry-key-4' });
    expect(refused.status).toBe(409);
    await t.call('PUT', `/api/tickets/${parked.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    const retried = await enter({ licensePlate: 'IDEM4' }, { 'idempotency-key': 'entry-key-4' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a key older than 24 hours is forgotten', async () => {
    const first = await enter({ licensePlate: 'IDEM5' }, { 'idempotency-key': 'entry-key-5' });
    await t.call('PUT', `/api/tickets/${first.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    t.clock.advance(24 * 60 + 1);
    await t.signInAll();
    const later = await enter({ licensePlate: 'IDEM5' }, { 'idempotency-key': 'entry-key-5' });
    expect(later.status).toBe(201);
    expect(later.json.ticketNumber).not.toBe(first.json.ticketNumber);
  });

  it('400 for a key longer than 255 characters', async () => {
    const res = await enter({ licensePlate: 'IDEM6' }, { 'idempotency-key': 'k'.repeat(256) });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });
});

describe('GET /api/tickets/:ticketNumber', () => {
  it('finds a ticket however the number is typed (case, O for 0, I or L for 1)', async () => {
    const { json: ticket } = await enter({ licensePlate: 'LOOK1' });
    const sloppy = ticket.ticketNumber.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const res = await t.call('GET', `/api/tickets/${sloppy}`);
    expect(res.status).toBe(200);
    expect(res.json.ticketNumber).toBe(ticket.ticketNumber);
  });

  it('shows what an active ticket would pay now', async () => {
    const { json: ticket } = await enter({ licensePlate: 'LOOK2' });
    t.clock.advance(61);
    const res = await t.call('GET', `/api/tickets/${ticket.ticketNumber}`);
    expect(res.json.amountDue).toBe(2000);
  });

  it('404 for an unknown number, 400 for something that is not a ticket number', async () => {
    expect((await t.call('GET', '/api/tickets/PS-ZZZZZZ')).json.code).toBe('not_found');
    const bad = await t.call('GET', '/api/tickets/hello');
    expect(bad).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });
});

describe('GET /api/tickets?plate=&status=', () => {
  it('finds a lost ticket by plate, newest first, with status filter', async () => {
    const first = await enter({ licensePlate: 'LOST 1' });
    await t.call('PUT', `/api/tickets/${first.json.ticketNumber}/exit`, { body: { paymentMethod: 'Mobile' } });
    t.clock.advance(5);
    const second = await enter({ licensePlate: 'lost-1' });
    const all = await t.call('GET', '/api/tickets?plate=LOST1');
    expect(all.json.map((x: { ticketNumber: string }) => x.ticketNumber)).toEqual([second.json.ticketNumber, first.json.ticketNumber]);
    const active = await t.call('GET', '/api/tickets?plate=lost%201&status=active');
    expect(active.json).toHaveLength(1);
    expect(active.json[0].ticketNumber).toBe(second.json.ticketNumber);
    const oldest = await t.call('GET', '/api/tickets?plate=LOST1&order=oldest');
    expect(oldest.json.map((x: { ticketNumber: string }) => x.ticketNumber)).toEqual([first.json.ticketNumber, second.json.ticketNumber]);
  });

  it('400 for a bad status or limit', async () => {
    expect((await t.call('GET', '/api/tickets?status=parked')).status).toBe(400);
    expect((await t.call('GET', '/api/tickets?limit=0')).status).toBe(400);
    expect((await t.call('GET', '/api/tickets?order=longest')).status).toBe(400);
  });
});
