import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import { formatCents } from '../../../shared/format.js';
import { localDate } from '../../../shared/garage-day.js';
import type { ValidationsReport } from '../../../shared/validations.js';
import { api, validationsReportPath } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The bill-back: per merchant and code, the exits validated between two of the garage's dates and
 * what they took off (what each merchant is billed), with the same report as a CSV download.
 */
export function ValidationsReportView({ garageId, timeZone, now }: { garageId: number; timeZone: string; now: () => Date }) {
  const today = localDate(now(), timeZone);
  const from = useSignal(`${today.slice(0, 8)}01`);
  const to = useSignal(today);
  const report = useSignal<ValidationsReport | null>(null);
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const datesOk = DATE.test(from.value) && DATE.test(to.value) && from.value <= to.value;

  async function show(event: Event) {
    event.preventDefault();
    if (!datesOk) {
      problem.value = 'Pick a first and a last day, the first not after the last.';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      report.value = await api.validationsReport(garageId, from.value, to.value);
    } catch (failure) {
      problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  const r = report.value;
  return (
    <section aria-labelledby="billback-title">
      <h2 id="billback-title">Bill-back</h2>
      <form onSubmit={show} noValidate>
        <div class="pair">
          <div class="field">
            <label for="billback-from">First day</label>
            <input id="billback-from" type="date" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="billback-to">Last day</label>
            <input id="billback-to" type="date" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="button" disabled={busy.value}>
          Show the bill-back
        </button>
        {datesOk && (
          <a class="button" href={validationsReportPath(garageId, from.value, to.value, { csv: true })} download>
            Download CSV
          </a>
        )}
      </form>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {r && (
        <div data-testid="billback">
          <p class="muted small">
            {r.from === r.to ? r.from : `${r.from} to ${r.to}`} ({r.timezone}): {r.totalUses} validated {r.totalUses === 1 ? 'exit' : 'exits'}, {formatCents(r.totalDiscountCents)} to bill.
          </p>
          {r.merchants.length === 0 && <p>No validated exits in these days.</p>}
          {r.merchants.map((m) => (
            <dl key={m.merchantId} class="breakdown">
              <dt>
                <strong>{m.name}</strong>
                {m.contact ? ` · ${m.contact}` : ''}
              </dt>
              <dd>
                {m.uses} · {formatCents(m.discountCents)}
              </dd>
              {m.codes.map((c) => (
                <Fragment key={c.code}>
                  <dt>{c.code}</dt>
                  <dd>
                    {c.uses} · {formatCents(c.discountCents)}
                  </dd>
                </Fragment>
              ))}
            </dl>
          ))}
        </div>
      )}
    </section>
  );
}
