import type { JSX } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import type { Ticket } from '../../../shared/tickets.js';
import { HandedReceipt } from './receipt.js';
import type { RequestItem } from '../lib/local-store.js';
import type { TicketAction } from './ticket-actions.js';

// Voids, corrections, refunds and waivers are the exception at a gate: their forms and the card of
// their outcome load the first time they are needed.
const TicketActionForm = lazy(() => import('./ticket-actions.js').then((m) => m.TicketActionForm));
const RequestCard = lazy(() => import('../components/request-card.js').then((m) => m.RequestCard));

/** The title of a request's outcome, by its kind. */
const REQUEST_TITLES = { void: 'Void', refund: 'Refund', waiver: 'Lost-ticket fee waiver', correction: 'Correction' } as const;

type Error = JSX.Element | null | false | '';

/** Car out's next tap once a car is dealt with, held above the tab bar. */
export function NextCar({ onClick }: { onClick: () => void }) {
  return (
    <div class="next-action">
      <button type="button" class="button button-primary" onClick={onClick}>
        Next car
      </button>
    </div>
  );
}

/** A Refund button under a paid ticket's receipt, while something is left to refund. */
export function RefundButton({ ticket: t, onAsk }: { ticket: Ticket; onAsk: (action: TicketAction) => void }) {
  if (t.status !== 'completed' || (t.amountPaid ?? 0) <= t.refundedCents) return null;
  return (
    <button type="button" class="button" onClick={() => onAsk({ kind: 'refund', ticket: t })}>
      Refund…
    </button>
  );
}

/** A ticket looked up that is already paid or voided: nothing is due; its receipt, and a refund while one is possible. */
export function ClosedView({ ticket: t, error, onNextCar, onAsk }: { ticket: Ticket; error: Error; onNextCar: () => void; onAsk: (action: TicketAction) => void }) {
  return (
    <main id="main" class="screen exit">
      <h1>{t.status === 'voided' ? 'Voided ticket' : 'Already paid'}</h1>
      <p role="status">{`Ticket ${t.ticketNumber} was ${t.status === 'voided' ? 'voided' : 'already paid'}: nothing is due.`}</p>
      <HandedReceipt ticket={t} id="closed-ticket" />
      {error}
      <NextCar onClick={onNextCar} />
      <RefundButton ticket={t} onAsk={onAsk} />
    </main>
  );
}

/** The form of a request about a ticket (loaded the first time one is asked for). */
export function ActionView({ action, onDone, onCancel }: { action: TicketAction; onDone: (key: string) => void; onCancel: () => void }) {
  return (
    <main id="main" class="screen exit">
      <Suspense fallback={<p role="status">Loading…</p>}>
        <TicketActionForm action={action} onDone={onDone} onCancel={onCancel} />
      </Suspense>
    </main>
  );
}

/** What became of a request: its card (checked while on screen), then the next car or the ticket again. */
export function OutcomeView({ item, error, busy, onNextCar, onBackToTicket }: { item: RequestItem; error: Error; busy: boolean; onNextCar: () => void; onBackToTicket: () => void }) {
  return (
    <main id="main" class="screen exit">
      <h1>{REQUEST_TITLES[item.kind]}</h1>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <RequestCard item={item} />
      </Suspense>
      {error}
      <NextCar onClick={onNextCar} />
      <button type="button" class="button" disabled={busy} onClick={onBackToTicket}>
        Back to the ticket
      </button>
    </main>
  );
}
