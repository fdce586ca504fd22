import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DailyReport } from '../../shared/reports.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { dailyReport } from './daily.js';

let t: TestApp;
const report = (query: string) => t.call('GET', `/api/reports/daily${query}`, { as: 'manager' });

/** Puts a ticket straight into the table: a day of known history without moving the app's clock. */
async function history(plate: string, entry: string, exit: string | null, amount: number | null, method: string | null) {
  // a car still inside holds a space (the lowest free one), as an entry would claim it
  await t.sql`
    with space as (
      select number from spaces where garage_id = ${t.garageId} and open and ticket_id is null and ${exit === null}
      order by number limit 1
    ), ticket as (
      insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
        duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, fee_breakdown, space_number)
      values (${t.garageId}, ${`PS-${plate.slice(0, 6).padEnd(6, '0')}`}, ${plate}, ${plate}, 'Car', ${entry}, ${exit},
        ${exit ? Math.floor((Date.parse(exit) - Date.parse(entry)) / 60000) : null}, ${amount},
        ${exit ? 'completed' : 'active'}, ${method}, 1000, 0, ${exit ? t.sql.json({ totalCents: amount }) : null},
        (select number from space))
      returning id, space_number
    )
    update spaces set ticket_id = ticket.id from ticket where spaces.garage_id = ${t.garageId} and spaces.number = ticket.space_number
  `;
}

beforeAll(async () => {
  t = await startTestApp({ timezone: 'Europe/Berlin', start: '2026-11-24T12:00:00Z' });
  // 2026-11-23 in Berlin runs from 2026-11-22T23:00Z to 2026-11-23T23:00Z
  await history('OLD1', '2026-11-21T10:00:00Z', null, null, null); // parked since the 21st: open over 24 h
  await history('EARLY1', '2026-11-22T22:00:00Z', '2026-11-23T01:00:00Z', 3000, 'Cash'); // in the day before, out on the 23rd
  await history('DAY1', '2026-11-23T08:00:00Z', '2026-11-23T09:30:00Z', 2000, 'Credit Card');
  await history('DAY2', '2026-11-23T08:10:00Z', '2026-11-23T10:00:00Z', 2000, 'Cash');
  await history('DAY3', '2026-11-23T08:20:00Z', '2026-11-24T08:00:00Z', 24000, 'Mobile'); // out the next day
  await history('LATE1', '2026-11-23T22:30:00Z', null, null, null); // 23:30 Berlin, still parked
  await history('NEXT1', '2026-11-23T23:30:00Z', null, null, null); // the 24th in Berlin
});
afterAll(() => t.close());

describe('GET /api/reports/daily', () => {
  it("one day's figures in the garage's timezone, to the cent", async () => {
    const res = await report('?date=2026-11-23');
    expect(res.status).toBe(200);
    const r = DailyReport.parse(res.json);
    expect(r).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-23',
      timezone: 'Europe/Berlin',
      totalRevenue: 7000,
      revenueByPaymentMethod: { Cash: 5000, 'Credit Card': 2000, 'Debit Card': 0, Mobile: 0 },
      vehiclesIn: 4, // DAY1, DAY2, DAY3, LATE1
      vehiclesOut: 3, // EARLY1, DAY1, DAY2
      averageStayMinutes: Math.round((180 + 90 + 110) / 3),
      // at the start: OLD1 + EARLY1 = 2; 08:00Z +1 (2->... after EARLY1 left at 01:00Z: 1), DAY1 2, DAY2 3, DAY3 4
      peakOccupancy: 4,
      peakAt: '2026-11-23T08:20:00.000Z',
      peakHour: '09:00',
      stillParked: 3, // OLD1, DAY3, LATE1 at the end of the day
      openOver24h: 1, // OLD1
    });
    expect(r.days).toHaveLength(1);
  });

  it('a range: whole-period figures and one row a day', async () => {
    const r = (await report('?from=2026-11-22&to=2026-11-24')).json;
    expect(r.days.map((d: { from: string; totalRevenue: number }) => [d.from, d.totalRevenue])).toEqual([
      ['2026-11-22', 0],
      ['2026-11-23', 7000],
      ['2026-11-24', 24000],
    ]);
    expect(r.totalRevenue).toBe(31000);
    expect(r.totalRevenue).toBe(r.days.reduce((sum: number, d: { totalRevenue: number }) => sum + d.totalRevenue, 0));
  });

  it('defaults to today; today counts cars still parked now', async () => {
    const r = (await report('')).json;
    expect(r).toMatchObject({ from: '2026-11-24', vehiclesIn: 1, vehiclesOut: 1, stillParked: 3 });
  });

  it('as CSV for a spreadsheet', async () => {
    const res = await report('?from=2026-11-23&to=2026-11-24&format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('parkops-2026-11-23-to-2026-11-24.csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,total_revenue_cents,cash_cents,credit_card_cents,debit_card_cents,mobile_cents,vehicles_in,vehicles_out,average_stay_minutes,peak_occupancy,peak_hour,still_parked,open_over_24h,refunds_cents,net_revenue_cents,refund_count,voids,corrections,lost_tickets',
    );
    expect(lines[1]).toBe('2026-11-23,7000,5000,2000,0,0,4,3,127,4,09:00,3,1,0,7000,0,0,0,0');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^total 2026-11-23\.\.2026-11-24,31000,/);
  });

  it.each([
    ['the year 9999', '?date=9999-12-31', /no figures for 9999-12-31 yet.*tomorrow, 2026-11-25/],
    ['a range running to the year 9999', '?from=2026-11-22&to=9999-12-31', /no figures for 9999-12-31 yet.*tomorrow, 2026-11-25/],
    ['the day after tomorrow', '?date=2026-11-26', /no figures for 2026-11-26 yet/],
    ['a day before the garage existed', '?date=2000-01-01', /2000-01-01 is before this garage's first day, 2026-11-21: ask for a date from 2026-11-21 to 2026-11-25/],
  ])('400 with a sentence a person can act on for %s (never "at most 366 days")', async (_name, query, message) => {
    const res = await report(query);
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
    expect(res.json.message).toMatch(message);
    expect(res.json.message).not.toMatch(/366/);
  });

  it('tomorrow and the first day are inside the bounds', async () => {
    expect((await report('?date=2026-11-25')).status).toBe(200);
    expect((await report('?from=2026-11-21&to=2026-11-25')).json.days).toHaveLength(5);
  });

  it('"at most 366 days" only for a range that really is longer', async () => {
    const [garage] = await t.sql<{ createdAt: Date }[]>`select created_at from garages where id = ${t.garageId}`;
    await t.sql`update garages set created_at = '2024-06-01T12:00:00Z' where id = ${t.garageId}`;
    try {
      const long = await report('?from=2025-01-01&to=2026-11-01');
      expect(long).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
      expect(long.json.message).toBe('A report covers at most 366 days; 2025-01-01 to 2026-11-01 is 670 days. Ask for a shorter range.');
      expect((await report('?from=2025-11-25&to=2026-11-25')).json.days).toHaveLength(366);
    } finally {
      await t.sql`update garages set created_at = ${garage!.createdAt} where id = ${t.garageId}`;
    }
  });

  it('dailyReport itself refuses a period over 366 days (a caller that skipped the bounds): it never loops on', async () => {
    await expect(dailyReport(t.sql, t.garageId, '2026-01-01', '2027-12-31', t.clock.now)).rejects.toThrow(/730 days/);
  });

  it('dailyReport of one day in the year 9999 is one day (the loop counts days, never compares text)', async () => {
    const r = await dailyReport(t.sql, t.garageId, '9999-12-31', '9999-12-31', t.clock.now);
    expect(r.days.map((d) => d.from)).toEqual(['9999-12-31']);
  });

  it.each([
    ['a date that does not exist', '?date=2026-02-30'],
    ['a date in another format', '?date=23/11/2026'],
    ['from without to', '?from=2026-11-01'],
    ['to before from', '?from=2026-11-10&to=2026-11-01'],
    ['date with a range', '?date=2026-11-01&from=2026-11-01&to=2026-11-02'],
    ['an unknown format', '?date=2026-11-01&format=xml'],
  ])('400 for %s', async (_name, query) => {
    const res = await report(query);
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
    expect(res.json.message.length).toBeGreaterThan(10);
  });
});
