import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartsReport } from '../../shared/charts.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { localDateTime, localDayRange } from '../../shared/garage-day.js';
import { DailyReport, type PeriodFigures } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * The report as a PDF, read back as text: real entries, exits, a void, refunds and a lost ticket over
 * two days in New York (2026-11-23 starts 05:00 UTC), and each page's figures against the JSON report's.
 */
let t: TestApp;
const NAME = 'Garage Zürich – Main St';

/** Asserts an API call did what the fixture needs (a fixture that silently failed would test nothing). */
async function ok(call: Promise<{ status: number; json: any }>) {
  const res = await call;
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json;
}
const enter = async (plate: string) => (await ok(t.call('POST', '/api/tickets', { body: { licensePlate: plate } }))).ticketNumber as string;
const leave = (n: string, body: Record<string, unknown>) => ok(t.call('PUT', `/api/tickets/${n}/exit`, { body }));
const at = async (iso: string) => {
  t.clock.now = new Date(iso);
  await t.signInAll(); // the sessions' idle timeout runs on this clock
};

beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20, hourlyRate: 1000, timezone: 'America/New_York', start: '2026-11-23T13:00:00.000Z' });
  await ok(t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { name: NAME } }));
  const a = await enter('PDF A'); // 08:00 local
  await at('2026-11-23T14:00:00.000Z');
  const b = await enter('PDF B'); // 09:00
  await at('2026-11-23T14:30:00.000Z');
  const c = await enter('PDF C');
  await ok(t.call('POST', `/api/tickets/${c}/void`, { as: 'manager', body: { reason: 'test' } }));
  await at('2026-11-23T14:45:00.000Z');
  await leave(b, { paymentMethod: 'Credit Card' });
  await at('2026-11-23T15:00:00.000Z');
  await ok(t.call('POST', `/api/tickets/${b}/refunds`, { as: 'manager', body: { amountCents: 400, reason: 'goodwill' } }));
  await at('2026-11-23T15:30:00.000Z');
  await leave(a, { paymentMethod: 'Cash' }); // 2 h 30 min
  await at('2026-11-23T16:00:00.000Z');
  const d = await enter('PDF D'); // 11:00, out the next morning without its ticket
  await at('2026-11-23T17:00:00.000Z');
  await enter('PDF E'); // 12:00, still parked
  await at('2026-11-24T13:00:00.000Z');
  const f = await enter('PDF F'); // the 24th, 08:00
  await at('2026-11-24T13:20:00.000Z');
  await leave(f, { paymentMethod: 'Debit Card' });
  await at('2026-11-24T14:00:00.000Z');
  await leave(d, { paymentMethod: 'Mobile', lostTicket: true });
  await at('2026-11-24T14:10:00.000Z');
  await ok(t.call('POST', `/api/tickets/${a}/refunds`, { as: 'manager', body: { amountCents: 550, reason: 'goodwill' } }));
  await at('2026-11-25T15:00:00.000Z'); // both days over
});
afterAll(() => t.close());

/** GET a report PDF as the manager: the raw bytes (the test helper reads bodies as text). */
async function getPdf(query: string) {
  const res = await t.app.request(`/api/reports/daily?${query}&format=pdf`, { headers: { authorization: `Bearer ${t.users.manager.token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Each page's text as its lines. */
async function pagesOf(bytes: Uint8Array): Promise<string[][]> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return text.map((page) => page.split('\n').map((line) => line.trim()));
}

/** The lines a page must print for these figures, worked out here from the JSON (not by the PDF's code). */
function figureLines(f: PeriodFigures, peak: string): string[] {
  return [
    `Gross ${formatCents(f.grossRevenue)}`,
    `Refunds ${formatCents(f.refunds)}`,
    `Net ${formatCents(f.netRevenue)}`,
    ...PAYMENT_METHODS.map((m) => {
      const gross = f.revenueByPaymentMethod[m];
      const back = f.refundsByPaymentMethod[m];
      return `${m} ${formatCents(gross)} ${formatCents(back)} ${formatCents(gross - back)}`;
    }),
    `Vehicles in ${f.vehiclesIn}`,
    `Vehicles out ${f.vehiclesOut}`,
    `Average stay ${f.averageStayMinutes === null ? '—' : formatDuration(f.averageStayMinutes)}`,
    `Peak occupancy ${f.peakOccupancy}`,
    peak,
    `Still parked ${f.stillParked}`,
    `Open over 24 h ${f.openOver24h}`,
    `Refunds given ${f.refundCount}`,
    `Voids ${f.voids}`,
    `Corrections ${f.corrections}`,
    `Lost tickets ${f.lostTickets}`,
  ];
}

describe('GET /api/reports/daily?format=pdf', () => {
  it('a summary page and one page a day, whose figures are the JSON report’s to the cent', async () => {
    const query = 'from=2026-11-23&to=2026-11-24';
    const report = DailyReport.parse((await t.call('GET', `/api/reports/daily?${query}`, { as: 'manager' })).json);
    const charts = ChartsReport.parse((await t.call('GET', `/api/reports/charts?${query}`, { as: 'manager' })).json);
    // the fixture did what it says, so the comparison below compares something
    expect(report.days[0]).toMatchObject({ grossRevenue: 3000 + 1000, refunds: 400, voids: 1, vehiclesIn: 5, vehiclesOut: 2, stillParked: 2 }); // the voided entry counts as in
    expect(report.days[1]).toMatchObject({ refunds: 550, lostTickets: 1, vehiclesIn: 1, vehiclesOut: 2, stillParked: 1 });
    expect(report.days[1]!.revenueByPaymentMethod.Mobile).toBeGreaterThan(0);

    const res = await getPdf(query);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="parkops-2026-11-23-to-2026-11-24.pdf"');
    expect(new TextDecoder().decode(res.bytes.subarray(0, 5))).toBe('%PDF-');

    const pages = await pagesOf(res.bytes);
    expect(pages).toHaveLength(1 + report.days.length);
    const [summary, ...dayPages] = pages;
    expect(summary!.slice(0, 2)).toEqual([NAME, 'Summary: 2026-11-23 to 2026-11-24 (2 days)']);
    expect(summary).toEqual(expect.arrayContaining(figureLines(report, `Peak reached ${localDateTime(new Date(report.peakAt!), report.timezone)}`)));
    expect(summary).toContain('Gross revenue by day');

    report.days.forEach((day, i) => {
      const page = dayPages[i]!;
      expect(page.slice(0, 2)).toEqual([NAME, `Daily report: ${day.from}`]);
      expect(page).toEqual(expect.arrayContaining(figureLines(day, `Peak hour ${day.peakHour ?? '—'}`)));
      // the chart is this day's: its scale tops out at the day's most cars inside at the start of an hour
      const { start, end } = localDayRange(day.from, day.from, report.timezone);
      const hours = charts.occupancy.filter((o) => Date.parse(o.at) >= start.getTime() && Date.parse(o.at) < end.getTime());
      expect(hours).toHaveLength(24);
      const title = page.indexOf('Cars inside, hour by hour');
      expect(title).toBeGreaterThan(0);
      expect(page[title + 1]).toBe(String(Math.max(1, ...hours.map((h) => h.occupied))));
    });
  });

  it('one day is one page; today says its figures are so far', async () => {
    const res = await getPdf('date=2026-11-25');
    const pages = await pagesOf(res.bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.slice(0, 2)).toEqual([NAME, 'Daily report: 2026-11-25']);
    expect(pages[0]!.join(' ')).toContain('Not over yet: figures so far.');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="parkops-2026-11-25.pdf"');
  });

  it('at most 31 days (a 400 that says so; JSON and CSV still cover longer), and managers only', async () => {
    await t.sql`update garages set created_at = '2026-09-01T12:00:00Z' where id = ${t.garageId}`; // history back to September
    const long = await getPdf('from=2026-10-24&to=2026-11-24'); // 32 days
    expect(long.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(long.bytes))).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('A PDF covers at most 31 days') });
    expect((await t.call('GET', '/api/reports/daily?from=2026-10-24&to=2026-11-24', { as: 'manager' })).status).toBe(200);
    const longest = await getPdf('from=2026-10-25&to=2026-11-24'); // 31 days
    expect(longest.status).toBe(200);
    expect(await pagesOf(longest.bytes)).toHaveLength(1 + 31);
    expect((await t.call('GET', '/api/reports/daily?date=2026-11-23&format=pdf')).status).toBe(403);
    expect((await t.call('GET', '/api/reports/shifts?date=2026-11-23&format=pdf', { as: 'manager' })).status).toBe(400); // only the daily report prints
  });
});
