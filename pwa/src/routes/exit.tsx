import { signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { parseTicketNumber } from '../../../shared/ticket-number.js';
import type { PaymentMethod, Ticket } from '../../../shared/tickets.js';
import { CodeInput } from '../components/code-input.js';
import { OfflineCars } from '../components/offline-cars.js';
import { RefusalText, type ShownFailure } from '../components/refusal-text.js';
import { ticketForCarOut } from '../lib/car-out.js';
import { serverNow } from '../lib/clock.js';
import { findOfflineCar, findTicket, type Found } from '../lib/exit-lookup.js';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLostTicketRule, garageTariff } from '../lib/garage.js';
import { isRequest } from '../lib/local-store.js';
import { isOffline } from '../lib/network.js';
import { parseProvisionalRef } from '../lib/offline-exit.js';
import { useOutbox } from '../lib/outbox.js';
import { canUseCamera, plateModelInstalled } from '../lib/plate-model.js';
import type { ParkedOnPhone } from '../lib/plate-parked.js';
import { withLostTicket, withValidation, type ExitQuote } from '../lib/quote.js';
import { currentStep, leaveStep, pushStep, replaceStep, whenTabTapped } from '../lib/router.js';
import { LostTicketSearch } from './exit-lost-ticket.js';
import { QuoteView, type QuoteAction } from './exit-quote.js';
import { ActionView, ClosedView, NextCar, OutcomeView, RefundButton } from './exit-requests.js';
import { Receipt } from './receipt.js';
import type { TicketAction } from './ticket-actions.js';

const Scanner = lazy(() => import('./exit-scanner.js').then((m) => m.Scanner));
const PlateFinder = lazy(() => import('../components/plate-camera.js').then((m) => m.PlateFinder));

/** True where the browser can read QR codes from the camera. */
const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

/** The longest ticket number or OFF- reference as a person may type it (with spaces). */
const TICKET_FIELD_MAX = 16;

/**
 * What Car out is doing, kept outside the screen so it survives a sign-in in between: a session
 * that ends as a payment is tapped comes back, after signing in again, to that receipt. Which of
 * lookup, "Amount due", receipt, a closed ticket, a request's form and its outcome is on screen is
 * the history step, so Back leaves a step.
 */
const number = signal('');
const quote = signal<ExitQuote | null>(null);
const paidKey = signal<string | null>(null);
/** A ticket already paid or voided, as the server showed it (its receipt, where a refund can be asked). */
const closed = signal<Ticket | null>(null);
/** The request being filled in (void, correction, refund, waiver). */
const action = signal<TicketAction | null>(null);
/** The outbox key of the request made, whose outcome is on screen. */
const requestKey = signal<string | null>(null);
/** A merchant's validation code as typed on "Amount due" (applied once the server accepts it: `quote.validation`). */
const codeTyped = signal('');
/** The plate camera (and then the cars proposed for its read) is open. */
const plateCamera = signal(false);

function startOver() {
  plateCamera.value = false;
  quote.value = null;
  paidKey.value = null;
  closed.value = null;
  action.value = null;
  requestKey.value = null;
  codeTyped.value = '';
  number.value = '';
}
whenTabTapped('/exit', startOver);

/**
 * A car leaves: find the ticket (typed, scanned or by plate) -> amount due -> payment -> receipt.
 * From the amount due: lost ticket, void, correction, waiver of the lost-ticket fee; from a receipt
 * (just paid, or a paid ticket looked up): a refund. A request's outcome is shown in its card.
 */
export function ExitScreen() {
  const outbox = useOutbox();
  const error = useSignal<ShownFailure | null>(null);
  const busy = useSignal(false);
  const scanning = useSignal(false);
  const ticketField = useRef<HTMLInputElement>(null);
  const paid = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === paidKey.value);
    return item?.kind === 'exit' ? item : null;
  });
  const request = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === requestKey.value);
    return item && isRequest(item) ? item : null;
  });
  const step = currentStep.value;
  const view =
    step === 'receipt' && paid.value
      ? 'receipt'
      : step === 'quote' && quote.value
        ? 'quote'
        : step === 'closed' && closed.value
          ? 'closed'
          : step === 'action' && action.value
            ? 'action'
            : step === 'outcome' && request.value
              ? 'outcome'
              : 'lookup';
  // The lookup opens ready for the number: exit is the number and two taps.
  useEffect(() => {
    if (view === 'lookup') ticketField.current?.focus();
  }, [view]);
  // A ticket sent from another screen (Parked now) is looked up as if typed here.
  useEffect(() => {
    const sent = ticketForCarOut.value;
    if (sent === null) return;
    ticketForCarOut.value = null;
    startOver();
    number.value = sent;
    void lookUp(sent);
  }, []);

  function show(found: Found, { lost = false } = {}) {
    if (found.found === 'quote') {
      quote.value = lost ? withLostTicket(found.quote, true, garageLostTicketRule.value, serverNow()) : found.quote;
      pushStep('quote');
    } else if (found.found === 'closed') {
      closed.value = found.ticket;
      pushStep('closed');
    } else error.value = found.message;
  }

  /** Looks a ticket up; `lost`: found by plate because the driver lost it, so it is quoted as a lost ticket. */
  async function lookUp(ticketNumber: string, options: { lost?: boolean } = {}) {
    const garageId = currentGarageId.value;
    if (garageId === null) return;
    busy.value = true;
    error.value = null;
    try {
      const found = await findTicket(ticketNumber, { garageId, tickets: outbox.tickets, now: serverNow });
      // Another garage was picked meanwhile: this answer is not about the garage on screen.
      if (garageId === currentGarageId.value) show(found, options);
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

  /** One tap on a car proposed for the plate the camera read: looked up as if its number had been typed. */
  function pickProposal(car: ParkedOnPhone) {
    plateCamera.value = false;
    if (car.offline) return lookUpProvisional(car.ref);
    number.value = car.ref;
    void lookUp(car.ref);
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
      const body = { paymentMethod: method, ...(q.lostTicket ? { lostTicket: true } : {}), ...(q.validation ? { validationCode: q.validation.code } : {}) };
      const item = await outbox.recordExit(garageId, q.ticketNumber, body, {
        licensePlate: q.car?.licensePlate ?? null,
        quotedCents: q.breakdown?.totalCents ?? null,
        ...(q.entryKey ? { entryKey: q.entryKey } : {}),
      });
      if (item.state === 'refused') {
        // Refused the moment it was made (already paid, say): the attendant reads why right here.
        const refusal = item.error ?? { code: 'internal', message: 'The server refused this exit.' };
        error.value = { text: describeRefusal(refusal), code: refusal.code };
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

  /** Opens the form of a request about the ticket on screen. */
  function ask(next: TicketAction) {
    error.value = null;
    action.value = next;
    pushStep('action');
  }

  function askFromQuote(q: ExitQuote, kind: QuoteAction) {
    const licensePlate = q.car?.licensePlate ?? null;
    if (kind === 'void') ask({ kind, ticketNumber: q.ticketNumber, licensePlate, dueCents: q.breakdown?.totalCents ?? null });
    else if (kind === 'correction') ask({ kind, ticketNumber: q.ticketNumber, car: q.car ? { licensePlate: q.car.licensePlate, vehicleType: q.car.vehicleType } : null });
    else ask({ kind, ticketNumber: q.ticketNumber, licensePlate, lost: q.breakdown?.lostTicket ?? null });
  }

  /** A request was made: its outcome replaces the form (Back then skips the form). */
  function requested(key: string) {
    requestKey.value = key;
    replaceStep('outcome');
  }

  /** Back to the ticket a request was about, as the server shows it now. */
  function backToTicket(ticketNumber: string) {
    startOver();
    number.value = ticketNumber;
    void lookUp(ticketNumber);
  }

  const errorBox = error.value && <RefusalText failure={error.value} />;

  if (view === 'receipt' && paid.value) {
    return (
      <main id="main" class="screen exit">
        <h1>Receipt</h1>
        <Receipt item={paid.value} />
        <NextCar onClick={nextCar} />
        {paid.value.ticket && <RefundButton ticket={paid.value.ticket} onAsk={ask} />}
      </main>
    );
  }
  if (view === 'closed' && closed.value) return <ClosedView ticket={closed.value} error={errorBox} onNextCar={nextCar} onAsk={ask} />;
  if (view === 'action' && action.value) return <ActionView action={action.value} onDone={requested} onCancel={leaveStep} />;
  if (view === 'outcome' && request.value) {
    const ticketNumber = request.value.ticketNumber;
    return <OutcomeView item={request.value} error={errorBox} busy={busy.value} onNextCar={nextCar} onBackToTicket={() => backToTicket(ticketNumber)} />;
  }

  if (view === 'quote' && quote.value) {
    const q = quote.value;
    return (
      <QuoteView
        quote={q}
        busy={busy.value}
        error={errorBox}
        onPay={(m) => void pay(m)}
        onBack={leaveStep}
        onLostTicket={(lost) => (quote.value = withLostTicket(q, lost, garageLostTicketRule.value, serverNow()))}
        onAsk={(kind) => askFromQuote(q, kind)}
        code={{
          garageId: currentGarageId.value,
          typed: codeTyped.value,
          onType: (typed) => (codeTyped.value = typed),
          // A quote from the phone's copy (or none) means the server could not be reached just now.
          offline: isOffline(outbox) || q.source === 'phone' || q.source === 'none',
          // The answer comes after a wait: applied to the quote on screen then, if it is still this ticket's.
          onApplied: (terms) => {
            const shown = quote.value;
            if (shown?.ticketNumber === q.ticketNumber) quote.value = withValidation(shown, terms, garageLostTicketRule.value, serverNow());
          },
        }}
      />
    );
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
      {plateModelInstalled.value &&
        canUseCamera() &&
        (plateCamera.value ? (
          <Suspense fallback={<p role="status">Starting the camera…</p>}>
            <PlateFinder garageId={currentGarageId.value} items={outbox.items.value.filter(outbox.isOf(currentGarageId.value))} onPick={pickProposal} onClose={() => (plateCamera.value = false)} />
          </Suspense>
        ) : (
          <button type="button" class="button" onClick={() => (plateCamera.value = true)}>
            Find by plate with the camera
          </button>
        ))}
      <OfflineCars onPick={lookUpProvisional} />
      <LostTicketSearch disabled={busy.value} onPick={(n) => void lookUp(n, { lost: true })} onError={(message) => (error.value = message)} />
    </main>
  );
}
