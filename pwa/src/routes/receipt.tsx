import { FeeBreakdownList } from '../components/fee-breakdown.js';
import { garageTimeZone } from '../lib/garage.js';
import type { OutboxItem } from '../lib/local-store.js';
import { formatCents } from '../../../shared/format.js';
import { formatDateTime } from '../lib/time.js';

type ExitItem = Extract<OutboxItem, { kind: 'exit' }>;

/** The receipt for an exit: the server's figures once it has them, else what was recorded offline. */
export function Receipt({ item }: { item: ExitItem }) {
  const tz = garageTimeZone.value;
  const t = item.ticket;
  if (t) {
    return (
      <article class="receipt" aria-labelledby={`r-${item.key}`}>
        <p class="eyebrow">Paid · {t.paymentMethod}</p>
        <h2 id={`r-${item.key}`} class="big" data-testid="amount-paid">
          {formatCents(t.amountPaid ?? 0)}
        </h2>
        <dl class="facts">
          <dt>Ticket</dt>
          <dd>{t.ticketNumber}</dd>
          <dt>Plate</dt>
          <dd>{t.licensePlate}</dd>
          <dt>In</dt>
          <dd>{formatDateTime(t.entryTime, tz)}</dd>
          <dt>Out</dt>
          <dd>{t.exitTime && formatDateTime(t.exitTime, tz)}</dd>
        </dl>
        {t.feeBreakdown && <FeeBreakdownList fee={t.feeBreakdown} />}
        {item.quotedCents !== null && item.quotedCents !== t.amountPaid && (
          <p class="note">Estimated offline at {formatCents(item.quotedCents)}; the amount above is the server's final amount.</p>
        )}
      </article>
    );
  }
  return (
    <article class="receipt provisional" aria-labelledby={`r-${item.key}`}>
      <p class="eyebrow">Recorded offline · {item.body.paymentMethod}</p>
      <h2 id={`r-${item.key}`} class="big-text">
        {item.quotedCents === null ? 'Amount set on sync' : `${formatCents(item.quotedCents)} (estimate)`}
      </h2>
      <dl class="facts">
        <dt>Ticket</dt>
        <dd>{item.ticketNumber.startsWith('OFF-') ? `${item.ticketNumber} (provisional reference)` : item.ticketNumber}</dd>
        {item.licensePlate && (
          <>
            <dt>Plate</dt>
            <dd>{item.licensePlate}</dd>
          </>
        )}
        <dt>Out</dt>
        <dd>{formatDateTime(item.createdAt, tz)}</dd>
      </dl>
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
