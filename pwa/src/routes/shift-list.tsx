import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { ReconcileBody, type Shift } from '../../../shared/shifts.js';
import { api } from '../lib/api.js';
import { varianceWords } from '../lib/cash-count.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { describeFailure } from '../lib/failure-text.js';
import { describeShiftFailure } from '../lib/shift-words.js';
import { formatDateTime } from '../lib/time.js';

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);
const STATUS_WORDS: Record<Shift['status'], string> = { open: 'Open', closed: 'Closed', unclosed: 'Left open (closed by the server)' };

/** One ended shift's Reconcile: a note saying what was found. */
function Reconcile({ garageId, shift, onDone }: { garageId: number; shift: Shift; onDone: (s: Shift) => void }) {
  const note = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const id = `reconcile-${shift.id}`;

  async function save(event: Event) {
    event.preventDefault();
    const checked = ReconcileBody.shape.note.safeParse(note.value);
    if (!checked.success) {
      problem.value = checked.error.issues[0]?.message ?? 'Say what was found';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      onDone(await api.reconcileShift(garageId, shift.id, checked.data));
    } catch (failure) {
      problem.value = describeShiftFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <label for={id}>What was found ({shift.username}'s shift)</label>
      <textarea id={id} rows={2} maxLength={500} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <button type="submit" class="button" disabled={busy.value}>
        Reconcile
      </button>
    </form>
  );
}

/**
 * Managers: the garage's shifts, newest first, with each ended one's variance and its reconcile; a
 * page at a time, "Show older" asking for the next one (the API's `before` cursor).
 */
export function ShiftList({ garageId }: { garageId: number }) {
  const shifts = useSignal<Shift[] | null>(null);
  const problem = useSignal<string | null>(null);
  const nextBefore = useSignal<number | null>(null);
  const loadingOlder = useSignal(false);
  const listed = useRef(garageId);

  useEffect(() => {
    let alive = true;
    listed.current = garageId;
    shifts.value = null;
    problem.value = null;
    nextBefore.value = null;
    api.shifts(garageId).then(
      (page) => alive && ((shifts.value = page.shifts), (nextBefore.value = page.nextBefore)),
      (failure: unknown) => alive && (problem.value = describeShiftFailure(failure)),
    );
    return () => {
      alive = false;
    };
  }, [garageId]);

  async function showOlder() {
    const before = nextBefore.value;
    if (before === null) return;
    loadingOlder.value = true;
    problem.value = null;
    try {
      const page = await api.shifts(garageId, undefined, before);
      if (listed.current !== garageId) return; // another garage was picked meanwhile
      const shown = new Set((shifts.value ?? []).map((s) => s.id));
      shifts.value = [...(shifts.value ?? []), ...page.shifts.filter((s) => !shown.has(s.id))];
      nextBefore.value = page.nextBefore;
    } catch (failure) {
      problem.value = `Older shifts could not be loaded: ${describeFailure(failure)}`;
    } finally {
      loadingOlder.value = false;
    }
  }

  return (
    <section aria-labelledby="shifts-title">
      <h2 id="shifts-title">The garage's shifts</h2>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {shifts.value === null ? (
        !problem.value && <p>Loading…</p>
      ) : shifts.value.length === 0 ? (
        <p>No shifts yet.</p>
      ) : (
        <ul class="shifts">
          {shifts.value.map((s) => (
            <li key={s.id} data-testid="shift-row">
              <p>
                <strong>{s.username}</strong> · {STATUS_WORDS[s.status]} · from {when(s.openedAt)}
                {s.closedAt && ` to ${when(s.closedAt)}`}
              </p>
              {s.status !== 'open' && <p>{s.varianceCents === null ? 'Variance not known' : varianceWords(s.varianceCents)}</p>}
              {s.reconciled ? (
                <p class="muted small">
                  Reconciled by {s.reconciled.by}: “{s.reconciled.note}”
                </p>
              ) : (
                s.status !== 'open' && <Reconcile garageId={garageId} shift={s} onDone={(after) => (shifts.value = (shifts.value ?? []).map((x) => (x.id === after.id ? after : x)))} />
              )}
            </li>
          ))}
        </ul>
      )}
      {nextBefore.value !== null && (
        <button type="button" class="button" disabled={loadingOlder.value} onClick={() => void showOlder()}>
          {loadingOlder.value ? 'Loading older shifts…' : 'Show older'}
        </button>
      )}
    </section>
  );
}
