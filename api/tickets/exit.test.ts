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
