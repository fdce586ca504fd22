import { formatCents } from '../../../shared/format.js';
import { FeeBreakdownList } from '../components/fee-breakdown.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import type { OutboxItem } from '../lib/local-store.js';
import { formatDateTime } from '../lib/time.js';

type ExitItem = Extract<OutboxItem, { kind: 'exit' }>;

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);

/** Ticket, plate and times, two to a row (one short block, so "Next car" stays in reach). */
function Facts({ facts }: { facts: [string, string][] }) {
  return (
    <dl class="facts-row facts-two">
      {facts.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The receipt for an exit: the server's figures once it has them, else what was recorded offline. */
export function Receipt({ item }: { item: ExitItem }) {
  const t = item.ticket;
  if (t) {
    return (
      <article class="receipt" aria-labelledby={`r-${item.key}`}>
        <p class="eyebrow">Paid · {t.paymentMethod}</p>
        <h2 id={`r-${item.key}`} class="big" data-testid="amount-paid">
          {formatCents(t.amountPaid ?? 0)}
        </h2>
        <Facts
          facts={[
            ['Ticket', t.ticketNumber],
            ['Plate', t.licensePlate],
            ['In', when(t.entryTime)],
            ['Out', t.exitTime ? when(t.exitTime) : ''],
          ]}
        />
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
