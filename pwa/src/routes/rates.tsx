import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { RatePlan } from '../../../shared/rate-plan.js';
import { api, ApiFailure } from '../lib/api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale } from '../lib/garage.js';
import { inputIdOf, readPlanForm, refusedPlanFields, toPlanForm, type PlanForm, type PlanIssues } from '../lib/rate-plan-form.js';
import type { SaveMessage } from '../lib/edit-form.js';
import { formatDateTime } from '../lib/time.js';
import { BandRows, EventRows, PlanField, SpecialRows, VehicleRateFields } from './rates-rows.js';
import { RatesPreview } from './rates-preview.js';

/** Which version is in force, and who saved it when. */
function InForce({ plan }: { plan: RatePlan }) {
  if (plan.version === 0 || !plan.createdAt) {
    return <p class="muted" data-testid="plan-version">In force: the garage's plain tariff (no rate plan saved yet).</p>;
  }
  return (
    <p class="muted" data-testid="plan-version">
      In force: version {plan.version}, saved by {plan.createdBy ?? 'someone'} on {formatDateTime(plan.createdAt, plan.timezone, garageLocale.value)}.
    </p>
  );
}

/**
 * Managers: the garage's rate plan as a form — the default and per-vehicle hourly rates, grace, daily
 * maximum, time bands, specials and events — with a live price preview of the draft, and Save (a new
 * version: cars already inside keep the one they came in under).
 */
export function RatesScreen() {
  const garageId = currentGarageId.value;
  const plan = useSignal<RatePlan | null>(null);
  const form = useSignal<PlanForm | null>(null);
  const issues = useSignal<PlanIssues>({});
  const message = useSignal<SaveMessage | null>(null);
  const loadProblem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const formRef = useRef<HTMLFormElement>(null);
  const timeZone = plan.value?.timezone ?? 'UTC';
  const read = useComputed(() => (form.value ? readPlanForm(form.value, plan.value?.timezone ?? 'UTC') : null));

  useEffect(() => {
    if (garageId === null) return;
    loadProblem.value = null;
    plan.value = null;
    form.value = null;
    api.ratePlan(garageId).then(
      (p) => {
        if (garageId !== currentGarageId.value) return;
        plan.value = p;
        form.value = toPlanForm(p, p.timezone);
      },
      (failure: unknown) => (loadProblem.value = describeFailure(failure)),
    );
  }, [garageId]);

  /** Marks what is wrong and puts the focus on the first marked field. */
  function mark(found: PlanIssues) {
    issues.value = found;
    const ids = new Set(Object.keys(found).map(inputIdOf));
    [...(formRef.current?.querySelectorAll('input') ?? [])].find((input) => ids.has(input.id))?.focus();
  }

  async function save(event: Event) {
    event.preventDefault();
    const result = read.value;
    if (garageId === null || !result) return;
    message.value = null;
    if ('issues' in result) {
      message.value = { kind: 'error', text: 'Nothing was saved; your changes are still in the form. Fix the fields marked above.' };
      mark(result.issues);
      return;
    }
    issues.value = {};
    busy.value = true;
    try {
      const saved = await api.saveRatePlan(garageId, result.body);
      plan.value = saved;
      form.value = toPlanForm(saved, saved.timezone);
      message.value = { kind: 'ok', text: `Saved as version ${saved.version}. It prices cars coming in from now on; cars already inside keep the version they came in under.` };
    } catch (failure) {
      const refused = failure instanceof ApiFailure && failure.code === 'validation_failed' ? refusedPlanFields(failure.details) : {};
      const marked = Object.keys(refused).length > 0;
      message.value = {
        kind: 'error',
        text: `${marked ? 'The server refused the fields marked above.' : describeFailure(failure)} Nothing was saved; your changes are still in the form.`,
      };
      if (marked) mark(refused);
    } finally {
      busy.value = false;
    }
  }

  const f = form.value;
  const set = (patch: Partial<PlanForm>) => f && (form.value = { ...f, ...patch });
  const r = read.value;
  const draftProblem = r && 'issues' in r ? `The preview waits for the form: ${Object.values(r.issues)[0] ?? 'a field needs fixing'}` : null;

  return (
    <main id="main" class="screen rates">
      <h1>Rates</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      {loadProblem.value && (
        <p class="error" role="alert">
          {loadProblem.value}
        </p>
      )}
      {plan.value && <InForce plan={plan.value} />}
      {f && garageId !== null ? (
        <>
          <form ref={formRef} onSubmit={save} noValidate>
            <PlanField path="hourlyRate" label="Default hourly rate ($)" hint="Per started hour, for every vehicle without its own rate" inputMode="decimal" value={f.hourlyRate} onValue={(hourlyRate) => set({ hourlyRate })} issues={issues.value} />
            <h2>Rates by vehicle type</h2>
            <p class="muted small">Empty: the hourly rate above.</p>
            <VehicleRateFields path="vehicleRates" rates={f.vehicleRates} onRates={(vehicleRates) => set({ vehicleRates })} issues={issues.value} of="default" />
            <div class="pair">
              <PlanField path="graceMinutes" label="Grace (minutes)" hint="A stay this short is free" inputMode="numeric" value={f.graceMinutes} onValue={(graceMinutes) => set({ graceMinutes })} issues={issues.value} />
              <PlanField path="dailyMaxCents" label="Daily maximum ($)" hint="Per 24 h from entry; empty: none" inputMode="decimal" value={f.dailyMax} onValue={(dailyMax) => set({ dailyMax })} issues={issues.value} />
            </div>
            <BandRows rows={f.bands} onRows={(bands) => set({ bands })} issues={issues.value} />
            <SpecialRows rows={f.specials} onRows={(specials) => set({ specials })} issues={issues.value} />
            <EventRows rows={f.events} onRows={(events) => set({ events })} issues={issues.value} timeZone={timeZone} now={serverNow} />
            <div class="next-action">
              <button type="submit" class="button button-primary" disabled={busy.value}>
                {busy.value ? 'Saving…' : 'Save as a new version'}
              </button>
            </div>
            {message.value && (
              <p class={`said ${message.value.kind === 'error' ? 'error' : 'ok'}`} role={message.value.kind === 'error' ? 'alert' : 'status'}>
                {message.value.text}
              </p>
            )}
          </form>
          <RatesPreview garageId={garageId} draft={r && 'body' in r ? r.body : null} problem={draftProblem} timeZone={timeZone} now={serverNow} />
        </>
      ) : (
        !loadProblem.value && <p role="status">Loading the rate plan…</p>
      )}
    </main>
  );
}
