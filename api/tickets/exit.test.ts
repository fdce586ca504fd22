import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ticket } from '../../shared/tickets.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function parkFor(plate: string, minutes: number) {
  const { json } = await t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
  t.clock.advance(minutes);
  return json.ticketNumber as string;
}
const exit = (n: string, body: unknown, headers?: Record<string, string>) => t.call('PUT', `/api/tickets/${n}/exit`, { body, headers });
/** The details of a ticket's exit audit row. */
async function exitAudit(n: string) {
  const [row] = await t.sql<{ details: Record<string, unknown> }[]>`select details from audit_log where action = 'ticket.exit' and subject = ${n}`;
  return row?.details;
}
/** An instant as the refusals write it in a UTC garage. */
const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

describe('PUT /api/tickets/:ticketNumber/exit', () => {
  it('completes the ticket with the fee, its breakdown and the payment method', async () => {
    const n = await parkFor('EXIT1', 181);
    const res = await exit(n, { paymentMethod: 'credit card' });
    expect(res.status).toBe(200);
    const ticket = Ticket.parse(res.json);
    expect(ticket).toMatchObject({
      status: 'completed',
      paymentMethod: 'Credit Card',
      durationMinutes: 181,
      amountPaid: 4000,
      exitTime: t.clock.now.toISOString(),
      feeBreakdown: { billableHours: 4, hourlyRate: 1000, totalCents: 4000, graceApplied: false },
    });
    expect(ticket.amountDue).toBeUndefined();
  });

  it('keeps the rate and terms the car entered with when settings change while it is inside', async () => {
    const n = await parkFor('EXIT2', 0);
    const put = await t.call('PUT', '/api/garage/settings', { body: { hourlyRate: 5000, graceMinutes: 30 }, as: 'manager' });
    expect(put.status).toBe(200);
    t.clock.advance(20);
    const res = await exit(n, { paymentMethod: 'Cash' });
    expect(res.json).toMatchObject({ amountPaid: 1000, hourlyRate: 1000, feeBreakdown: { graceMinutes: 0, graceApplied: false } });
    const later = await parkFor('EXIT3', 20);
    expect((await exit(later, { paymentMethod: 'Cash' })).json).toMatchObject({ amountPaid: 0, feeBreakdown: { graceApplied: true } });
    await t.call('PUT', '/api/garage/settings', { body: { hourlyRate: 1000, graceMinutes: 0 }, as: 'manager' });
  });

  it('applies the daily max copied at entry', async () => {
    await t.call('PUT', '/api/garage/settings', { body: { dailyMaxCents: 5000 }, as: 'manager' });
    const n = await parkFor('EXIT4', 25 * 60);
    await t.signInAll();
    const res = await exit(n, { paymentMethod: 'Debit Card' });
    expect(res.json).toMatchObject({ amountPaid: 6000, feeBreakdown: { fullDays: 1, dailyCapsApplied: 1, dailyMaxCents: 5000 } });
    await t.call('PUT', '/api/garage/settings', { body: { dailyMaxCents: null }, as: 'manager' });
  });

  it('a server whose clock is a moment behind the one that issued the ticket (another replica) checks it out, and voids another, at their entry time', async () => {
    const n = await parkFor('SKEW 1', -1);
    const res = await exit(n, { paymentMethod: 'Cash' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ durationMinutes: 0, amountPaid: 1000 });
    expect(res.json.exitTime).toBe(res.json.entryTime);
    const v = await parkFor('SKEW 2', -1);
    const voided = await t.call('POST', `/api/tickets/${v}/void`, { as: 'manager', body: { reason: 'test' } });
    expect(voided.status).toBe(200);
    expect(voided.json.ticket.voided.at).toBe(voided.json.ticket.entryTime);
    t.clock.advance(2);
  });

  it('409 ticket_already_completed for a second exit', async () => {
    const n = await parkFor('EXIT5', 10);
    await exit(n, { paymentMethod: 'Cash' });
    const again = await exit(n, { paymentMethod: 'Cash' });
    expect(again).toMatchObject({ status: 409, json: { code: 'ticket_already_completed' } });
  });

  it('replays an exit sent again with the same Idempotency-Key instead of refusing it', async () => {
    const n = await parkFor('EXIT6', 10);
    const first = await exit(n, { paymentMethod: 'Mobile' }, { 'idempotency-key': 'exit-6' });
    t.clock.advance(30);
    const again = await exit(n, { paymentMethod: 'mobile' }, { 'idempotency-key': 'exit-6' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
  });

  it.each([
    ['an unknown payment method', { paymentMethod: 'Bitcoin' }, 400, 'validation_failed'],
    ['no payment method', {}, 400, 'validation_failed'],
  ])('400 for %s', async (_name, body, status, code) => {
    const n = await parkFor(`EXB${status}${Object.keys(body).length}`, 5);
    const res = await exit(n, body);
    expect(res).toMatchObject({ status, json: { code } });
    expect(res.json.message).toMatch(/paymentMethod/);
    expect((await t.call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
  });

  it('an exit recorded offline is priced at the time it happened', async () => {
    const n = await parkFor('OFFEX1', 200);
    const leftAt = new Date(t.clock.now.getTime() - 150 * 60_000).toISOString(); // 50 min after entry
    const res = await exit(n, { paymentMethod: 'Cash', exitTime: leftAt });
    expect(res.json).toMatchObject({ exitTime: leftAt, durationMinutes: 50, amountPaid: 1000 });
  });

  it('every client-dated exit is flagged in the audit: the time claimed, when it arrived, and what was due then', async () => {
    const n = await parkFor('OFFEX3', 200);
    const leftAt = new Date(t.clock.now.getTime() - 150 * 60_000).toISOString(); // 50 min after entry
    expect((await exit(n, { paymentMethod: 'Cash', exitTime: leftAt })).json.amountPaid).toBe(1000);
    expect(await exitAudit(n)).toMatchObject({
      amountPaid: 1000,
      exitTime: leftAt,
      clientDated: true,
      claimedTime: leftAt,
      receivedAt: t.clock.now.toISOString(),
      minutesBetween: 150,
      offline: true,
      amountDueAtReceipt: 4000,
    });
  });

  it('a phone online sends its own time too: client-dated, but not offline (it arrived within a minute)', async () => {
    const n = await parkFor('ONLINE1', 30);
    await exit(n, { paymentMethod: 'Cash', exitTime: new Date(t.clock.now.getTime() - 20_000).toISOString() });
    expect(await exitAudit(n)).toMatchObject({ clientDated: true, minutesBetween: 0, offline: false });
    const m = await parkFor('SERVER1', 30);
    await exit(m, { paymentMethod: 'Cash' });
    expect(await exitAudit(m)).toMatchObject({ clientDated: false, offline: false, exitTime: t.clock.now.toISOString() });
  });

  it('400 for a client exit time before the server last saw the ticket active: no 23-hour stay for $10', async () => {
    const n = await parkFor('LIE1', 23 * 60);
    await t.signInAll();
    const entry = new Date(t.clock.now.getTime() - 23 * 3600_000);
    expect((await t.call('GET', `/api/tickets/${n}`)).json).toMatchObject({ status: 'active', amountDue: 23000 });
    t.clock.advance(1);
    const res = await exit(n, { paymentMethod: 'Cash', exitTime: new Date(entry.getTime() + 50 * 60_000).toISOString() });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed', details: [{ path: 'exitTime' }] } });
    const seen = utc(new Date(t.clock.now.getTime() - 60_000));
    expect(res.json.message).toBe(
      `Ticket ${n} was still parked at ${seen} (UTC), so it cannot have left at ${utc(new Date(entry.getTime() + 50 * 60_000))}: check the device's clock, or check the car out without an exit time.`,
    );
    expect((await t.call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
  });

  it('a search that lists the ticket as active counts as seeing it', async () => {
    const n = await parkFor('LIE2', 180);
    expect((await t.call('GET', '/api/tickets?plate=LIE2&status=active')).json).toHaveLength(1);
    const res = await exit(n, { paymentMethod: 'Cash', exitTime: new Date(t.clock.now.getTime() - 150 * 60_000).toISOString() });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });

  it("the device's clock may run up to 2 minutes behind the server's last sighting", async () => {
    const n = await parkFor('SKEW1', 60);
    await t.call('GET', `/api/tickets/${n}`);
    const res = await exit(n, { paymentMethod: 'Cash', exitTime: new Date(t.clock.now.getTime() - 110_000).toISOString() });
    expect(res).toMatchObject({ status: 200, json: { status: 'completed', amountPaid: 1000 } });
  });

  it('400 for an offline exit time outside the window', async () => {
    const n = await parkFor('OFFEX2', 5);
    const res = await exit(n, { paymentMethod: 'Cash', exitTime: new Date(t.clock.now.getTime() + 3 * 60_000).toISOString() });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
    expect((await t.call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
  });

  it('an active ticket carries its quote: what it would pay now and why', async () => {
    const n = await parkFor('QUOTE1', 61);
    const res = await t.call('GET', `/api/tickets/${n}`);
    expect(res.json).toMatchObject({ amountDue: 2000, feeBreakdown: { billableHours: 2, totalCents: 2000, durationMinutes: 61 } });
  });

  it('404 for an unknown ticket', async () => {
    expect((await exit('PS-ZZZZZZ', { paymentMethod: 'Cash' })).json.code).toBe('not_found');
  });

  it('the plate can enter again once its ticket is completed', async () => {
    const n = await parkFor('AGAIN1', 5);
    await exit(n, { paymentMethod: 'Cash' });
    expect((await t.call('POST', '/api/tickets', { body: { licensePlate: 'AGAIN1' } })).status).toBe(201);
  });
});
