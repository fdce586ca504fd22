import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/garage-day.js';
import { expectAccessible } from '../../test/axe.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { ReportsScreen } from './reports.js';

beforeEach(() => {
  resetAppState();
  signedIn(fixture.user({ role: 'manager' }));
  rememberStats(1, fixture.stats({ timezone: 'America/New_York' }));
});

/** Answers both report endpoints with fixtures, and records the queries they were asked with. */
function answerReports(charts = fixture.chartsReport(), daily = fixture.dailyReport()) {
  const asked: { daily: URLSearchParams[]; charts: URLSearchParams[] } = { daily: [], charts: [] };
  server.use(
    http.get('/api/garages/1/reports/daily', ({ request }) => {
      asked.daily.push(new URL(request.url).searchParams);
      return HttpResponse.json(daily);
    }),
    http.get('/api/garages/1/reports/charts', ({ request }) => {
      asked.charts.push(new URL(request.url).searchParams);
      return HttpResponse.json(charts);
    }),
  );
  return asked;
}

/** The rows of the table behind a chart's "Numbers", each as its cells' text. */
function tableOf(chartId: string): string[][] {
  const table = within(screen.getByTestId(chartId)).getByRole('table');
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
}

const figure = (id: string) => screen.getByTestId(`figure-${id}`).textContent;

describe('Reports', () => {
  it("opens on today's report in the garage's timezone: the figures, and each chart with its numbers", async () => {
    const asked = answerReports();
    renderWithOutbox(<ReportsScreen />);
    await screen.findByTestId('figure-gross');
    const today = localDate(new Date(), 'America/New_York');
    expect(asked.daily[0]?.toString()).toBe(`date=${today}`);
    expect(asked.charts[0]?.toString()).toBe(`date=${today}`);

    expect(screen.getByTestId('report-period').textContent).toBe('Mon, Nov 23 · garage time (America/New_York)');
    expect(figure('gross')).toBe('$412.50');
    expect(figure('refunds')).toBe('$12.50 1 refund');
    expect(figure('net')).toBe('$400.00');
    expect(figure('vehicles')).toBe('48 in · 41 out');
    expect(figure('average-stay')).toBe('2 h 15 min');
    expect(figure('peak')).toBe('57 cars at 14:00');
    expect(figure('still-parked')).toBe('9 2 over 24 h');
    expect(figure('voids')).toBe('2');
    expect(figure('lost-tickets')).toBe('3');
    expect(screen.getByTestId('by-method').textContent).toBe('Cash$150.00 ($12.50 refunded)Credit Card$202.50Mobile$60.00');
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(`/api/garages/1/reports/daily?date=${today}&format=csv`);

    // Each chart is an image with a summary, and its numbers are in a table.
    expect(screen.getByRole('img', { name: /^Revenue by day, Mon, Nov 23: \$412\.50 gross, \$12\.50 refunded, \$400\.00 net\.$/ })).toBeTruthy();
    expect(tableOf('chart-revenue')).toEqual([
      ['Day', 'Gross', 'Refunds', 'Net', 'Cars in'],
      ['Mon, Nov 23', '$412.50', '$12.50', '$400.00', '48'],
    ]);
    expect(screen.getByRole('img', { name: 'Cars inside hour by hour, Mon, Nov 23: at most 24 (at 12:00), at least 0.' })).toBeTruthy();
    const occupancy = tableOf('chart-occupancy');
    expect(occupancy).toHaveLength(25);
    expect(occupancy.slice(0, 3)).toEqual([
      ['Hour', 'Cars inside'],
      ['00:00', '0'],
      ['01:00', '2'],
    ]);
    expect(occupancy[13]).toEqual(['12:00', '24']);
    expect(screen.getByRole('img', { name: /^Paid exits by length of stay: under 1 h, 12; 1–2 h, 15; .*over 24 h, 0\.$/ })).toBeTruthy();
    expect(tableOf('chart-stays').slice(1)).toEqual([
      ['under 1 h', '12'],
      ['1–2 h', '15'],
      ['2–4 h', '8'],
      ['4–8 h', '4'],
      ['8–24 h', '2'],
      ['over 24 h', '0'],
    ]);
    expect(screen.getByRole('img', { name: /^Money by payment method: Cash, 16 exits, \$150\.00; Credit Card, 18 exits, \$202\.50; Debit Card, 0 exits, \$0\.00; Mobile, 7 exits, \$60\.00\.$/ })).toBeTruthy();
    expect(tableOf('chart-methods')).toEqual([
      ['Method', 'Paid exits', 'Amount'],
      ['Cash', '16', '$150.00'],
      ['Credit Card', '18', '$202.50'],
      ['Debit Card', '0', '$0.00'],
      ['Mobile', '7', '$60.00'],
    ]);
  });

  it('shows the weekday × hour heatmap: one cell per weekday and hour, coloured, with a legend, and the same values in its table', async () => {
    answerReports();
    renderWithOutbox(<ReportsScreen />);
    const heatmap = await screen.findByTestId('chart-heatmap');
    // The fixture's cell (weekday d, hour h) is (d × 24 + h) / 10; the busiest is Sunday 23:00.
    expect(within(heatmap).getByRole('img', { name: 'Average cars inside by weekday and hour, Tue, Sep 29 to Mon, Nov 23: busiest Sun at 23:00 with 16.7 cars on average.' })).toBeTruthy();
    expect(heatmap.querySelectorAll('svg rect')).toHaveLength(7 * 24);
    const rows = tableOf('chart-heatmap');
    expect(rows[0]).toEqual(['Hour', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(rows).toHaveLength(25);
    expect(rows[1]).toEqual(['00:00', '0', '2.4', '4.8', '7.2', '9.6', '12', '14.4']);
    expect(rows[15]).toEqual(['14:00', '1.4', '3.8', '6.2', '8.6', '11', '13.4', '15.8']);
    expect(rows[24]?.[7]).toBe('16.7');
    // Colour by value: none for Monday 00:00, the brightest for Sunday 23:00.
    const cells = heatmap.querySelectorAll('svg rect');
    expect(cells[0]?.getAttribute('fill')).toBe('#16213a');
    expect(cells[7 * 24 - 1]?.getAttribute('fill')).toBe('#ffd23f');
    expect(within(heatmap).getByRole('list', { name: 'Legend' }).textContent).toBe('noneup to 4.24.2–8.48.4–12.512.5–16.7');
  });

  it('sends a range as from and to, and the CSV link follows it; a range the wrong way round is said and not sent', async () => {
    const asked = answerReports(
      fixture.chartsReport({
        from: '2026-11-01',
        to: '2026-11-03',
        revenueByDay: [
          { date: '2026-11-01', grossCents: 10000, refundsCents: 0, netCents: 10000, vehiclesIn: 12 },
          { date: '2026-11-02', grossCents: 2000, refundsCents: 5000, netCents: -3000, vehiclesIn: 4 },
          { date: '2026-11-03', grossCents: 30000, refundsCents: 1000, netCents: 29000, vehiclesIn: 31 },
        ],
      }),
      fixture.dailyReport({ from: '2026-11-01', to: '2026-11-03' }),
    );
    renderWithOutbox(<ReportsScreen />);
    await screen.findByTestId('figure-gross');
    fireEvent.click(screen.getByLabelText('A range of days'));
    fireEvent.input(screen.getByLabelText('First day'), { target: { value: '2026-11-03' } });
    fireEvent.input(screen.getByLabelText('Last day'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The first day is after the last day: swap them.');
    expect(asked.daily).toHaveLength(1);

    fireEvent.input(screen.getByLabelText('First day'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('Last day'), { target: { value: '2026-11-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    await waitFor(() => expect(asked.charts).toHaveLength(2));
    expect(asked.daily[1]?.toString()).toBe('from=2026-11-01&to=2026-11-03');
    expect(asked.charts[1]?.toString()).toBe('from=2026-11-01&to=2026-11-03');
    await waitFor(() => expect(screen.getByTestId('report-period').textContent).toMatch(/^Sun, Nov 1 to Tue, Nov 3/));
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/garages/1/reports/daily?from=2026-11-01&to=2026-11-03&format=csv');
    expect(screen.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe('/api/garages/1/reports/daily?from=2026-11-01&to=2026-11-03&format=pdf');
    expect(screen.getByRole('img', { name: /^Revenue by day, .*: \$420\.00 gross, \$60\.00 refunded, \$360\.00 net; the best day Tue, Nov 3 with \$290\.00 net\.$/ })).toBeTruthy();
    expect(tableOf('chart-revenue')[2]).toEqual(['Mon, Nov 2', '$20.00', '$50.00', '-$30.00', '4']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says why there is no occupancy line for a range over 31 days, and shows the server's refusal in its words", async () => {
    answerReports(fixture.chartsReport({ occupancy: [] }));
    renderWithOutbox(<ReportsScreen />);
    expect(await within(await screen.findByTestId('chart-occupancy')).findByText(/up to 31 days: pick a shorter range/)).toBeTruthy();

    server.use(http.get('/api/garages/1/reports/daily', () => HttpResponse.json(apiError('validation_failed', "2020-01-01 is before this garage's first day, 2026-11-01"), { status: 400 })));
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    expect((await screen.findByRole('alert')).textContent).toBe("2020-01-01 is before this garage's first day, 2026-11-01");
  });

  it('offline, says reports need a connection', async () => {
    server.use(
      http.get('/api/garages/1/reports/daily', () => HttpResponse.error()),
      http.get('/api/garages/1/reports/charts', () => HttpResponse.error()),
    );
    renderWithOutbox(<ReportsScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Reports need a connection/);
  });

  it('has no accessibility violations axe can find', async () => {
    answerReports();
    const { container } = renderWithOutbox(<ReportsScreen />);
    await screen.findByTestId('chart-heatmap');
    await expectAccessible(container);
  });
});
