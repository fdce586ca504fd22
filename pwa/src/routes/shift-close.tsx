import { computed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { formatCents } from '../../../shared/format.js';
import { CloseShiftBody, type Shift } from '../../../shared/shifts.js';
import { api } from '../lib/api.js';
import { countedCents, DENOMINATIONS, readCount, varianceWords } from '../lib/cash-count.js';
import { describeShiftFailure } from '../lib/shift-words.js';

/**
 * The blind close: the attendant counts bills and coins by denomination (the total adds up live),
 * adds a note if they wish and submits; nothing about the expected cash is known to the phone
 * until the server answers the close, which goes to `onClosed`.
 */
export function CloseShift({ garageId, shift, onClosed }: { garageId: number; shift: Shift; onClosed: (closed: Shift) => void }) {
  const texts = useSignal<Record<string, string>>({});
  const note = useSignal('');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);
  const counts = useMemo(() => computed(() => Object.fromEntries(DENOMINATIONS.map((d) => [d.id, readCount(texts.value[d.id] ?? '')]))), []);
  const total = useMemo(() => computed(() => countedCents(Object.fromEntries(Object.entries(counts.value).map(([id, n]) => [id, n ?? 0])))), []);
  const unreadable = DENOMINATIONS.filter((d) => counts.value[d.id] === null);

  async function submit(event: Event) {
    event.preventDefault();
    if (unreadable.length > 0) {
      problem.value = `Type a whole number of ${unreadable.map((d) => d.label).join(', ')}.`;
      return;
    }
    const checked = CloseShiftBody.safeParse({ declaredCashCents: total.value, ...(note.value.trim() ? { note: note.value } : {}) });
    if (!checked.success) {
      problem.value = checked.error.issues[0]?.message ?? 'Check the count';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      onClosed(await api.closeShift(garageId, shift.id, checked.data));
    } catch (failure) {
      problem.value = describeShiftFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="count" onSubmit={submit} noValidate aria-labelledby="count-title">
      <h2 id="count-title">Count the drawer</h2>
      <p class="muted">Count every bill and coin in the drawer. The expected cash is shown after you submit.</p>
      {(['bill', 'coin'] as const).map((kind) => (
        <fieldset key={kind}>
          <legend>{kind === 'bill' ? 'Bills' : 'Coins'}</legend>
          {DENOMINATIONS.filter((d) => d.kind === kind).map((d) => (
            <div class="count-row" key={d.id}>
              <label for={`count-${d.id}`}>{d.label}</label>
              <input
                id={`count-${d.id}`}
                inputMode="numeric"
                autoComplete="off"
                size={5}
                aria-invalid={counts.value[d.id] === null ? 'true' : undefined}
                value={texts.value[d.id] ?? ''}
                onInput={(e) => (texts.value = { ...texts.value, [d.id]: e.currentTarget.value })}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <p class="big-text" aria-live="polite">
        Counted: <output data-testid="counted">{formatCents(total.value)}</output>
      </p>
      <label for="close-note">Note (optional)</label>
      <textarea id="close-note" rows={2} maxLength={500} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy.value}>
        Submit count of {formatCents(total.value)}
      </button>
    </form>
  );
}

/** The close's answer: what was counted, what was expected and the variance in words. */
export function CloseResult({ shift }: { shift: Shift }) {
  const v = shift.varianceCents;
  return (
    <section aria-labelledby="result-title" data-testid="close-result">
      <h2 id="result-title">Shift closed</h2>
      <dl class="figures">
        <div>
          <dt>Counted</dt>
          <dd>{shift.declaredCashCents === null ? 'Not counted' : formatCents(shift.declaredCashCents)}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd>{shift.expectedCashCents === null ? 'Not known' : formatCents(shift.expectedCashCents)}</dd>
        </div>
        <div>
          <dt>Variance</dt>
          <dd data-testid="variance">{v === null ? 'Not known' : varianceWords(v)}</dd>
        </div>
      </dl>
    </section>
  );
}
