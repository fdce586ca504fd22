import { formatCents } from '../../../shared/format.js';
import { Facts, TicketReceipt } from '../components/ticket-receipt.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import type { OutboxItem } from '../lib/local-store.js';
import { formatDateTime } from '../lib/time.js';

type ExitItem = Extract<OutboxItem, { kind: 'exit' }>;

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);

/** The receipt for an exit: the server's figures once it has them, else what was recorded offline. */
export function Receipt({ item }: { item: ExitItem }) {
  const t = item.ticket;
  if (t) {
    return (
      <TicketReceipt ticket={t} id={`r-${item.key}`}>
        {item.quotedCents !== null && item.quotedCents !== t.amountPaid && (
          <p class="note">Estimated offline at {formatCents(item.quotedCents)}; the amount above is the server's final amount.</p>
        )}
      </TicketReceipt>
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
          {item.entryKey ? ' (right after the entry of this car)' : ''}, and this receipt then shows the final amount.
        </p>
      )}
    </article>
  );
}
