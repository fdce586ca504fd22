import type { FeeBreakdown } from '../../shared/tickets.js';
import { formatCents } from '../../shared/format.js';

/**
 * Why a fee is what it is, in one line.
 * @example describeFee({ billableHours: 3, hourlyRate: 1000, ... }) // '3 h × $10.00/h = $30.00'
 */
export function describeFee(fee: FeeBreakdown): string {
  if (fee.graceApplied) return `Free: ${fee.durationMinutes} min is within the ${fee.graceMinutes}-minute grace period`;
  const hours = `${fee.billableHours} h × ${formatCents(fee.hourlyRate)}/h`;
  if (fee.dailyCapsApplied === 0 || fee.dailyMaxCents === null) return `${hours} = ${formatCents(fee.totalCents)}`;
  const days = fee.dailyCapsApplied === 1 ? '1 day' : `${fee.dailyCapsApplied} days`;
  return `${hours}, daily max ${formatCents(fee.dailyMaxCents)} applied to ${days} = ${formatCents(fee.totalCents)}`;
}
