import type { JSX } from 'preact';
import { formatCents, formatDuration } from '../../../shared/format.js';
import type { ValidationTerms } from '../../../shared/pricing.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/tickets.js';
import { FeeBreakdownList } from '../components/fee-breakdown.js';
import { serverNow } from '../lib/clock.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import type { ExitQuote } from '../lib/quote.js';
import { balanceWords, ticketKindWords } from '../lib/ticket-kind-words.js';
import { formatDateTime } from '../lib/time.js';
import { ExitValidation } from './exit-validation.js';

/** What can be asked about a parked car from its quote, besides paying. */
export type QuoteAction = 'void' | 'correction' | 'waiver';

type Props = {
  quote: ExitQuote;
  busy: boolean;
  error: JSX.Element | null | false | '';
  onPay: (method: PaymentMethod) => void;
  onBack: () => void;
  /** The driver lost the ticket (or found it again): the quote is priced again. */
  onLostTicket: (lost: boolean) => void;
  onAsk: (action: QuoteAction) => void;
  /** The validation code field: the code as typed, whether the phone is offline, and what to do once the server accepts it. */
  code: { garageId: number | null; typed: string; onType: (typed: string) => void; offline: boolean; onApplied: (terms: ValidationTerms | null) => void };
};

/**
 * The amount due, then one big button per payment method right under it (the next tap, in reach
 * without scrolling), then why the amount is what it is and how sure the phone is of it; then the
 * lost-ticket switch and what else can be asked of the ticket (void, correct, waive the lost-ticket fee).
 */
export function QuoteView({ quote: q, busy, error, onPay, onBack, onLostTicket, onAsk, code }: Props) {
  // A car that came in offline has no ticket on the server yet: nothing to void, correct or waive.
  const known = q.source !== 'offline';
  // A code typed but not applied yet (online): the amount would not be what the exit charges, so payment waits.
  const codePending = !code.offline && code.typed.trim() !== '' && code.typed.trim().toUpperCase() !== (q.validation?.code ?? '');
  const minutesSoFar = q.car ? Math.max(0, Math.floor((serverNow().getTime() - Date.parse(q.car.entryTime)) / 60_000)) : 0;
  const kind = q.car ? ticketKindWords(q.car, { timeZone: garageTimeZone.value, locale: garageLocale.value, now: serverNow() }) : null;
  // A booked car paid its window in advance: the amount due is the balance, and the attendant collects only that.
  const prepaid = q.car?.reservation?.prepaidCents ?? 0;
  return (
    <main id="main" class="screen exit">
      <h1>Amount due</h1>
      <section class="quote" aria-labelledby="due-label">
        <p class="eyebrow">
          {q.ticketNumber}
          {q.car && ` · ${q.car.licensePlate} · ${q.car.vehicleType}`}
          {q.lostTicket && ' · Lost ticket'}
        </p>
        {q.source === 'offline' && <p class="eyebrow">Estimate until synced</p>}
        {q.breakdown ? (
          <p class="big" data-testid="amount-due">
            <span id="due-label" class="visually-hidden">
              {q.source === 'server' ? 'Amount due' : 'Estimated amount due'}
            </span>
            {formatCents(q.breakdown.totalCents)}
          </p>
        ) : (
          <p id="due-label" class="big-text">
            Amount unknown offline
          </p>
        )}
        {prepaid > 0 && q.breakdown && (
          <p class="balance" data-testid="collect">
            {balanceWords(prepaid, q.breakdown.totalCents)}
          </p>
        )}
        {kind && (
          <p class="kind-line" data-testid="ticket-kind">
            {kind}
          </p>
        )}
        {q.car && (
          <p class="muted small">
            In at {formatDateTime(q.car.entryTime, garageTimeZone.value, garageLocale.value)} · {formatDuration(minutesSoFar)} so far
          </p>
        )}
      </section>
      {error}
      {code.garageId !== null && (
        <ExitValidation garageId={code.garageId} quote={q} typed={code.typed} onType={code.onType} offline={code.offline} busy={busy} onApplied={code.onApplied} />
      )}
      <fieldset class="pay next-action" disabled={busy || codePending} aria-describedby={codePending ? 'code-pending' : undefined}>
        <legend>Payment method</legend>
        {codePending && (
          <p id="code-pending" class="note">
            Apply the validation code, or remove it, before taking payment.
          </p>
        )}
        {PAYMENT_METHODS.map((m) => (
          <button key={m} type="button" class="button button-pay" onClick={() => onPay(m)}>
            {m}
          </button>
        ))}
      </fieldset>
      {q.breakdown && <FeeBreakdownList fee={q.breakdown} label={q.source === 'server' ? 'Due now' : 'Estimate'} />}
      {q.lostTicket && !q.breakdown && q.car && (
        <p class="note" role="status">
          This phone has not seen the garage's lost-ticket rule yet: the server works out the lost-ticket price when the exit is sent.
        </p>
      )}
      {q.source === 'phone' && (
        <p class="note" role="status">
          Offline: estimated from this phone's copy of the ticket, with the tariff it came in on. The server works out the final amount when the exit syncs.
        </p>
      )}
      {q.source === 'offline' && (
        <p class="note" role="status">
          This car came in offline: the server has no ticket for it yet. The amount is an estimate from the garage's tariff as this phone last
          saw it. The entry is sent first, then this exit with the ticket number the server gives; the receipt then shows the final amount.
        </p>
      )}
      {q.source === 'none' && (
        <p class="note" role="status">
          Offline, and this ticket is not on this phone. You can record the exit now; the server works out the amount when the phone reconnects.
        </p>
      )}
      <section class="ticket-actions" aria-labelledby="more-title">
        <h2 id="more-title">Something wrong?</h2>
        <div class="check">
          <input id="lost-ticket" type="checkbox" checked={q.lostTicket === true} disabled={busy} onChange={(e) => onLostTicket(e.currentTarget.checked)} />
          <label for="lost-ticket">Lost ticket (the garage's lost-ticket price)</label>
        </div>
        {known && q.lostTicket && (
          <button type="button" class="button" disabled={busy} onClick={() => onAsk('waiver')}>
            Waive the lost-ticket fee…
          </button>
        )}
        {known && (
          <>
            <button type="button" class="button" disabled={busy} onClick={() => onAsk('correction')}>
              Correct plate or vehicle…
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => onAsk('void')}>
              Void this ticket…
            </button>
          </>
        )}
      </section>
      <button type="button" class="button" onClick={onBack}>
        Back
      </button>
    </main>
  );
}
