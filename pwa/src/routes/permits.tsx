import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Permit, PermitUpdate } from '../../../shared/permits.js';
import { FormField } from '../components/form-field.js';
import { bookingsApi as api, permitsCsvPath } from '../lib/bookings-api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { endOfDay, isDay, lastDay, nextMonth } from '../lib/permit-dates.js';
import { formatDate } from '../lib/time.js';
import { PermitForm, PermitImport } from './permit-forms.js';
import { ConfirmStep } from '../components/confirm-step.js';

/** A permit's standing in words: active (or not yet, or expired), suspended, cancelled. */
export function permitState(p: Permit, now: Date, day: (at: string) => string): string {
  if (p.status === 'suspended') return 'Suspended';
  if (p.status === 'cancelled') return 'Cancelled';
  if (now.getTime() < Date.parse(p.validFrom)) return `Active from ${day(p.validFrom)}`;
  if (now.getTime() >= Date.parse(p.validTo)) return 'Expired';
  return 'Active';
}

type Asking = null | 'renew' | 'cancel';

/** One permit: holder, plates, validity, standing, its car inside now; renew, suspend or reactivate, cancel. */
function PermitRow({ garageId, p, onChanged }: { garageId: number; p: Permit; onChanged: (p: Permit) => void }) {
  const tz = garageTimeZone.value;
  const day = (at: string) => formatDate(at, tz, garageLocale.value, { withYear: true });
  const last = lastDay(p.validTo, tz);
  const asking = useSignal<Asking>(null);
  const renewTo = useSignal(nextMonth(last));
  const renewIssue = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const problem = useSignal<string | null>(null);

  async function change(update: PermitUpdate) {
    busy.value = true;
    problem.value = null;
    try {
      onChanged(await api.updatePermit(garageId, p.id, update));
      asking.value = null;
    } catch (failure) {
      problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  function renew(event: Event) {
    event.preventDefault();
    renewIssue.value = isDay(renewTo.value) ? undefined : 'Pick the new last day';
    if (isDay(renewTo.value)) void change({ validTo: endOfDay(renewTo.value, tz) });
  }

  return (
    <li class="payment" data-testid={`permit-${p.id}`}>
      <p>
        <strong>{p.holder}</strong> · {permitState(p, serverNow(), day)}
      </p>
      <p class="plate">{p.plates.join(', ')}</p>
      <p class="muted small">
        {day(p.validFrom)} – {day(new Date(Date.parse(p.validTo) - 1).toISOString())}
        {p.note && ` · ${p.note}`}
      </p>
      {p.inside && <p class="ok">Inside now: {p.inside}</p>}
      {p.status !== 'cancelled' && asking.value === null && (
        <div class="row">
          <button type="button" class="button" disabled={busy.value} onClick={() => {
              renewTo.value = nextMonth(last);
              asking.value = 'renew';
            }}>
            Renew…
          </button>
          <button type="button" class="button" disabled={busy.value} onClick={() => void change({ status: p.status === 'suspended' ? 'active' : 'suspended' })}>
            {p.status === 'suspended' ? 'Reactivate' : 'Suspend'}
          </button>
          <button type="button" class="button" disabled={busy.value} onClick={() => (asking.value = 'cancel')}>
            Cancel…
          </button>
        </div>
      )}
      {asking.value === 'renew' && (
        <form onSubmit={renew} noValidate aria-label={`Renew the permit of ${p.holder}`}>
          <FormField id={`renew-${p.id}`} label="New last day" type="date" issue={renewIssue.value} hint={`Now until ${day(new Date(Date.parse(p.validTo) - 1).toISOString())}`} value={renewTo.value} onValue={(v) => (renewTo.value = v)} />
          <div class="row">
            <button type="submit" class="button button-primary" disabled={busy.value}>
              Renew
            </button>
            <button type="button" class="button" onClick={() => (asking.value = null)}>
              Back
            </button>
          </div>
        </form>
      )}
      {asking.value === 'cancel' && (
        <ConfirmStep
          label={`Cancel the permit of ${p.holder}?`}
          question={`Cancel the permit of ${p.holder} for good? Its plates pay the regular rate from now on.`}
          yes="Yes, cancel it"
          keep="Keep it"
          busy={busy.value}
          onYes={() => void change({ status: 'cancelled' })}
          onKeep={() => (asking.value = null)}
        />
      )}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
    </li>
  );
}

/**
 * Managers: the garage's monthly parkers (holder, plates, validity, standing, the car inside now),
 * adding one, importing many from a CSV and exporting them as one, renewing, suspending, cancelling.
 */
export function PermitsScreen() {
  const garageId = currentGarageId.value;
  const permits = useSignal<Permit[] | null>(null);
  const problem = useSignal<string | null>(null);

  useEffect(() => {
    if (garageId === null) return;
    let alive = true;
    permits.value = null;
    problem.value = null;
    api.permits(garageId).then(
      (list) => alive && (permits.value = list),
      (failure: unknown) => alive && (problem.value = describeFailure(failure)),
    );
    return () => {
      alive = false;
    };
  }, [garageId]);

  const byHolder = (list: Permit[]) => [...list].sort((a, b) => a.holder.localeCompare(b.holder) || a.id - b.id);
  const upsert = (changed: Permit[]) => {
    const ids = new Set(changed.map((p) => p.id));
    permits.value = byHolder([...(permits.value ?? []).filter((p) => !ids.has(p.id)), ...changed]);
  };

  return (
    <main id="main" class="screen permits">
      <h1>Monthly parkers</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      <p class="muted small">A permit's plates come in free while it is valid (one car at a time); Settings says how many spaces are held back for them.</p>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {garageId !== null && permits.value ? (
        <>
          <section aria-labelledby="permits-title">
            <h2 id="permits-title">Permits</h2>
            {permits.value.length === 0 ? (
              <p class="muted">No permits yet: add one or import a CSV below.</p>
            ) : (
              <ul class="payments">
                {permits.value.map((p) => (
                  <PermitRow key={p.id} garageId={garageId} p={p} onChanged={(after) => upsert([after])} />
                ))}
              </ul>
            )}
            <a class="button" href={permitsCsvPath(garageId)} download>
              Export CSV
            </a>
          </section>
          <PermitForm garageId={garageId} timeZone={garageTimeZone.value} now={serverNow} onAdded={(p) => upsert([p])} />
          <PermitImport garageId={garageId} onImported={upsert} />
        </>
      ) : (
        !problem.value && <p role="status">Loading the permits…</p>
      )}
    </main>
  );
}
