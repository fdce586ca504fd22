import { useSignal } from '@preact/signals';
import { MovementBody, type MovementKind, type Shift } from '../../../shared/shifts.js';
import { api } from '../lib/api.js';
import { parseDollars } from '../lib/money.js';
import { describeShiftFailure } from '../lib/shift-words.js';

/** What each movement is called on its button and its form. */
export const MOVEMENT_NAMES: Record<MovementKind, string> = { drop: 'Cash drop', payout: 'Payout', float_add: 'Add to float' };

/**
 * The cash that leaves or joins the drawer besides payments: a button per kind, opening a form with
 * the amount (dollars) and what it was for. Sent at once (never queued); the shift after goes to `onSaved`.
 */
export function MovementButtons({ garageId, shift, onSaved }: { garageId: number; shift: Shift; onSaved: (s: Shift, said: string) => void }) {
  const kind = useSignal<MovementKind | null>(null);
  const amount = useSignal('');
  const reason = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function save(event: Event) {
    event.preventDefault();
    if (!kind.value) return;
    const cents = parseDollars(amount.value);
    const checked = MovementBody.safeParse({ kind: kind.value, amountCents: cents ?? -1, reason: reason.value });
    if (cents === null || !checked.success) {
      problem.value = cents === null || cents === 0 ? 'Type the amount in dollars, like 20 or 12.50.' : (checked.error?.issues[0]?.message ?? 'Check the form');
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      const after = await api.addMovement(garageId, shift.id, checked.data);
      onSaved(after, `${MOVEMENT_NAMES[kind.value]} recorded.`);
      kind.value = null;
      amount.value = '';
      reason.value = '';
    } catch (failure) {
      problem.value = describeShiftFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <section aria-labelledby="movements-title">
      <h2 id="movements-title">Cash in and out of the drawer</h2>
      <div class="actions">
        {(Object.keys(MOVEMENT_NAMES) as MovementKind[]).map((k) => (
          <button key={k} type="button" class="button" aria-pressed={kind.value === k} onClick={() => ((kind.value = k), (problem.value = null))}>
            {MOVEMENT_NAMES[k]}
          </button>
        ))}
      </div>
      {kind.value && (
        <form onSubmit={save} noValidate aria-label={MOVEMENT_NAMES[kind.value]}>
          <label for="movement-amount">Amount (dollars)</label>
          <input id="movement-amount" inputMode="decimal" autoComplete="off" value={amount.value} onInput={(e) => (amount.value = e.currentTarget.value)} />
          <label for="movement-reason">What it was for</label>
          <input id="movement-reason" maxLength={200} value={reason.value} onInput={(e) => (reason.value = e.currentTarget.value)} />
          {problem.value && (
            <p class="error" role="alert">
              {problem.value}
            </p>
          )}
          <button type="submit" class="button button-primary" disabled={busy.value}>
            Record {MOVEMENT_NAMES[kind.value].toLowerCase()}
          </button>
          <button type="button" class="button" onClick={() => (kind.value = null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
