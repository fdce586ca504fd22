import { useComputed, useSignal } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { parseTicketNumber } from '../../../shared/ticket-number.js';
import { PlateInput, type PaymentMethod, type Ticket } from '../../../shared/tickets.js';
import { api, isTransient } from '../lib/api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { garageTimeZone, lastStats } from '../lib/garage.js';
import { findProvisional, parseProvisionalRef, quoteOfflineEntry } from '../lib/offline-exit.js';
import { formatCents } from '../../../shared/format.js';
import { OfflineCars } from '../components/offline-cars.js';
import { useOutbox } from '../lib/outbox.js';
import { quoteTicket, type ExitQuote } from '../lib/quote.js';
import { QuoteView } from './exit-quote.js';
import { formatTime } from '../lib/time.js';
import { uppercaseInPlace } from './entry.js';
import { Receipt } from './receipt.js';

const Scanner = lazy(() => import('./exit-scanner.js').then((m) => m.Scanner));

/** True where the browser can read QR codes from the camera. */
const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

/** A car leaves: find the ticket (typed, scanned or by plate) -> amount due -> payment -> receipt. */
export function ExitScreen() {
  const outbox = useOutbox();
  const number = useSignal('');
  const plate = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const scanning = useSignal(false);
  const matches = useSignal<Ticket[] | null>(null);
  const quote = useSignal<ExitQuote | null>(null);
  const paidKey = useSignal<string | null>(null);
  const paid = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === paidKey.value);
    return item?.kind === 'exit' ? item : null;
  });

  async function lookUp(ticketNumber: string) {
    busy.value = true;
    error.value = null;
    try {
      const ticket = await api.ticket(ticketNumber);
      if (ticket.status === 'completed') {
        await outbox.store.deleteTicket(ticket.ticketNumber);
        error.value = `Ticket ${ticket.ticketNumber} was already paid (${ticket.amountPaid === null ? '' : formatCents(ticket.amountPaid)}, ${ticket.exitTime ? formatTime(ticket.exitTime, garageTimeZone.value) : ''}). Nothing is due.`;
        return;
      }
      await outbox.store.putTicket(ticket);
      quote.value = quoteTicket(ticketNumber, ticket, 'server', serverNow());
    } catch (failure) {
      if (!isTransient(failure)) {
        error.value = describeFailure(failure);
        return;
      }
      const seen = (await outbox.store.getTicket(ticketNumber)) ?? null;
      quote.value = quoteTicket(ticketNumber, seen, seen ? 'phone' : 'none', serverNow());
    } finally {
      busy.value = false;
    }
  }

  /** A car that came in offline, found by the provisional reference on its ticket. */
  function lookUpProvisional(ref: string) {
    error.value = null;
    const found = findProvisional(outbox.items.value, ref);
    if (found.found === 'numbered') {
      number.value = found.ticketNumber;
      void lookUp(found.ticketNumber);
    } else if (found.found === 'offline') {
      quote.value = quoteOfflineEntry(found.entry, lastStats.value?.stats ?? null, serverNow());
    } else if (found.found === 'refused') {
      error.value = `The server refused the entry ${ref}: ${found.entry.error?.message ?? ''} Retry or discard it on the dashboard first.`;
    } else if (found.found === 'already_out') {
      error.value = `${ref} was already checked out on this phone. Its exit is sent with its entry.`;
    } else {
      error.value = `No car with reference ${ref} on this phone. An OFF- reference can only be checked out on the phone that issued it; otherwise type its ticket number once it has one.`;
    }
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

  async function findByPlate(event: Event) {
    event.preventDefault();
    const checked = PlateInput.safeParse(plate.value);
    if (!checked.success) {
      error.value = checked.error.issues[0]?.message ?? 'Check the plate';
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      matches.value = await api.activeByPlate(checked.data.display);
      if (matches.value.length === 0) error.value = `No car with plate ${checked.data.display} is parked. Check the plate, or try the ticket number.`;
    } catch (failure) {
      error.value = isTransient(failure) ? "Can't reach the server to search by plate. Type the ticket number instead, or try again when the signal is back." : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  async function pay(method: PaymentMethod) {
    const q = quote.value;
    if (!q) return;
    busy.value = true;
    error.value = null;
    try {
      const item = await outbox.recordExit(q.ticketNumber, { paymentMethod: method }, {
        licensePlate: q.ticket?.licensePlate ?? null,
        quotedCents: q.amountCents,
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
    matches.value = null;
    number.value = '';
    plate.value = '';
    error.value = null;
  }

  const tz = garageTimeZone.value;
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
        <input
          id="ticket-number"
          class="plate-input"
          placeholder="PS-7K3QXM or OFF-3F9A1C"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          enterkeyhint="search"
          value={number.value}
          onInput={(e) => (number.value = uppercaseInPlace(e.currentTarget))}
        />
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
      <form onSubmit={findByPlate} noValidate class="lost">
        <h2>Lost ticket? Find by plate</h2>
        <label for="lost-plate">Licence plate</label>
        <input
          id="lost-plate"
          class="plate-input"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          enterkeyhint="search"
          value={plate.value}
          onInput={(e) => (plate.value = uppercaseInPlace(e.currentTarget))}
        />
        <button type="submit" class="button" disabled={busy.value}>
          Find by plate
        </button>
      </form>
      {matches.value && matches.value.length > 0 && (
        <ul class="matches">
          {matches.value.map((t) => (
            <li key={t.ticketNumber}>
              <button type="button" class="button" onClick={() => void lookUp(t.ticketNumber)}>
                {t.ticketNumber} · {t.licensePlate} · in {formatTime(t.entryTime, tz)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
