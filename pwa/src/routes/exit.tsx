import { signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { parseTicketNumber } from '../../../shared/ticket-number.js';
import type { PaymentMethod } from '../../../shared/tickets.js';
import { CodeInput } from '../components/code-input.js';
import { OfflineCars } from '../components/offline-cars.js';
import { serverNow } from '../lib/clock.js';
import { findOfflineCar, findTicket, type Found } from '../lib/exit-lookup.js';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTariff, garageTimeZone } from '../lib/garage.js';
import { parseProvisionalRef } from '../lib/offline-exit.js';
import { useOutbox } from '../lib/outbox.js';
import type { ExitQuote } from '../lib/quote.js';
import { currentStep, leaveStep, pushStep, replaceStep, whenTabTapped } from '../lib/router.js';
import { LostTicketSearch } from './exit-lost-ticket.js';
import { QuoteView } from './exit-quote.js';
import { Receipt } from './receipt.js';

const Scanner = lazy(() => import('./exit-scanner.js').then((m) => m.Scanner));

/** True where the browser can read QR codes from the camera. */
const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

/** The longest ticket number or OFF- reference as a person may type it (with spaces). */
const TICKET_FIELD_MAX = 16;

/**
 * What Car out is doing, kept outside the screen so it survives a sign-in in between: a session
 * that ends as a payment is tapped comes back, after signing in again, to that receipt. Which of
 * lookup, "Amount due" and receipt is on screen is the history step, so Back leaves a step.
 */
const number = signal('');
const quote = signal<ExitQuote | null>(null);
const paidKey = signal<string | null>(null);

function startOver() {
  quote.value = null;
  paidKey.value = null;
  number.value = '';
}
whenTabTapped('/exit', startOver);

/** A car leaves: find the ticket (typed, scanned or by plate) -> amount due -> payment -> receipt. */
export function ExitScreen() {
  const outbox = useOutbox();
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const scanning = useSignal(false);
  const ticketField = useRef<HTMLInputElement>(null);
  const paid = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === paidKey.value);
    return item?.kind === 'exit' ? item : null;
  });
  const step = currentStep.value;
  const view = step === 'receipt' && paid.value ? 'receipt' : step === 'quote' && quote.value ? 'quote' : 'lookup';
  // The lookup opens ready for the number: exit is the number and two taps.
  useEffect(() => {
    if (view === 'lookup') ticketField.current?.focus();
  }, [view]);

  function show(found: Found) {
    if (found.found === 'quote') {
      quote.value = found.quote;
      pushStep('quote');
    } else error.value = found.message;
  }

  async function lookUp(ticketNumber: string) {
    const garageId = currentGarageId.value;
    if (garageId === null) return;
    busy.value = true;
    error.value = null;
    try {
      const found = await findTicket(ticketNumber, { garageId, tickets: outbox.tickets, now: serverNow, timeZone: garageTimeZone.value, locale: garageLocale.value });
      // Another garage was picked meanwhile: this answer is not about the garage on screen.
      if (garageId === currentGarageId.value) show(found);
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  /** A car that came in offline, found by the provisional reference on its ticket. */
  function lookUpProvisional(ref: string) {
    error.value = null;
    const found = findOfflineCar(outbox.items.value.filter(outbox.isOf(currentGarageId.value)), ref, garageTariff.value, serverNow());
    if (found.found !== 'numbered') return show(found);
    number.value = found.ticketNumber;
    void lookUp(found.ticketNumber);
  }

  function findByNumber(event: Event) {
    event.preventDefault();
    const ref = parseProvisionalRef(number.value);
    if (ref) {
      number.value = ref;
      lookUpProvisional(ref);
      return;
    }
    const parsed = parseTicketNumber(number.value);
    if (!parsed) {
      const typed = number.value.trim();
      error.value = `"${typed.length > 12 ? `${typed.slice(0, 12)}…` : typed}" is not a ticket number. They look like PS-7K3QXM; check the ticket and try again.`;
      ticketField.current?.focus();
      return;
    }
    number.value = parsed;
    void lookUp(parsed);
  }

  async function pay(method: PaymentMethod) {
    const q = quote.value;
    const garageId = currentGarageId.value;
    if (!q || garageId === null) return;
    busy.value = true;
    error.value = null;
    try {
      const item = await outbox.recordExit(garageId, q.ticketNumber, { paymentMethod: method }, {
        licensePlate: q.car?.licensePlate ?? null,
        quotedCents: q.breakdown?.totalCents ?? null,
        ...(q.entryKey ? { entryKey: q.entryKey } : {}),
      });
      if (item.state === 'refused') {
        // Refused the moment it was made (already paid, say): the attendant reads why right here.
        error.value = describeRefusal(item.error ?? { code: 'internal', message: 'The server refused this exit.' });
        await outbox.withdraw(item.key);
        return;
      }
      paidKey.value = item.key;
      replaceStep('receipt');
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  function nextCar() {
    startOver();
    error.value = null;
    leaveStep();
  }

  const errorBox = error.value && (
    <p class="error" role="alert">
      {error.value}
    </p>
  );

  if (view === 'receipt' && paid.value) {
    return (
      <main id="main" class="screen exit">
        <h1>Receipt</h1>
        <Receipt item={paid.value} />
        <div class="next-action">
          <button type="button" class="button button-primary" onClick={nextCar}>
            Next car
          </button>
        </div>
      </main>
    );
  }

  if (view === 'quote' && quote.value) {
    return <QuoteView quote={quote.value} busy={busy.value} error={errorBox} onPay={(m) => void pay(m)} onBack={leaveStep} />;
  }

  return (
    <main id="main" class="screen exit">
      <h1>Car out</h1>
      <form onSubmit={findByNumber} noValidate>
        <label for="ticket-number">Ticket number</label>
        <CodeInput
          id="ticket-number"
          inputRef={ticketField}
          placeholder="e.g. PS-7K3QXM"
          enterkeyhint="search"
          maxLength={TICKET_FIELD_MAX}
          value={number.value}
          onValue={(v) => (number.value = v)}
        />
        <button type="submit" class="button button-primary" disabled={busy.value}>
          Find ticket
        </button>
      </form>
      {errorBox}
      {canScan &&
        (scanning.value ? (
          <Suspense fallback={<p role="status">Starting the camera…</p>}>
            <Scanner
              onTicket={(n) => {
                scanning.value = false;
                number.value = n;
                void lookUp(n);
              }}
              onClose={() => (scanning.value = false)}
            />
          </Suspense>
        ) : (
          <button type="button" class="button" onClick={() => (scanning.value = true)}>
            Scan the QR code
          </button>
        ))}
      <OfflineCars onPick={lookUpProvisional} />
      <LostTicketSearch disabled={busy.value} onPick={(n) => void lookUp(n)} onError={(message) => (error.value = message)} />
    </main>
  );
}
