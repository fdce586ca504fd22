/** The lost-ticket rule and the approval policy of a garage, said in words (the settings form's sentences). */
import type { LostTicketPolicy } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import type { ApprovalPolicy } from '../../../shared/garage.js';

/** Each lost-ticket rule's name on its button. */
export const POLICY_NAMES: Record<LostTicketPolicy, string> = {
  actual_plus_fee: 'Stay + fee',
  daily_max_per_day: 'Daily max per day',
  flat: 'Flat price',
};

/**
 * What a lost ticket costs under a rule, in one sentence.
 * @example lostTicketSentence('actual_plus_fee', 2500, null, 1000) // 'A lost ticket pays its stay plus $25.00.'
 */
export function lostTicketSentence(policy: LostTicketPolicy, feeCents: number | null, dailyMaxCents: number | null, hourlyRate: number): string {
  const fee = feeCents === null ? 'the fee' : formatCents(feeCents);
  switch (policy) {
    case 'actual_plus_fee':
      return `A lost ticket pays its stay plus ${fee}.`;
    case 'daily_max_per_day':
      return `A lost ticket pays ${dailyMaxCents === null ? `24 hours at the rate (${formatCents(24 * hourlyRate)})` : `the daily maximum (${formatCents(dailyMaxCents)})`} for each started day, never less than its stay. The fee is not used.`;
    case 'flat':
      return `A lost ticket pays ${fee}, never less than its stay.`;
  }
}

/**
 * What an attendant may do alone, and how long the rest waits for a manager, in one sentence.
 * @example approvalSentence({ autoApproveUnderCents: { void: 0, refund: 500, lostTicketWaiver: 0 }, timeoutMinutes: 30 })
 * // 'Attendants never void alone, refund alone under $5.00 and never waive a lost-ticket fee alone; anything else waits up to 30 minutes for a manager, then expires. Managers and admins need no approval.'
 */
export function approvalSentence(a: ApprovalPolicy): string {
  const alone = (verb: string, cents: number) => (cents > 0 ? `${verb} alone under ${formatCents(cents)}` : `never ${verb} alone`);
  const { void: v, refund, lostTicketWaiver } = a.autoApproveUnderCents;
  return `Attendants ${alone('void', v)}, ${alone('refund', refund)} and ${alone('waive a lost-ticket fee', lostTicketWaiver)}; anything else waits up to ${a.timeoutMinutes} minutes for a manager, then expires. Managers and admins need no approval.`;
}

/** True when two approval policies say the same (the form sends `approval` whole, and only when it changed). */
export function sameApproval(a: ApprovalPolicy, b: ApprovalPolicy): boolean {
  const x = a.autoApproveUnderCents;
  const y = b.autoApproveUnderCents;
  return x.void === y.void && x.refund === y.refund && x.lostTicketWaiver === y.lostTicketWaiver && a.timeoutMinutes === b.timeoutMinutes;
}
