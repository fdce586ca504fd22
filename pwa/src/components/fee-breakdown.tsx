import { Fragment } from 'preact';
import { feeLineWords, type FeeLine } from '../../../shared/fee-lines.js';
import type { FeeBreakdown } from '../../../shared/tickets.js';
import { formatCents, formatDuration } from '../../../shared/format.js';
import { garageTimeZone } from '../lib/garage.js';

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

/**
 * A breakdown line's words split for the list: what it is, and its amount (after the last ": ").
 * @example lineParts('Early bird (in 06:00–09:00, out by 19:00): $12.00') // ['Early bird (in 06:00–09:00, out by 19:00)', '$12.00']
 */
function lineParts(words: string): [string, string] {
  const at = words.lastIndexOf(': ');
  return at < 0 ? [words, ''] : [words.slice(0, at), words.slice(at + 2)];
}

/**
 * The fee line by line in the words Slack and receipts use (`feeLineWords`, clock times in the
 * garage's timezone): hours by band, the daily maximum, a special or event price, a lost ticket, a validation.
 */
function FeeLines({ lines, timeZone }: { lines: FeeLine[]; timeZone: string }) {
  return (
    <>
      {lines.map((line, i) => {
        const [what, amount] = lineParts(feeLineWords(line, timeZone));
        return (
          <Fragment key={i}>
            <dt>{what}</dt>
            <dd data-testid={line.kind === 'lost_ticket' ? 'lost-ticket-line' : `fee-line-${line.kind}`}>{amount}</dd>
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * Why a fee is what it is: time parked, then its lines in words when it has them (fees priced by a
 * rate plan), else — fees stored before rate plans — hours x rate, grace and daily caps, a lost
 * ticket's price; then the total.
 */
export function FeeBreakdownList({ fee, label = 'Total', timeZone = garageTimeZone.value }: { fee: FeeBreakdown; label?: string; timeZone?: string }) {
  if (fee.lines && fee.lines.length > 0) {
    return (
      <dl class="breakdown">
        <dt>Time parked</dt>
        <dd>{formatDuration(fee.durationMinutes)}</dd>
        <FeeLines lines={fee.lines} timeZone={timeZone} />
        <dt class="total">{label}</dt>
        <dd class="total">{formatCents(fee.totalCents)}</dd>
      </dl>
    );
  }
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
