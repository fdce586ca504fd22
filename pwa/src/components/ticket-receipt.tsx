import type { ComponentChildren, Ref } from 'preact';
import { formatCents } from '../../../shared/format.js';
import type { Ticket } from '../../../shared/tickets.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { reasonWords } from '../lib/request-words.js';
import { formatDateTime } from '../lib/time.js';
import { FeeBreakdownList } from './fee-breakdown.js';

const when = (at: string) => formatDateTime(at, garageTimeZone.value, garageLocale.value);

/** Ticket, plate and times, two to a row (one short block, so "Next car" stays in reach). */
export function Facts({ facts }: { facts: [string, string][] }) {
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

/**
 * A ticket the server closed, as its receipt: paid (how, how much, a validation, any money given back
 * since, why the amount line by line in the garage's time) or voided (never charged, who and why). `id` names the heading for the article's label;
 * `articleRef` gives the article (what Print prints).
 */
export function TicketReceipt({ ticket: t, id, children, articleRef }: { ticket: Ticket; id: string; children?: ComponentChildren; articleRef?: Ref<HTMLElement> }) {
  const facts: [string, string][] = [
    ['Ticket', t.ticketNumber],
    ['Plate', t.licensePlate],
    ['In', when(t.entryTime)],
  ];
  if (t.status === 'voided') {
    return (
      <article class="receipt voided" aria-labelledby={id} ref={articleRef}>
        <p class="eyebrow">Voided{t.voided ? ` · ${reasonWords(t.voided.reason)}` : ''}</p>
        <h2 id={id} class="big-text" data-testid="voided">
          Voided — never charged
        </h2>
        <Facts facts={[...facts, ['Voided', t.voided ? when(t.voided.at) : t.exitTime ? when(t.exitTime) : '']]} />
        {t.voided?.note && <p class="small">“{t.voided.note}”</p>}
        {children}
      </article>
    );
  }
  return (
    <article class="receipt" aria-labelledby={id} ref={articleRef}>
      <p class="eyebrow">
        Paid · {t.paymentMethod}
        {t.lostTicket ? ' · Lost ticket' : ''}
        {t.feeBreakdown?.validation ? ` · Validated ${t.feeBreakdown.validation.code}` : ''}
      </p>
      <h2 id={id} class="big" data-testid="amount-paid">
        {formatCents(t.amountPaid ?? 0)}
      </h2>
      {t.refundedCents > 0 && (
        <p class="refunded" data-testid="refunded">
          Refunded {formatCents(t.refundedCents)}
          {t.amountPaid !== null && ` · kept ${formatCents(t.amountPaid - t.refundedCents)}`}
        </p>
      )}
      <Facts facts={[...facts, ['Out', t.exitTime ? when(t.exitTime) : '']]} />
      {t.feeBreakdown && <FeeBreakdownList fee={t.feeBreakdown} timeZone={garageTimeZone.value} />}
      {children}
    </article>
  );
}
