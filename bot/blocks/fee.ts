import type { FeeBreakdown } from '../../shared/tickets.js';
import { formatCents } from '../../shared/format.js';

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

/**
 * Why a fee is what it is, in one line; a lost ticket says which rule priced it, and a waived fee
 * that it was waived.
 * @example describeFee({ billableHours: 3, hourlyRate: 1000, ... }) // '3 h × $10.00/h = $30.00'
 */
export function describeFee(fee: FeeBreakdown): string {
  const lost = fee.lostTicket;
  if (!lost) return describeStay(fee, fee.totalCents);
  const stay = describeStay(fee, lost.stayCents);
  if (lost.waived) return `${stay}; lost ticket: the ${formatCents(lost.feeCents)} extra was waived`;
  return `Lost ticket, priced by ${LOST_RULES[lost.policy]}: stay ${stay}, + ${formatCents(lost.feeCents)} = ${formatCents(fee.totalCents)}`;
}
