import { feeLineWords, type FeeLine } from '../../shared/fee-lines.js';
import type { FeeBreakdown } from '../../shared/tickets.js';
import { formatCents } from '../../shared/format.js';
import { escapeText } from './reply.js';

/** The stay's own price, in one line (the breakdown's total, or `totalCents` when given). */
function describeStay(fee: FeeBreakdown, totalCents: number): string {
  if (fee.graceApplied) return `Free: ${fee.durationMinutes} min is within the ${fee.graceMinutes}-minute grace period`;
  const hours = `${fee.billableHours} h × ${formatCents(fee.hourlyRate)}/h`;
  if (fee.dailyCapsApplied === 0 || fee.dailyMaxCents === null) return `${hours} = ${formatCents(totalCents)}`;
  const days = fee.dailyCapsApplied === 1 ? '1 day' : `${fee.dailyCapsApplied} days`;
  return `${hours}, daily max ${formatCents(fee.dailyMaxCents)} applied to ${days} = ${formatCents(totalCents)}`;
}

const LOST_RULES = {
  actual_plus_fee: 'the stay plus the lost-ticket fee',
  daily_max_per_day: 'the daily maximum for each started day',
  flat: 'a flat lost-ticket price',
} as const;

/** The most breakdown lines a message lists (a long banded stay has several a day); the rest are counted. */
const MAX_LINES = 12;

/** True for lines the one-line summary says as well: hours at the regular rate, or the grace period. */
const summarized = (line: FeeLine) => line.kind === 'grace' || (line.kind === 'hours' && line.band === null);

/** A fee before rate plans (no lines), or one of plain hours: one line, as it always read. */
function describeInOneLine(fee: FeeBreakdown): string {
  const lost = fee.lostTicket;
  if (!lost) return describeStay(fee, fee.totalCents);
  const stay = describeStay(fee, lost.stayCents);
  if (lost.waived) return `${stay}; lost ticket: the ${formatCents(lost.feeCents)} extra was waived`;
  return `Lost ticket, priced by ${LOST_RULES[lost.policy]}: stay ${stay}, + ${formatCents(lost.feeCents)} = ${formatCents(fee.totalCents)}`;
}

/**
 * Why a fee is what it is. A breakdown with only regular hours (or grace), or one stored before
 * rate plans, reads in one line as always; one with time bands, a daily maximum, a special, an
 * event, a lost ticket or a validation lists its lines in words (`feeLineWords`, clock times in
 * `timeZone`), one a line, then the total — at most `MAX_LINES` of them, the rest counted.
 * @example describeFee({ billableHours: 3, hourlyRate: 1000, ... }, 'UTC') // '3 h × $10.00/h = $30.00'
 * @example describeFee(earlyBirdValidated, 'UTC') // 'Early bird (in 06:00–09:00, out by 19:00): $12.00\nValidated by Cinema (CINEMA5): −$5.00\nTotal: $7.00'
 */
export function describeFee(fee: FeeBreakdown, timeZone: string): string {
  const lines = fee.lines ?? [];
  if (lines.every(summarized)) return describeInOneLine(fee);
  const words = lines.map((line) => escapeText(feeLineWords(line, timeZone)));
  const shown = words.length > MAX_LINES ? [...words.slice(0, MAX_LINES - 1), `… and ${words.length - MAX_LINES + 1} more lines`] : words;
  const lost = fee.lostTicket;
  const rule = lost ? [`Lost ticket, priced by ${LOST_RULES[lost.policy]}${lost.waived ? ` (the ${formatCents(lost.feeCents)} extra waived)` : ''}:`] : [];
  return [...rule, ...shown, `Total: ${formatCents(fee.totalCents)}`].join('\n');
}
