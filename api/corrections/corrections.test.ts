import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GarageException } from '../../shared/corrections.js';
import { createApp } from '../app.js';
import { readSpaceBooks } from '../test/spaces.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { expireExceptions } from './use-cases.js';

/**
 * Voids, corrections, refunds and lost tickets, at the HTTP door: what an attendant may do alone by
 * the garage's policy, what waits for a manager, and that every request is decided once.
 */
let t: TestApp;
const requested: GarageException[] = [];
const decided: GarageException[] = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 10, hourlyRate: 1000 });
  // the same app with an alerts port that records what Slack would be told
  app = createApp({ ...t.deps, alerts: { paymentNeedsManager: () => {}, exceptionRequested: (e) => requested.push(e), exceptionDecided: (e) => decided.push(e) } });
});
afterAll(() => t.close());
beforeEach(() => {
  requested.length = 0;
  decided.length = 0;
});

/** Calls the alerting app as `role`. */
async function call(method: string, path: string, init: { as?: 'attendant' | 'manager' | 'admin'; body?: unknown; headers?: Record<string, string> } = {}) {
  const role = init.as ?? 'attendant';
  const headers: Record<string, string> = { authorization: `Bearer ${t.users[role].token}`, ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

let plates = 0;
async function parkCar(minutes = 90): Promise<string> {
  const res = await call('POST', '/api/tickets', { body: { licensePlate: `COR ${++plates}` } });
  expect(res.status).toBe(201);
  t.clock.advance(minutes);
  return res.json.ticketNumber;
}
async function paidTicket(minutes = 90): Promise<{ ticketNumber: string; paid: number }> {
  const ticketNumber = await parkCar(minutes);
  const res = await call('PUT', `/api/tickets/${ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
  expect(res.status).toBe(200);
  return { ticketNumber, paid: res.json.amountPaid };
}
async function setPolicy(autoApproveUnderCents: { void: number; refund: number; lostTicketWaiver: number }, timeoutMinutes = 30) {
  const res = await call('PUT', '/api/garage/settings', { as: 'manager', body: { approval: { autoApproveUnderCents, timeoutMinutes } } });
  expect(res.status).toBe(200);
}
const auditCount = async (action: string, subject: string) =>
  (await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = ${action} and subject = ${subject}`)[0]!.n;

describe('void', () => {
  it("a manager's void is carried out at once: out of occupancy, never charged, in the books with who and why", async () => {
    const n = await parkCar();
    const before = await readSpaceBooks(t.sql, t.garageId);
    const res = await call('POST', `/api/tickets/${n}/void`, { as: 'manager', body: { reason: 'duplicate' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'done', approvedBy: `user:${t.users.manager.id}`, ticket: { status: 'voided', amountPaid: null, voided: { reason: 'duplicate', by: `user:${t.users.manager.id}` } } });
    const after = await readSpaceBooks(t.sql, t.garageId);
    expect(after.active).toBe(before.active - 1);
    expect(after.taken).toBe(after.active);
    const pay = await call('PUT', `/api/tickets/${n}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(pay.status).toBe(409);
    expect(pay.json.code).toBe('ticket_not_active');
    const again = await call('POST', `/api/tickets/${n}/void`, { as: 'manager', body: { reason: 'duplicate' } });
    expect(again.json.code).toBe('ticket_not_active');
    expect(await auditCount('ticket.void', n)).toBe(1);
    expect(requested).toEqual([]);
  });

  it("an attendant's void waits for a manager (default policy), changes nothing until approved, then is carried out once", async () => {
    const n = await parkCar();
    const res = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'wrong_plate' } });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ outcome: 'pending', exception: { type: 'void', ticketNumber: n, amountCents: 2000, status: 'pending', requestedByName: 'attendant1' } });
    expect(requested.map((e) => e.id)).toEqual([res.json.exception.id]);
    const still = await call('GET', `/api/tickets/${n}`);
    expect(still.json.status).toBe('active');
    // asking again while it waits is the same request
    const twice = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'wrong_plate' } });
    expect(twice.json.exception.id).toBe(res.json.exception.id);
    expect(requested).toHaveLength(1);
    // an attendant cannot approve, nor list
    expect((await call('POST', `/api/exceptions/${res.json.exception.id}/approve`)).status).toBe(403);
    expect((await call('GET', '/api/exceptions?status=pending')).status).toBe(403);
    // but sees what became of it
    expect((await call('GET', `/api/exceptions/${res.json.exception.id}`)).json.status).toBe('pending');

    const listed = await call('GET', '/api/exceptions?status=pending', { as: 'manager' });
    expect(listed.json.exceptions.map((e: GarageException) => e.id)).toContain(res.json.exception.id);
    const approved = await call('POST', `/api/exceptions/${res.json.exception.id}/approve`, { as: 'manager' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', decidedBy: `user:${t.users.manager.id}`, decidedByName: 'manager1' });
    expect((await call('GET', `/api/tickets/${n}`)).json).toMatchObject({ status: 'voided', voided: { by: `user:${t.users.attendant.id}`, reason: 'wrong_plate' } });
    expect(decided.map((e) => e.status)).toEqual(['approved']);
    const late = await call('POST', `/api/exceptions/${res.json.exception.id}/deny`, { as: 'admin', body: {} });
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('already_decided');
    expect(late.json.message).toContain('approved by manager1');
  });

  it('exactly one decision when many managers click at once: one audit row, one effect', async () => {
    const n = await parkCar();
    const { json } = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'test' } });
    const id = json.exception.id;
    const clicks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call('POST', `/api/exceptions/${id}/${i % 3 === 0 ? 'deny' : 'approve'}`, { as: i % 2 ? 'manager' : 'admin', body: i % 3 === 0 ? {} : undefined })),
    );
    expect(clicks.filter((c) => c.status === 200)).toHaveLength(1);
    expect(clicks.filter((c) => c.status === 409).every((c) => c.json.code === 'already_decided')).toBe(true);
    const decisions = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action in ('exception.approve', 'exception.deny') and subject = ${String(id)}`;
    expect(decisions[0]!.n).toBe(1);
    const winner = clicks.find((c) => c.status === 200)!.json;
    expect(await auditCount('ticket.void', n)).toBe(winner.status === 'approved' ? 1 : 0);
  });

  it('an attendant voids alone under the garage limit; "other" needs a note', async () => {
    await setPolicy({ void: 2500, refund: 0, lostTicketWaiver: 0 });
    const n = await parkCar(60); // $10 due
    const res = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'drove_away' } });
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('done');
    const m = await parkCar(180); // $30 due: over the limit
    expect((await call('POST', `/api/tickets/${m}/void`, { body: { reason: 'drove_away' } })).status).toBe(202);
    const noNote = await call('POST', `/api/tickets/${m}/void`, { as: 'manager', body: { reason: 'other' } });
    expect(noNote.status).toBe(400);
    expect(noNote.json.message).toContain('note');
    await setPolicy({ void: 0, refund: 0, lostTicketWaiver: 0 });
  });

  it('an unanswered request expires: its approval is refused and it says so', async () => {
    const n = await parkCar();
    const { json } = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'duplicate' } });
    t.clock.advance(31);
    expect((await call('GET', `/api/exceptions/${json.exception.id}`)).json.status).toBe('expired');
    // listed as expired, not pending, before housekeeping has marked it
    const ids = (page: { exceptions: GarageException[] }) => page.exceptions.map((e) => e.id);
    expect(ids((await call('GET', '/api/exceptions?status=pending', { as: 'manager' })).json)).not.toContain(json.exception.id);
    expect(ids((await call('GET', '/api/exceptions?status=expired', { as: 'manager' })).json)).toContain(json.exception.id);
    const res = await call('POST', `/api/exceptions/${json.exception.id}/approve`, { as: 'manager' });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('request_expired');
    expect((await call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
    expect(decided.map((e) => e.status)).toEqual(['expired']);
    // housekeeping marks others that nobody clicked
    const m = await parkCar();
    await call('POST', `/api/tickets/${m}/void`, { body: { reason: 'duplicate' } });
    t.clock.advance(31);
    expect(await expireExceptions({ ...t.deps, alerts: { paymentNeedsManager: () => {}, exceptionDecided: (e) => decided.push(e) } })).toBeGreaterThanOrEqual(1);
    expect(decided.at(-1)!.status).toBe('expired');
  });

  it('a denial changes nothing and keeps the note', async () => {
    const n = await parkCar();
    const { json } = await call('POST', `/api/tickets/${n}/void`, { body: { reason: 'duplicate' } });
    const res = await call('POST', `/api/exceptions/${json.exception.id}/deny`, { as: 'manager', body: { note: 'Car is still here' } });
    expect(res.json).toMatchObject({ status: 'denied', decisionNote: 'Car is still here' });
    expect((await call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
  });
});

describe('refunds', () => {
  it('never more than paid in total: full, then nothing left; partial ones add up', async () => {
    const { ticketNumber, paid } = await paidTicket(150); // $30
    const part = await call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body: { amountCents: 1000, reason: 'wrong_rate' } });
    expect(part.status).toBe(200);
    expect(part.json).toMatchObject({ outcome: 'done', refund: { amountCents: 1000, method: 'Cash', reason: 'wrong_rate' }, ticket: { refundedCents: 1000 } });
    const tooMuch = await call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body: { amountCents: paid, reason: 'overcharged' } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json.code).toBe('refund_exceeds_paid');
    expect(tooMuch.json.message).toContain('at most $20.00');
    const rest = await call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body: { amountCents: paid - 1000, reason: 'overcharged', method: 'Credit Card' } });
    expect(rest.json.ticket.refundedCents).toBe(paid);
    expect(rest.json.refund.method).toBe('Credit Card');
  });

  it('racing refunds never exceed what was paid', async () => {
    const { ticketNumber, paid } = await paidTicket(300); // $50
    const each = Math.floor(paid * 0.3);
    const results = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body: { amountCents: each, reason: 'goodwill' } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 200).every((r) => r.json.code === 'refund_exceeds_paid')).toBe(true);
    const [row] = await t.sql<{ refunded: string; sum: string }[]>`
      select t.refunded_cents::text as refunded, (select sum(amount_cents) from refunds r where r.ticket_id = t.id)::text as sum
      from tickets t where ticket_number = ${ticketNumber}`;
    expect(row).toEqual({ refunded: String(3 * each), sum: String(3 * each) });
  });

  it('a retried refund with its key is the same refund, never a second', async () => {
    const { ticketNumber } = await paidTicket();
    const headers = { 'idempotency-key': `refund-${ticketNumber}` };
    const body = { amountCents: 500, reason: 'service_issue' };
    const [a, b] = await Promise.all([
      call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body, headers }),
      call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body, headers }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.refund.id).toBe(b.json.refund.id);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')]).toContain('true');
    const [n] = await t.sql<{ n: number }[]>`select count(*)::int as n from refunds r join tickets t on t.id = r.ticket_id where t.ticket_number = ${ticketNumber}`;
    expect(n!.n).toBe(1);
  });

  it("an attendant's refund waits; approved, it is made then (the day the money goes back); only paid tickets", async () => {
    const { ticketNumber } = await paidTicket();
    const res = await call('POST', `/api/tickets/${ticketNumber}/refunds`, { body: { amountCents: 700, reason: 'overcharged' } });
    expect(res.status).toBe(202);
    t.clock.advance(10);
    const approvedAt = t.clock.now.toISOString();
    await call('POST', `/api/exceptions/${res.json.exception.id}/approve`, { as: 'manager' });
    const [refund] = await t.sql<{ refundedAt: Date; refundedBy: string; approvedBy: string }[]>`
      select refunded_at, refunded_by, approved_by from refunds where exception_id = ${res.json.exception.id}`;
    expect(refund).toEqual({ refundedAt: new Date(approvedAt), refundedBy: `user:${t.users.attendant.id}`, approvedBy: `user:${t.users.manager.id}` });
    const active = await parkCar();
    const refused = await call('POST', `/api/tickets/${active}/refunds`, { as: 'manager', body: { amountCents: 100, reason: 'goodwill' } });
    expect(refused.json.code).toBe('ticket_not_completed');
    expect((await call('POST', `/api/tickets/${ticketNumber}/refunds`, { as: 'manager', body: { amountCents: 0, reason: 'goodwill' } })).status).toBe(400);
  });
});

describe('corrections', () => {
  it('a plate typed wrong is corrected, with before and after; the plate rule still holds', async () => {
    const n = await parkCar(5);
    const other = await parkCar(5);
    const res = await call('PATCH', `/api/tickets/${n}`, { body: { licensePlate: 'fix 1', vehicleType: 'Van' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ licensePlate: 'FIX 1', vehicleType: 'Van', status: 'active' });
    const [audit] = await t.sql<{ details: unknown }[]>`select details from audit_log where action = 'ticket.correct' and subject = ${n}`;
    expect(audit!.details).toMatchObject({ before: { vehicleType: 'Car' }, after: { licensePlate: 'FIX 1', vehicleType: 'Van' } });
    const clash = await call('PATCH', `/api/tickets/${other}`, { body: { licensePlate: 'FIX1' } });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ code: 'vehicle_already_parked', details: [{ ticketNumber: n }] });
    expect((await call('PATCH', `/api/tickets/${n}`, { body: {} })).status).toBe(400);
    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from corrections c join tickets t on t.id = c.ticket_id where t.ticket_number = ${n}`;
    expect(count!.n).toBe(1);
  });
});

describe('lost tickets', () => {
  it("are priced by the garage's policy, and the breakdown says so", async () => {
    const n = await parkCar(90); // stay: 2 h = $20
    const res = await call('PUT', `/api/tickets/${n}/exit`, { body: { paymentMethod: 'Cash', lostTicket: true } });
    expect(res.json).toMatchObject({ amountPaid: 4500, lostTicket: true, feeBreakdown: { lostTicket: { policy: 'actual_plus_fee', stayCents: 2000, feeCents: 2500, waived: false } } });
    await call('PUT', '/api/garage/settings', { as: 'manager', body: { lostTicketPolicy: 'flat', lostTicketFeeCents: 6000 } });
    const m = await parkCar(30);
    const flat = await call('PUT', `/api/tickets/${m}/exit`, { body: { paymentMethod: 'Cash', lostTicket: true } });
    expect(flat.json.amountPaid).toBe(6000);
    await call('PUT', '/api/garage/settings', { as: 'manager', body: { lostTicketPolicy: 'actual_plus_fee', lostTicketFeeCents: 2500 } });
  });

  it("a waiver of the lost-ticket fee waits for a manager; approved, the car is checked out at the time asked, paying the stay only", async () => {
    const n = await parkCar(90);
    const askedAt = t.clock.now.toISOString();
    const res = await call('POST', `/api/tickets/${n}/lost-ticket-waiver`, { body: { paymentMethod: 'Cash' } });
    expect(res.status).toBe(202);
    expect(res.json.exception).toMatchObject({ type: 'lost_ticket_waiver', amountCents: 2500 });
    t.clock.advance(12);
    await call('POST', `/api/exceptions/${res.json.exception.id}/approve`, { as: 'manager' });
    const ticket = (await call('GET', `/api/tickets/${n}`)).json;
    expect(ticket).toMatchObject({ status: 'completed', exitTime: askedAt, amountPaid: 2000, lostTicket: true, feeBreakdown: { lostTicket: { waived: true, feeCents: 2500 } } });
    const byManager = await parkCar(30);
    const alone = await call('POST', `/api/tickets/${byManager}/lost-ticket-waiver`, { as: 'manager', body: { paymentMethod: 'Mobile' } });
    expect(alone.json).toMatchObject({ outcome: 'done', ticket: { amountPaid: 1000, paymentMethod: 'Mobile' } });
  });
});
