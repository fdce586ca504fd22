import { useSignal } from '@preact/signals';
import { REFUND_REASONS, RefundBody, type RefundReason } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import { PAYMENT_METHODS, type PaymentMethod, type Ticket } from '../../../shared/tickets.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { centsToInput, parseDollars } from '../lib/money.js';
import { reasonWords } from '../lib/request-words.js';
import { NoteField, useRequestSend } from './request-form.js';
import { RefusalText } from '../components/refusal-text.js';

/** What is left to refund on a paid ticket: what it paid less what was given back already. */
export const refundableCents = (t: Pick<Ticket, 'amountPaid' | 'refundedCents'>) => Math.max(0, (t.amountPaid ?? 0) - t.refundedCents);

type Props = { action: { kind: 'refund'; ticket: Ticket }; onDone: (key: string) => void; onCancel: () => void };

/**
 * Refund on a paid ticket: the amount prefilled with what is left to refund (editable), the reason
 * buttons, a note (required for Other), and how the money goes back (the ticket's method unless
 * changed). More than is left is refused on the phone, and by the server when another refund got
 * there first.
 */
export function RefundForm({ action, onDone, onCancel }: Props) {
  const t = action.ticket;
  const left = refundableCents(t);
  const amount = useSignal(centsToInput(left));
  const reason = useSignal<RefundReason | null>(null);
  const note = useSignal('');
  const method = useSignal<PaymentMethod>(t.paymentMethod ?? 'Cash');
  const amountProblem = useSignal<string | null>(null);
  const noteProblem = useSignal<string | null>(null);
  const { problem, problemCode, busy, send } = useRequestSend(onDone);
  const limit = `At most ${formatCents(left)} can be refunded on this ticket (paid ${formatCents(t.amountPaid ?? 0)}${t.refundedCents > 0 ? `, ${formatCents(t.refundedCents)} refunded already` : ''}).`;

  function submit(event: Event) {
    event.preventDefault();
    amountProblem.value = null;
    noteProblem.value = null;
    problem.value = null;
    const cents = parseDollars(amount.value);
    if (cents === null || cents < 1) {
      amountProblem.value = 'Enter the amount in dollars, e.g. 5 or 12.50 (at least $0.01).';
      return;
    }
    if (cents > left) {
      amountProblem.value = limit;
      return;
    }
    if (!reason.value) {
      problem.value = 'Pick a reason first.';
      return;
    }
    const checked = RefundBody.safeParse({ amountCents: cents, reason: reason.value, method: method.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
    if (!checked.success) {
      noteProblem.value = checked.error.issues[0]?.message ?? 'Say in a few words why';
      return;
    }
    void send({ kind: 'refund', ticketNumber: t.ticketNumber, licensePlate: t.licensePlate, body: checked.data });
  }

  return (
    <form onSubmit={submit} noValidate class="request-form">
      <h1>Refund {t.ticketNumber}</h1>
      <p class="muted">
        {t.licensePlate} · paid {formatCents(t.amountPaid ?? 0)} {t.paymentMethod}
        {t.refundedCents > 0 && ` · refunded ${formatCents(t.refundedCents)}`}
      </p>
      <div class="field">
        <label for="refund-amount">Amount to give back ($)</label>
        <input
          id="refund-amount"
          inputMode="decimal"
          autocomplete="off"
          maxLength={16}
          aria-invalid={amountProblem.value ? 'true' : undefined}
          aria-describedby="refund-amount-hint"
          value={amount.value}
          onInput={(e) => (amount.value = e.currentTarget.value)}
        />
        <p id="refund-amount-hint" class={amountProblem.value ? 'error' : 'muted small'}>
          {amountProblem.value ?? limit}
        </p>
      </div>
      <ChoiceGroup
        legend="Why give it back?"
        name="refund-reason"
        options={REFUND_REASONS}
        value={reason.value}
        onChange={(r) => {
          reason.value = r;
          problem.value = null;
        }}
        labelOf={reasonWords}
        wide
      />
      {reason.value && <NoteField id="refund-note" required={reason.value === 'other'} value={note.value} onValue={(v) => (note.value = v)} problem={noteProblem.value} />}
      <ChoiceGroup legend="Give it back by" name="refund-method" options={PAYMENT_METHODS} value={method.value} onChange={(m) => (method.value = m)} />
      {problem.value && <RefusalText failure={problemCode.value ? { text: problem.value, code: problemCode.value } : problem.value} />}
      <p class="muted small">A manager may have to approve: give the money back once this says it is done or approved.</p>
      <button type="submit" class="button button-primary" disabled={busy.value}>
        Refund
      </button>
      <button type="button" class="button" onClick={onCancel}>
        Back
      </button>
    </form>
  );
}
