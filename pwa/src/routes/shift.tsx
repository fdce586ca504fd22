import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { hasRole } from '../../../shared/auth.js';
import { formatCents } from '../../../shared/format.js';
import type { Shift } from '../../../shared/shifts.js';
import { api, ApiFailure } from '../lib/api.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { parseDollars } from '../lib/money.js';
import { networkUp } from '../lib/network.js';
import { currentUser } from '../lib/session.js';
import { describeShiftFailure, SHIFT_NEEDS_CONNECTION } from '../lib/shift-words.js';
import { formatTime } from '../lib/time.js';
import { CloseResult, CloseShift } from './shift-close.js';
import { ShiftList } from './shift-list.js';
import { MOVEMENT_NAMES, MovementButtons } from './shift-movement.js';

const time = (at: string) => formatTime(at, garageTimeZone.value, garageLocale.value);

/** Opens a shift with the float in the drawer (typed in dollars). */
function OpenShift({ garageId, onOpened }: { garageId: number; onOpened: (s: Shift) => void }) {
  const float = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function open(event: Event) {
    event.preventDefault();
    const cents = parseDollars(float.value);
    if (cents === null) {
      problem.value = 'Type the float in dollars, like 100 or 150.50 (0 for none).';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      onOpened(await api.openShift(garageId, cents));
    } catch (failure) {
      // Opened on another phone (or a double tap): show that shift rather than a dead end.
      if (failure instanceof ApiFailure && failure.code === 'shift_already_open') {
        try {
          return onOpened(await api.currentShift(garageId));
        } catch (again) {
          problem.value = describeShiftFailure(again);
          return;
        }
      }
      problem.value = describeShiftFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={open} noValidate aria-labelledby="open-title">
      <h2 id="open-title">No shift open</h2>
      <label for="opening-float">Opening float (dollars)</label>
      <input id="opening-float" inputMode="decimal" autoComplete="off" value={float.value} onInput={(e) => (float.value = e.currentTarget.value)} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy.value}>
        Open shift
      </button>
    </form>
  );
}

/** The open shift as its holder sees it: counts, card and mobile totals, movements — never a cash total (blind). */
function ShiftCard({ shift: s }: { shift: Shift }) {
  return (
    <section aria-labelledby="card-title" data-testid="shift-card">
      <h2 id="card-title">Shift open since {time(s.openedAt)}</h2>
      <dl class="figures">
        <div>
          <dt>Opening float</dt>
          <dd>{formatCents(s.openingFloatCents)}</dd>
        </div>
        <div>
          <dt>Cars</dt>
          <dd>
            {s.entries} in · {s.exits} out
          </dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>{formatCents(s.cardCents)}</dd>
        </div>
        <div>
          <dt>Mobile</dt>
          <dd>{formatCents(s.mobileCents)}</dd>
        </div>
        <div>
          <dt>Cash</dt>
          <dd>Counted at the close</dd>
        </div>
      </dl>
      {s.movements.length > 0 && (
        <ul class="movements" aria-label="Movements">
          {s.movements.map((m) => (
            <li key={m.id}>
              {MOVEMENT_NAMES[m.kind]} · {formatCents(m.amountCents)} · {m.reason} · {time(m.at)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The attendant's shift in the garage on screen: open it with a float; while open, its card, cash
 * movements and the blind close; after the close, expected cash and variance. Managers also see the
 * garage's shifts. Needs the network: nothing here is queued.
 */
export function ShiftScreen() {
  const garageId = currentGarageId.value;
  const shift = useSignal<Shift | null | undefined>(undefined);
  const closed = useSignal<Shift | null>(null);
  const closing = useSignal(false);
  const problem = useSignal<string | null>(null);
  const said = useSignal<string | null>(null);
  const manager = hasRole(currentUser.value?.role ?? 'attendant', 'manager');

  useEffect(() => {
    if (garageId === null) return;
    shift.value = undefined;
    closed.value = null;
    problem.value = null;
    api.currentShift(garageId).then(
      (s) => (shift.value = s),
      (failure: unknown) => {
        if (failure instanceof ApiFailure && failure.status === 404) shift.value = null;
        else problem.value = describeShiftFailure(failure);
      },
    );
  }, [garageId]);

  if (garageId === null) return null;
  const s = shift.value;
  return (
    <main id="main" class="screen shift">
      <h1>Shift</h1>
      {!networkUp.value && (
        <p class="warning" role="status">
          {SHIFT_NEEDS_CONNECTION} The phone is offline.
        </p>
      )}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {said.value && (
        <p class="ok" role="status">
          {said.value}
        </p>
      )}
      {closed.value ? (
        <CloseResult shift={closed.value} />
      ) : s === undefined ? (
        !problem.value && <p role="status">Loading your shift…</p>
      ) : s === null ? (
        <OpenShift garageId={garageId} onOpened={(opened) => ((shift.value = opened), (said.value = 'Shift opened.'))} />
      ) : (
        <>
          <ShiftCard shift={s} />
          <MovementButtons garageId={garageId} shift={s} onSaved={(after, text) => ((shift.value = after), (said.value = text))} />
          {closing.value ? (
            <CloseShift garageId={garageId} shift={s} onClosed={(c) => ((closed.value = c), (shift.value = null), (said.value = null))} />
          ) : (
            <button type="button" class="button button-primary" onClick={() => (closing.value = true)}>
              Close shift
            </button>
          )}
        </>
      )}
      {manager && <ShiftList garageId={garageId} />}
    </main>
  );
}
