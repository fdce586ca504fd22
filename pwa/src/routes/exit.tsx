import { useComputed, useSignal } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { parseTicketNumber } from '../../../shared/ticket-number.js';
import type { PaymentMethod } from '../../../shared/tickets.js';
import { CodeInput } from '../components/code-input.js';
import { OfflineCars } from '../components/offline-cars.js';
import { serverNow } from '../lib/clock.js';
import { findOfflineCar, findTicket, type Found } from '../lib/exit-lookup.js';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { garageTariff, garageTimeZone } from '../lib/garage.js';
import { parseProvisionalRef } from '../lib/offline-exit.js';
import { useOutbox } from '../lib/outbox.js';
import type { ExitQuote } from '../lib/quote.js';
import { LostTicketSearch } from './exit-lost-ticket.js';
import { QuoteView } from './exit-quote.js';
import { Receipt } from './receipt.js';

const Scanner = lazy(() => import('./exit-scanner.js').then((m) => m.Scanner));

/** True where the browser can read QR codes from the camera. */
const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

/** A car leaves: find the ticket (typed, scanned or by plate) -> amount due -> payment -> receipt. */
export function ExitScreen() {
  const outbox = useOutbox();
  const number = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const scanning = useSignal(false);
  const quote = useSignal<ExitQuote | null>(null);
  const paidKey = useSignal<string | null>(null);
  const paid = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === paidKey.value);
    return item?.kind === 'exit' ? item : null;
  });

  function show(found: Found) {
    if (found.found === 'quote') quote.value = found.quote;
    else error.value = found.message;
  }

  async function lookUp(ticketNumber: string) {
    busy.value = true;
    error.value = null;
    try {
      show(await findTicket(ticketNumber, { tickets: outbox.tickets, now: serverNow, timeZone: garageTimeZone.value }));
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  /** A car that came in offline, found by the provisional reference on its ticket. */
  function lookUpProvisional(ref: string) {
    error.value = null;
    const found = findOfflineCar(outbox.items.value, ref, garageTariff.value, serverNow());
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
      error.value = `"${number.value}" is not a ticket number. They look like PS-7K3QXM; check the ticket and try again.`;
      return;
    }
    number.value = parsed;
    void lookUp(parsed);
  }

  async function pay(method: PaymentMethod) {
    const q = quote.value;
    if (!q) return;
    busy.value = true;
    error.value = null;
    try {
      const item = await outbox.recordExit(q.ticketNumber, { paymentMethod: method }, {
        licensePlate: q.car?.licensePlate ?? null,
        quotedCents: q.breakdown?.totalCents ?? null,
        ...(q.entryKey ? { entryKey: q.entryKey } : {}),
      });
      if (item.state === 'refused') {
        error.value = describeRefusal(item.error ?? { code: 'internal', message: 'The server refused this exit.' });
        await outbox.discard(item.key);
        return;
      }
      paidKey.value = item.key;
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  function startOver() {
    quote.value = null;
    paidKey.value = null;
    number.value = '';
    error.value = null;
  }

  const errorBox = error.value && (
    <p class="error" role="alert">
      {error.value}
    </p>
  );

  if (paid.value) {
    return (
      <main id="main" class="screen exit">
        <h1>Receipt</h1>
        <Receipt item={paid.value} />
        <button type="button" class="button button-primary" onClick={startOver}>
          Next car
        </button>
      </main>
    );
  }

  if (quote.value) {
    return <QuoteView quote={quote.value} busy={busy.value} error={errorBox} onPay={(m) => void pay(m)} onBack={startOver} />;
  }

  return (
    <main id="main" class="screen exit">
      <h1>Car out</h1>
      <form onSubmit={findByNumber} noValidate>
        <label for="ticket-number">Ticket number</label>
        <CodeInput id="ticket-number" placeholder="PS-7K3QXM or OFF-3F9A1C" enterkeyhint="search" value={number.value} onValue={(v) => (number.value = v)} />
        <button type="submit" class="button button-primary" disabled={busy.value}>
          Find ticket
        </button>
      </form>
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
      {errorBox}
      <OfflineCars onPick={lookUpProvisional} />
      <LostTicketSearch disabled={busy.value} onPick={(n) => void lookUp(n)} onError={(message) => (error.value = message)} />
    </main>
  );
}
