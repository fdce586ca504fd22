import type { ComponentChildren } from 'preact';
import type { GarageException } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import { garageLocale, timeZoneOf } from '../lib/garage.js';
import { waitingOn, type RequestItem } from '../lib/local-store.js';
import { useOutbox } from '../lib/outbox.js';
import { correctionWords, describeRequest } from '../lib/request-words.js';
import { useRequestCheck } from '../lib/requests.js';
import { formatTime } from '../lib/time.js';
import { TicketReceipt } from './ticket-receipt.js';

/** What an approval means for the ticket, by kind of request. */
function approvedMeans(item: RequestItem): string {
  switch (item.kind) {
    case 'void':
      return 'The ticket is voided — never charged.';
    case 'refund':
      return `Give the driver back ${formatCents(item.body.amountCents)}${item.body.method ? ` (${item.body.method})` : ''}.`;
    case 'waiver':
      return `The lost-ticket fee is waived: the car is checked out, the driver pays the stay (${item.body.paymentMethod}).`;
    case 'correction':
      return 'The ticket is corrected.';
  }
}

/** What a denial means for the attendant, by kind of request. */
function deniedMeans(item: RequestItem): string {
  switch (item.kind) {
    case 'void':
      return 'The ticket stays active: charge it at exit as usual.';
    case 'refund':
      return 'No money goes back.';
    case 'waiver':
      return 'Charge the lost-ticket price: go back to the ticket.';
    case 'correction':
      return 'The ticket stays as it was.';
  }
}

/** What was done at once, in words. */
function doneWords(item: RequestItem): string {
  switch (item.kind) {
    case 'void':
      return 'Voided';
    case 'refund':
      return `Refund done: give the driver back ${formatCents(item.body.amountCents)}${item.body.method ? ` (${item.body.method})` : ''}`;
    case 'waiver':
      return 'Checked out with the lost-ticket fee waived';
    case 'correction':
      return `Corrected: ${correctionWords(item)}`;
  }
}

/** The state of a request waiting on a manager, or decided by one, in words. */
function Decision({ item, e, at }: { item: RequestItem; e: GarageException; at: (iso: string) => string }) {
  const who = `${e.decidedByName ?? 'a manager'}${e.decidedAt ? ` at ${at(e.decidedAt)}` : ''}`;
  switch (e.status) {
    case 'pending':
      return <>Waiting for a manager (expires {at(e.expiresAt)})</>;
    case 'approved':
      return (
        <>
          Approved by {who}. {approvedMeans(item)}
        </>
      );
    case 'denied':
      return (
        <>
          Denied by {who}
          {e.decisionNote ? `: “${e.decisionNote}”` : ''}. {deniedMeans(item)}
        </>
      );
    case 'expired':
      return <>Expired at {at(e.expiresAt)} without a decision. Ask again, or ask a manager in person.</>;
  }
}

/**
 * What became of a void, correction, refund or waiver asked from this phone: not sent yet, refused,
 * done (the ticket after it), or waiting for a manager — checked every 10 s while on screen, and on
 * reconnect — then approved, denied (with the manager's note) or expired. `children`: what to do next.
 */
export function RequestCard({ item, children }: { item: RequestItem; children?: ComponentChildren }) {
  const outbox = useOutbox();
  const problem = useRequestCheck(outbox, item);
  const tz = timeZoneOf(outbox.garageOf(item));
  const at = (iso: string) => formatTime(iso, tz, garageLocale.value);
  const id = `req-${item.key}`;
  const e = waitingOn(item);
  const done = item.state === 'sent' && !e;
  const status = e?.status ?? (item.state === 'refused' ? 'refused' : done ? 'done' : 'unsent');
  // The ticket after a void, refund or waiver that was carried out (a correction's words say it all).
  const showTicket = item.kind !== 'correction' && (done || e?.status === 'approved');
  return (
    <article class={`request-card request-${status}`} aria-labelledby={id} data-testid="request-card">
      <p class="eyebrow">{describeRequest(item)}</p>
      <p id={id} class="big-text" role="status">
        {e ? (
          <Decision item={item} e={e} at={at} />
        ) : item.state === 'refused' ? (
          'Refused by the server'
        ) : done ? (
          doneWords(item)
        ) : (
          'Waiting to be sent'
        )}
      </p>
      {item.state === 'refused' && (
        <p class="error" role="alert">
          {item.error?.message} Retry or discard it on the dashboard.
        </p>
      )}
      {item.state === 'pending' && <p class="note">Saved on this phone: it goes to the server as soon as the phone reconnects. A manager may have to approve it; this card then says so.</p>}
      {e?.status === 'pending' && (
        <p class="note">
          {item.kind === 'refund' ? 'Give no money back yet. ' : item.kind === 'waiver' ? 'The car is still checked in. ' : ''}This card changes as soon as a manager decides.
        </p>
      )}
      {problem.value && <p class="muted small">{problem.value}</p>}
      {showTicket && item.ticket && <TicketReceipt ticket={item.ticket} id={`${id}-ticket`} />}
      {children}
    </article>
  );
}
