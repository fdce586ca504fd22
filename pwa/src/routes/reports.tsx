import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ChartsReport } from '../../../shared/charts.js';
import { localDate } from '../../../shared/garage-day.js';
import type { DailyReport } from '../../../shared/reports.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { FormField } from '../components/form-field.js';
import { NetworkFailure } from '../lib/api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { isOffline } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { readPeriod, type PeriodForm } from '../lib/report-period.js';
import { periodWords } from '../lib/report-words.js';
import { dailyReportCsvPath, dailyReportFilePath, reportsApi, type ReportPeriod } from '../lib/reports-api.js';
import './reports.css';
import { ReportCharts } from './reports-charts.js';
import { ReportFigures } from './reports-figures.js';

const OFFLINE_WORDS = 'Reports need a connection: they are worked out on the server. Try again once the phone is online.';
const MODES = ['day', 'range'] as const;

type Shown = { garageId: number; period: ReportPeriod; daily: DailyReport; charts: ChartsReport };

/**
 * Managers: the figures of a day (today unless picked) or a range of days in the garage's timezone,
 * then revenue by day, cars inside through the day, stay lengths, payment methods and the weekday ×
 * hour heatmap — each chart with its numbers in a table — and the report as a CSV download. Online only.
 */
export function ReportsScreen() {
  const garageId = currentGarageId.value;
  const outbox = useOutbox();
  const offline = isOffline(outbox);
  const tz = garageTimeZone.value;
  const today = localDate(serverNow(), tz);
  const form = useSignal<PeriodForm>({ mode: 'day', day: today, from: today, to: today });
  const shown = useSignal<Shown | null>(null);
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function show(period: ReportPeriod) {
    if (garageId === null) return;
    busy.value = true;
    problem.value = null;
    try {
      const [daily, charts] = await Promise.all([reportsApi.daily(garageId, period), reportsApi.charts(garageId, period)]);
      if (garageId === currentGarageId.value) shown.value = { garageId, period, daily, charts };
    } catch (failure) {
      problem.value = failure instanceof NetworkFailure ? OFFLINE_WORDS : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  useEffect(() => {
    shown.value = null;
    void show({ date: today });
  }, [garageId, tz]);

  function submit(event: Event) {
    event.preventDefault();
    const read = readPeriod(form.value);
    if (!read.ok) problem.value = read.message;
    else void show(read.period);
  }

  const f = form.value;
  const set = (change: Partial<PeriodForm>) => (form.value = { ...form.value, ...change });
  const s = shown.value && shown.value.garageId === garageId ? shown.value : null;
  return (
    <main id="main" class="screen reports">
      <h1>Reports</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      {offline && (
        <p class="note" role="status">
          {OFFLINE_WORDS}
        </p>
      )}
      <form onSubmit={submit} noValidate aria-label="Report period">
        <ChoiceGroup legend="Report for" name="report-mode" options={MODES} value={f.mode} onChange={(mode) => set({ mode })} labelOf={(m) => (m === 'day' ? 'One day' : 'A range of days')} wide />
        {f.mode === 'day' ? (
          <FormField id="report-day" type="date" label="Day" value={f.day} onValue={(day) => set({ day })} />
        ) : (
          <div class="pair">
            <FormField id="report-from" type="date" label="First day" value={f.from} onValue={(from) => set({ from })} />
            <FormField id="report-to" type="date" label="Last day" value={f.to} onValue={(to) => set({ to })} />
          </div>
        )}
        <button type="submit" class="button button-primary" disabled={busy.value}>
          Show report
        </button>
      </form>
      {problem.value && !(offline && problem.value === OFFLINE_WORDS) && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {busy.value && <p role="status">Loading the report…</p>}
      {s && (
        <>
          <p class="report-period" data-testid="report-period">
            <strong>{periodWords(s.daily.from, s.daily.to, garageLocale.value)}</strong> · garage time ({s.daily.timezone})
          </p>
          <a class="button" href={dailyReportCsvPath(s.garageId, s.period)} download>
            Download CSV
          </a>
          {s.daily.days.length <= 31 && (
            <a class="button" href={dailyReportFilePath(s.garageId, s.period, 'pdf')} download>
              Download PDF
            </a>
          )}
          <ReportFigures report={s.daily} timeZone={s.daily.timezone} locale={garageLocale.value} />
          <ReportCharts charts={s.charts} locale={garageLocale.value} />
        </>
      )}
    </main>
  );
}
