import type { ChartsReport } from '../../../shared/charts.js';
import { MAX_OCCUPANCY_DAYS } from '../../../shared/charts.js';
import { formatCents } from '../../../shared/format.js';
import { localDateTime, localTime, wallClock } from '../../../shared/garage-day.js';
import { AreaChart } from '../components/area-chart.js';
import { BarChart, ColumnChart } from '../components/bar-charts.js';
import { ChartFigure } from '../components/chart-figure.js';
import { HeatmapChart } from '../components/heatmap-chart.js';
import { axisDollars, carsAverage, labelEvery } from '../lib/chart-scale.js';
import { dayWords, hourName, periodWords, WEEKDAYS } from '../lib/report-words.js';

type Props = { charts: ChartsReport; locale: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Revenue by day: net from the zero line, refunds stacked on it (together the gross). */
function RevenueChart({ charts, locale }: Props) {
  const days = charts.revenueByDay;
  const sum = (pick: (d: (typeof days)[number]) => number) => days.reduce((s, d) => s + pick(d), 0);
  const best = days.reduce<(typeof days)[number] | null>((b, d) => (b === null || d.netCents > b.netCents ? d : b), null);
  const label =
    `Revenue by day, ${periodWords(charts.from, charts.to, locale)}: ${formatCents(sum((d) => d.grossCents))} gross, ${formatCents(sum((d) => d.refundsCents))} refunded, ${formatCents(sum((d) => d.netCents))} net` +
    (days.length > 1 && best ? `; the best day ${dayWords(best.date, locale)} with ${formatCents(best.netCents)} net.` : '.');
  return (
    <ChartFigure
      id="chart-revenue"
      title="Revenue by day"
      note="Yellow: net. Pink, on top: refunds. Together: the gross."
      table={{ head: ['Day', 'Gross', 'Refunds', 'Net', 'Cars in'], rows: days.map((d) => [dayWords(d.date, locale), formatCents(d.grossCents), formatCents(d.refundsCents), formatCents(d.netCents), String(d.vehiclesIn)]) }}
    >
      <ColumnChart
        label={label}
        columns={days.map((d) => ({ label: dayWords(d.date, locale, { short: true }), value: d.netCents, stacked: d.refundsCents }))}
        axis={axisDollars}
        every={labelEvery(days.length, 6)}
      />
    </ChartFigure>
  );
}

/** Cars inside at the start of each hour of the period (up to 31 days). */
function OccupancyChart({ charts, locale }: Props) {
  const points = charts.occupancy;
  const tz = charts.timezone;
  if (points.length === 0) {
    return (
      <section class="chart" aria-labelledby="chart-occupancy-title" data-testid="chart-occupancy">
        <h3 id="chart-occupancy-title">Cars inside through the day</h3>
        <p class="muted">Drawn hour by hour for periods of up to {MAX_OCCUPANCY_DAYS} days: pick a shorter range to see it.</p>
      </section>
    );
  }
  const oneDay = charts.from === charts.to;
  const hourWords = (at: string) => (oneDay ? localTime(new Date(at), tz) : localDateTime(new Date(at), tz));
  const values = points.map((p) => p.occupied);
  const most = points.reduce((m, p) => (p.occupied > m.occupied ? p : m));
  const fewest = Math.min(...values);
  const midnights = points.map((p, index) => ({ index, w: wallClock(new Date(p.at), tz) })).filter((p) => p.w.hour === 0);
  const every = labelEvery(midnights.length, 5);
  const ticks = oneDay
    ? points.map((p, index) => ({ index, hour: wallClock(new Date(p.at), tz).hour })).filter((p) => p.hour % 6 === 0).map((p) => ({ index: p.index, text: hourName(p.hour) }))
    : midnights.filter((_, i) => i % every === 0).map((p) => ({ index: p.index, text: `${p.w.month}/${p.w.day}` }));
  return (
    <ChartFigure
      id="chart-occupancy"
      title="Cars inside through the day"
      note={`Cars inside at the start of each hour, garage time (${tz}).`}
      table={{ head: ['Hour', 'Cars inside'], rows: points.map((p) => [hourWords(p.at), String(p.occupied)]) }}
    >
      <AreaChart label={`Cars inside hour by hour, ${periodWords(charts.from, charts.to, locale)}: at most ${most.occupied} (at ${hourWords(most.at)}), at least ${fewest}.`} values={values} ticks={ticks} />
    </ChartFigure>
  );
}

/** Paid exits by length of stay. */
function StayChart({ charts }: Props) {
  const rows = charts.stayLengths;
  return (
    <ChartFigure id="chart-stays" title="Length of stay" table={{ head: ['Stay', 'Paid exits'], rows: rows.map((s) => [s.label, String(s.count)]) }}>
      <BarChart
        label={`Paid exits by length of stay: ${rows.map((s) => `${s.label}, ${s.count}`).join('; ')}.`}
        bars={rows.map((s) => ({ label: s.label, value: s.count, text: String(s.count) }))}
      />
    </ChartFigure>
  );
}

/** Paid exits and money by payment method. */
function MethodsChart({ charts }: Props) {
  const rows = charts.paymentMethods;
  return (
    <ChartFigure
      id="chart-methods"
      title="Payment methods"
      note="Amount taken, and in brackets the number of paid exits."
      table={{ head: ['Method', 'Paid exits', 'Amount'], rows: rows.map((m) => [m.method, String(m.count), formatCents(m.cents)]) }}
    >
      <BarChart
        label={`Money by payment method: ${rows.map((m) => `${m.method}, ${plural(m.count, 'exit', 'exits')}, ${formatCents(m.cents)}`).join('; ')}.`}
        bars={rows.map((m) => ({ label: m.method, value: m.cents, text: `${formatCents(m.cents)} (${m.count})` }))}
      />
    </ChartFigure>
  );
}

/** Average cars inside by weekday (Monday first) and hour over the 8 weeks ending on the period's last day. */
function HeatmapFigure({ charts, locale }: Props) {
  const { cells, from, to } = charts.heatmap;
  let busiest = { day: 0, hour: 0, value: -1 };
  cells.forEach((row, day) => row.forEach((value, hour) => value > busiest.value && (busiest = { day, hour, value })));
  const label =
    busiest.value > 0
      ? `Average cars inside by weekday and hour, ${periodWords(from, to, locale)}: busiest ${WEEKDAYS[busiest.day]} at ${hourName(busiest.hour)} with ${carsAverage(busiest.value)} cars on average.`
      : `Average cars inside by weekday and hour, ${periodWords(from, to, locale)}: no cars inside.`;
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <ChartFigure
      id="chart-heatmap"
      title="Busy hours: weekday × hour"
      note={`Average cars inside at the start of each hour, ${periodWords(from, to, locale)} (8 weeks), garage time.`}
      table={{ head: ['Hour', ...WEEKDAYS], rows: hours.map((h) => [hourName(h), ...WEEKDAYS.map((_, d) => carsAverage(cells[d]?.[h] ?? 0))]) }}
    >
      <HeatmapChart label={label} cells={cells} rowNames={WEEKDAYS} columnName={(h) => String(h)} />
    </ChartFigure>
  );
}

/** A report's five charts, each with its numbers in a table. */
export function ReportCharts(props: Props) {
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      <RevenueChart {...props} />
      <OccupancyChart {...props} />
      <StayChart {...props} />
      <MethodsChart {...props} />
      <HeatmapFigure {...props} />
    </section>
  );
}
