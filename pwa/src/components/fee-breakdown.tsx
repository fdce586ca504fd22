import type { FeeBreakdown } from '../../../shared/tickets.js';
import { formatCents, formatDuration } from '../../../shared/format.js';

/**
 * What a lost ticket added, in words, by the garage's rule.
 * @example lostTicketWords({ policy: 'actual_plus_fee', stayCents: 2000, feeCents: 2500, waived: false }) // '+ $25.00 fee'
 */
export function lostTicketWords(lost: NonNullable<FeeBreakdown['lostTicket']>): string {
  const extra = formatCents(lost.feeCents);
  if (lost.waived) return `fee of ${extra} waived`;
  switch (lost.policy) {
    case 'actual_plus_fee':
      return `+ ${extra} fee`;
    case 'daily_max_per_day':
      return `daily maximum per started day (+ ${extra})`;
    case 'flat':
      return `flat ${formatCents(lost.stayCents + lost.feeCents)} (+ ${extra})`;
  }
}

/** Why a fee is what it is: time parked, hours x rate, grace and daily caps, a lost ticket's price, total. */
export function FeeBreakdownList({ fee, label = 'Total' }: { fee: FeeBreakdown; label?: string }) {
  return (
    <dl class="breakdown">
      <dt>Time parked</dt>
      <dd>{formatDuration(fee.durationMinutes)}</dd>
      {fee.graceApplied ? (
        <>
          <dt>Grace</dt>
          <dd>Free: left within {fee.graceMinutes} min</dd>
        </>
      ) : (
        <>
          <dt>Billable</dt>
          <dd>
            {fee.billableHours} h × {formatCents(fee.hourlyRate)}/h
          </dd>
        </>
      )}
      {fee.dailyCapsApplied > 0 && fee.dailyMaxCents !== null && (
        <>
          <dt>Daily maximum</dt>
          <dd>
            {formatCents(fee.dailyMaxCents)} applied {fee.dailyCapsApplied === 1 ? 'once' : `${fee.dailyCapsApplied} times`}
          </dd>
        </>
      )}
      {fee.lostTicket && (
        <>
          <dt>Stay</dt>
          <dd>{formatCents(fee.lostTicket.stayCents)}</dd>
          <dt>Lost ticket</dt>
          <dd data-testid="lost-ticket-line">{lostTicketWords(fee.lostTicket)}</dd>
        </>
      )}
      <dt class="total">{label}</dt>
      <dd class="total">{formatCents(fee.totalCents)}</dd>
    </dl>
  );
}
