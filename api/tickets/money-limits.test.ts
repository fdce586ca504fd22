import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GarageStats } from '../../shared/garage.js';
import { DailyReport } from '../../shared/reports.js';
import { Activity, Ticket } from '../../shared/tickets.js';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * Money past 2^31 − 1 cents (int4): the highest rate the settings allow (999,999 c/h here, to get
 * cents that are not round) and stays of weeks. One fee over 2^31, and a day's revenue over 2^31
 * made of fees that each fit, must come out to the cent at every door.
 */
const RATE = 999_999;
const INT4_MAX = 2 ** 31 - 1;
const FEE_A = 1200 * RATE; // 50 days: 1,199,998,800 — fits int4 on its own
const FEE_C = 2185 * RATE; // 91 days and a minute: 2,184,997,815 — does not
const DAY_TOTAL = 2 * FEE_A + FEE_C; // 4,584,995,415

let t: TestApp;
const exits: Record<string, { status: number; json: any }> = {};

async function enter(plate: string) {
  const res = await t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
  if (res.status !== 201) throw new Error(`entry of ${plate}: ${res.status} ${res.text}`);
  return res.json.ticketNumber as string;
}

beforeAll(async () => {
  t = await startTestApp({ hourlyRate: RATE, timezone: 'UTC', start: '2026-07-22T00:00:00.000Z' });
  const c = await enter('BIGC');
  t.clock.now = new Date('2026-09-01T00:00:00.000Z');
  await t.signInAll();
  const a = await enter('BIGA');
  const b = await enter('BIGB');
  t.clock.now = new Date('2026-10-21T00:00:00.000Z');
  await t.signInAll();
  exits.a = await t.call('PUT', `/api/tickets/${a}/exit`, { body: { paymentMethod: 'Cash' } });
  exits.b = await t.call('PUT', `/api/tickets/${b}/exit`, { body: { paymentMethod: 'Credit Card' } });
  t.clock.advance(1);
  exits.c = await t.call('PUT', `/api/tickets/${c}/exit`, { body: { paymentMethod: 'Mobile' } });
});
afterAll(() => t.close());

describe('money past 2^31 − 1 cents', () => {
  it('a fee over 2^31 − 1 cents: the car can leave, charged to the cent, and its ticket reads back the same', async () => {
    expect(FEE_C).toBeGreaterThan(INT4_MAX);
    expect(exits.c!.status).toBe(200);
    const ticket = Ticket.parse(exits.c!.json);
    expect(ticket).toMatchObject({ status: 'completed', amountPaid: FEE_C, feeBreakdown: { billableHours: 2185, totalCents: FEE_C } });
    const again = Ticket.parse((await t.call('GET', `/api/tickets/${ticket.ticketNumber}`)).json);
    expect(again.amountPaid).toBe(FEE_C);
    const [audit] = await t.sql<{ details: { amountPaid: number } }[]>`
      select details from audit_log where action = 'ticket.exit' and subject = ${ticket.ticketNumber}`;
    expect(audit!.details.amountPaid).toBe(FEE_C);
  });

  it("a day's revenue over 2^31 − 1 cents shows in GET /api/garage/stats to the cent", async () => {
    expect(2 * FEE_A).toBeGreaterThan(INT4_MAX);
    expect([exits.a!.status, exits.b!.status]).toEqual([200, 200]);
    const res = await t.call('GET', '/api/garage/stats');
    expect(res.status).toBe(200);
    expect(GarageStats.parse(res.json)).toMatchObject({ todayRevenue: DAY_TOTAL, vehiclesProcessedToday: 3 });
  });

  it('and in the report, by payment method, and its CSV, to the cent', async () => {
    const res = await t.call('GET', '/api/reports/daily?date=2026-10-21', { as: 'manager' });
    expect(res.status).toBe(200);
    expect(DailyReport.parse(res.json)).toMatchObject({
      totalRevenue: DAY_TOTAL,
      revenueByPaymentMethod: { Cash: FEE_A, 'Credit Card': FEE_A, 'Debit Card': 0, Mobile: FEE_C },
    });
    const csv = await t.call('GET', '/api/reports/daily?date=2026-10-21&format=csv', { as: 'manager' });
    expect(csv.text.split('\r\n')[1]).toMatch(new RegExp(`^2026-10-21,${DAY_TOTAL},${FEE_A},${FEE_A},0,${FEE_C},`));
  });

  it('and in the recent activity', async () => {
    const res = await t.call('GET', '/api/activities?limit=3');
    expect(res.status).toBe(200);
    const amounts = z.array(Activity).parse(res.json).map((a) => a.amountPaid);
    expect(amounts).toEqual([FEE_C, FEE_A, FEE_A]);
  });
});
