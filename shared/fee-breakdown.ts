import type { FeeLine } from './fee-lines.js';
import type { AppliedValidation } from './validations.js';

/** Why a fee is what it is; stored with each exit and shown on receipts. */
export type FeeBreakdown = {
  durationMinutes: number;
  billableHours: number;
  hourlyRate: number;
  graceMinutes: number;
  graceApplied: boolean;
  dailyMaxCents: number | null;
  fullDays: number;
  dailyCapsApplied: number;
  totalCents: number;
  /** Lost tickets: the garage's rule, what the stay itself cost, the extra it added, and whether that extra was waived. */
  lostTicket?: { policy: LostTicketRule['policy']; stayCents: number; feeCents: number; waived: boolean };
  /** The fee line by line (they add up to totalCents); absent on fees stored before rate plans. */
  lines?: FeeLine[];
  /** What priced the stay: the regular rates, the grace period, a special or an event (by name). */
  applied?: { kind: 'regular' | 'grace' | 'special' | 'event' | 'permit' | 'reservation'; name: string | null };
  /** The rate plan version that priced it (0: the garage's tariff before any plan was saved). */
  planVersion?: number;
  /** A validation applied at exit, and what it took off. */
  validation?: AppliedValidation;
};

/** A garage's lost-ticket rule (its settings): how a stay without its ticket is priced. */
export type LostTicketRule = { policy: 'actual_plus_fee' | 'daily_max_per_day' | 'flat'; feeCents: number };
