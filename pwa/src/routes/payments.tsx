import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ResolveDiscardBody, type Discard } from '../../../shared/discards.js';
import { formatCents } from '../../../shared/format.js';
import { api, ApiFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId, garageOnScreen } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { formatDateTime } from '../lib/time.js';

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);
const what = (d: Discard) => d.ticketNumber ?? d.licensePlate ?? `#${d.id}`;

/** One payment to resolve: what was taken, who handed it over and why, and a note to resolve it with. */
function PaymentToResolve({ garageId, discard: d, onGone }: { garageId: number; discard: Discard; onGone: (said: string) => void }) {
  const note = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const id = `note-${d.id}`;

  async function resolve(event: Event) {
    event.preventDefault();
    const checked = ResolveDiscardBody.shape.note.safeParse(note.value);
    if (!checked.success) {
      problem.value = checked.error.issues[0]?.message ?? 'Say what became of it';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      await api.resolveDiscard(garageId, d.id, checked.data);
      onGone(`Resolved: ${what(d)} (${d.amountCents === null ? 'amount unknown' : formatCents(d.amountCents)}).`);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 409) onGone(`${what(d)} was already resolved by another manager.`);
      else problem.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class="payment" data-testid="payment-to-resolve">
      <p class="pay-line">
        <strong>{d.amountCents === null ? 'Amount unknown' : formatCents(d.amountCents)}</strong> · {d.paymentMethod ?? 'no payment'} · {what(d)}
        {d.licensePlate && d.ticketNumber ? ` · ${d.licensePlate}` : ''}
      </p>
      <p class="muted small">
        Out at {when(d.happenedAt)} · handed over by {d.discardedBy.username} at {when(d.discardedAt)}
      </p>
      <p class="small">Server: {d.refusal.message}</p>
      <p class="small">
        {d.discardedBy.username}: “{d.reason}”
      </p>
      <form onSubmit={resolve} noValidate>
        <label for={id}>What became of the money?</label>
        <textarea
          id={id}
          rows={2}
          maxLength={500}
          aria-invalid={problem.value ? 'true' : undefined}
          aria-describedby={problem.value ? `${id}-problem` : undefined}
          value={note.value}
          onInput={(e) => (note.value = e.currentTarget.value)}
        />
        {problem.value && (
          <p id={`${id}-problem`} class="error" role="alert">
            {problem.value}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy.value}>
          Resolve
        </button>
      </form>
    </li>
  );
}

/**
 * Managers: the paid exits attendants handed over after the server refused them (money taken that
 * no ticket shows) in the garage on screen, oldest page last; each resolved with a note saying what
 * became of the money. Loaded only when a manager opens it.
 */
export function PaymentsScreen() {
  const garageId = currentGarageId.value;
  const list = useSignal<Discard[] | null>(null);
  const nextBefore = useSignal<number | null>(null);
  const problem = useSignal<string | null>(null);
  const said = useSignal<string | null>(null);

  async function load(before?: number) {
    if (garageId === null) return;
    problem.value = null;
    try {
      const page = await api.discards(garageId, 'needs_manager', before);
      list.value = [...(before ? (list.value ?? []) : []), ...page.discards];
      nextBefore.value = page.nextBefore;
    } catch (failure) {
      problem.value = describeFailure(failure);
    }
  }

  useEffect(() => {
    list.value = null;
    void load();
  }, [garageId]);

  return (
    <main id="main" class="screen payments">
      <h1>Payments to resolve</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      <p class="muted">Exits where money was taken but the server refused them, handed over by attendants. Say what became of the money.</p>
      {said.value && (
        <p class="ok" role="status">
          {said.value}
        </p>
      )}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {list.value === null ? (
        !problem.value && <p>Loading…</p>
      ) : list.value.length === 0 ? (
        <p>Nothing to resolve: every payment is accounted for.</p>
      ) : (
        <ul class="payments">
          {list.value.map((d) => (
            <PaymentToResolve
              key={d.id}
              garageId={garageOnScreen()}
              discard={d}
              onGone={(text) => {
                said.value = text;
                list.value = (list.value ?? []).filter((x) => x.id !== d.id);
              }}
            />
          ))}
        </ul>
      )}
      {nextBefore.value !== null && (
        <button type="button" class="button" onClick={() => void load(nextBefore.value ?? undefined)}>
          Show older
        </button>
      )}
    </main>
  );
}
