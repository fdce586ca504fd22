import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { formatCents } from '../../../shared/format.js';
import type { Ticket } from '../../../shared/tickets.js';
import { HandoffActions, ReceiptLinkQr } from '../components/handoff.js';
import { Facts, TicketReceipt } from '../components/ticket-receipt.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import type { OutboxItem } from '../lib/local-store.js';
import { receiptShareText } from '../lib/share.js';
import { formatDateTime } from '../lib/time.js';

type ExitItem = Extract<OutboxItem, { kind: 'exit' }>;

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);

/**
 * A closed ticket's receipt to hand to the driver: for a paid one, the QR code of its receipt link
 * (/r/<token>, revocable by managers), Share (words, link, QR image) and Print; a voided one as it is.
 * `garageId`: the ticket's garage (the one on screen when unknown).
 */
export function HandedReceipt({ ticket: t, id, garageId, children }: { ticket: Ticket; id: string; garageId?: number | undefined; children?: ComponentChildren }) {
  const article = useRef<HTMLElement>(null);
  const url = useSignal<string | null>(null);
  const garage = garageId ?? currentGarageId.value;
  if (t.status !== 'completed' || garage === null) return <TicketReceipt ticket={t} id={id}>{children}</TicketReceipt>;
  return (
    <TicketReceipt ticket={t} id={id} articleRef={article}>
      {children}
      <ReceiptLinkQr ticket={t} garageId={garage} onLink={(u) => (url.value = u)} />
      <HandoffActions
        target={article}
        handoff={{
          title: `Parking receipt ${t.ticketNumber}`,
          text: receiptShareText(t, { timeZone: garageTimeZone.value, locale: garageLocale.value }),
          url: url.value ?? undefined,
          qr: url.value ? { text: url.value, fileName: `receipt-${t.ticketNumber}.png` } : undefined,
        }}
      />
    </TicketReceipt>
  );
}

/** The receipt for an exit: the server's figures once it has them, else what was recorded offline. */
export function Receipt({ item }: { item: ExitItem }) {
  const t = item.ticket;
  if (t) {
    return (
      <HandedReceipt ticket={t} id={`r-${item.key}`} garageId={item.garageId}>
        {item.quotedCents !== null && item.quotedCents !== t.amountPaid && (
          <p class="note">Estimated offline at {formatCents(item.quotedCents)}; the amount above is the server's final amount.</p>
        )}
      </HandedReceipt>
    );
  }
  return (
    <article class="receipt provisional" aria-labelledby={`r-${item.key}`}>
      <p class="eyebrow">Recorded offline · {item.body.paymentMethod}{item.body.lostTicket ? ' · Lost ticket' : ''}</p>
      <h2 id={`r-${item.key}`} class="big-text">
        {item.quotedCents === null ? 'Amount set on sync' : `${formatCents(item.quotedCents)} (estimate)`}
      </h2>
      <Facts
        facts={[
          ['Ticket', item.ticketNumber.startsWith('OFF-') ? `${item.ticketNumber} (provisional reference)` : item.ticketNumber],
          ...(item.licensePlate ? [['Plate', item.licensePlate] as [string, string]] : []),
          ['Out', when(item.createdAt)],
        ]}
      />
      {item.state === 'refused' ? (
        <p class="error" role="alert">
          The server refused this exit: {item.error?.message}
        </p>
      ) : (
        <p class="note" role="status">
          Estimate until synced. Not on the server yet: it is sent, once, as soon as the phone reconnects
          {item.entryKey ? ' (right after the entry of this car)' : ''}, and this receipt then shows the final amount and the QR code of its receipt link for the driver.
        </p>
      )}
    </article>
  );
}
