import type { FeeBreakdown } from '../../../shared/tickets.js';
import { formatCents } from '../../../shared/format.js';
import { formatDuration } from '../../../shared/format.js';

/** Why a fee is what it is: time parked, hours x rate, grace and daily caps, total. */
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
      <dt class="total">{label}</dt>
      <dd class="total">{formatCents(fee.totalCents)}</dd>
    </dl>
  );
}
