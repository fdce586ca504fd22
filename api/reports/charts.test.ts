import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartsReport } from '../../shared/charts.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * The chart series, against stays made at known local times (New York; Monday 2026-11-23 starts
 * 05:00 UTC): cars inside hour by hour, stay lengths, payment methods, revenue by day, the heatmap.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20, hourlyRate: 1000, timezone: 'America/New_York', start: '2026-11-23T13:30:00.000Z' }); // 08:30 local
  const stay = async (plate: string, minutes: number, method: string) => {
    const { json } = await t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
    const back = t.clock.now;
    t.clock.advance(minutes);
    await t.call('PUT', `/api/tickets/${json.ticketNumber}/exit`, { body: { paymentMethod: method } });
    t.clock.now = back;
  };
  await stay('CH 1', 30, 'Cash'); // 08:30–09:00
  await stay('CH 2', 150, 'Credit Card'); // 08:30–11:00
  t.clock.advance(60); // 09:30
  await stay('CH 3', 600, 'Cash'); // 09:30–19:30
  const inside = await t.call('POST', '/api/tickets', { body: { licensePlate: 'CH 4' } }); // 09:30, still inside
  expect(inside.status).toBe(201);
  t.clock.now = new Date('2026-11-24T01:00:00.000Z'); // 20:00 local
});
afterAll(() => t.close());

describe('GET /api/reports/charts', () => {
  it('draws the day from PostgreSQL: cars inside each hour, stays, methods, revenue', async () => {
    const res = await t.call('GET', `/api/garages/${t.garageId}/reports/charts?date=2026-11-23`, { as: 'manager' });
    expect(res.status).toBe(200);
    const charts = ChartsReport.parse(res.json);
    expect(charts.occupancy).toHaveLength(24);
    const at = (hour: number) => charts.occupancy[hour]!.occupied;
    // a car counts up to and including the instant it leaves (as the daily report's still-parked): CH 1 at 09:00, CH 2 at 11:00
    expect([at(8), at(9), at(10), at(11), at(12), at(19), at(20)]).toEqual([0, 2, 3, 3, 2, 2, 1]);
    expect(charts.stayLengths).toEqual([
      { label: 'under 1 h', count: 1 },
      { label: '1–2 h', count: 0 },
      { label: '2–4 h', count: 1 },
      { label: '4–8 h', count: 0 },
      { label: '8–24 h', count: 1 },
      { label: 'over 24 h', count: 0 },
    ]);
    expect(charts.paymentMethods.find((m) => m.method === 'Cash')).toEqual({ method: 'Cash', count: 2, cents: 1000 + 10000 });
    expect(charts.paymentMethods.find((m) => m.method === 'Credit Card')).toEqual({ method: 'Credit Card', count: 1, cents: 3000 });
    expect(charts.revenueByDay).toEqual([{ date: '2026-11-23', grossCents: 14000, refundsCents: 0, netCents: 14000, vehiclesIn: 4 }]);
    // Monday (row 0) at 10:00: three cars in the one Monday with cars of the 8 weeks: 3/8
    expect(charts.heatmap).toMatchObject({ from: '2026-09-29', to: '2026-11-23' });
    expect(charts.heatmap.cells[0]![10]).toBe(0.4);
    expect(charts.heatmap.cells[1]![10]).toBe(0);
  });

  it('a range longer than 31 days has no hourly occupancy; bad periods and attendants are refused', async () => {
    const long = await t.call('GET', `/api/reports/charts?from=2026-10-01&to=2026-11-23`, { as: 'manager' });
    expect(long.status).toBe(400); // before the garage's first day
    const ok = await t.call('GET', `/api/reports/charts?from=2026-11-23&to=2026-11-24`, { as: 'manager' });
    expect(ok.json.occupancy).toHaveLength(48);
    expect((await t.call('GET', '/api/reports/charts?date=2026-11-23')).status).toBe(403);
    expect((await t.call('GET', '/api/reports/charts?date=23-11-2026', { as: 'manager' })).status).toBe(400);
  });
});
