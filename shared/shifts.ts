import { z } from 'zod';
import { Text } from './strings.js';
import { Instant } from './tickets.js';

/**
 * Shifts and cash: an attendant's cash drawer from its opening float to a blind close, where the
 * cash is counted before the expected figure is shown. Money in integer cents.
 */

/** The most a float, a movement or a count may be: $10,000,000.00. */
export const MAX_CASH_CENTS = 1_000_000_000;

const cents = (what: string, min: number) =>
  z.number().int(`${what} is a whole number of cents`).min(min, `${what} is at least ${min} cents`).max(MAX_CASH_CENTS, `${what} is at most ${MAX_CASH_CENTS} cents`);

/** POST /api/shifts — open one's own shift in the request's garage. */
export const OpenShiftBody = z.strictObject({ openingFloatCents: cents('The opening float', 0).max(10_000_000, 'An opening float is at most $100,000.00') });

/** What cash leaves or joins a drawer besides payments: a drop to the safe, a payout, a float addition. */
export const MovementKind = z.enum(['drop', 'payout', 'float_add']);
export type MovementKind = z.infer<typeof MovementKind>;

/** POST /api/shifts/:id/movements */
export const MovementBody = z.strictObject({
  kind: MovementKind,
  amountCents: cents('The amount', 1),
  reason: Text(200, 'The reason').trim().min(1, 'Say what it was for'),
});
export type MovementBody = z.infer<typeof MovementBody>;

/** POST /api/shifts/:id/close — the count, made before seeing what was expected. */
export const CloseShiftBody = z.strictObject({
  declaredCashCents: cents('The counted cash', 0),
  note: Text(500, 'A note').trim().optional(),
});
export type CloseShiftBody = z.infer<typeof CloseShiftBody>;

/** POST /api/shifts/:id/reconcile (managers) */
export const ReconcileBody = z.strictObject({ note: Text(500, 'A note').trim().min(3, 'Say in a few words what was found') });

export const Movement = z.object({ id: z.number().int(), kind: MovementKind, amountCents: z.number().int(), reason: z.string(), at: Instant, by: z.string() });
export type Movement = z.infer<typeof Movement>;

/**
 * A shift as the API shows it. Blind: while it is open, its holder sees no cash figure that would
 * reveal the expected cash (cash taken, cash refunded, expected) — those are null for them; managers
 * see them at any time. Card and mobile totals are shown.
 */
export const Shift = z
  .object({
    id: z.number().int(),
    garageId: z.number().int(),
    userId: z.number().int(),
    username: z.string(),
    status: z.enum(['open', 'closed', 'unclosed']),
    openedAt: Instant,
    openingFloatCents: z.number().int(),
    closedAt: Instant.nullable(),
    entries: z.number().int(),
    exits: z.number().int(),
    cardCents: z.number().int().meta({ description: 'Credit and debit card payments taken' }),
    mobileCents: z.number().int(),
    cashTakenCents: z.number().int().nullable().meta({ description: 'null to its holder until the close (blind)' }),
    cashRefundedCents: z.number().int().nullable().meta({ description: 'null to its holder until the close (blind)' }),
    voids: z.number().int(),
    refunds: z.number().int(),
    lostTickets: z.number().int(),
    movements: z.array(Movement),
    declaredCashCents: z.number().int().nullable(),
    expectedCashCents: z.number().int().nullable().meta({ description: 'float + cash taken − cash refunded − drops − payouts + float added; null to its holder until the close' }),
    varianceCents: z.number().int().nullable().meta({ description: 'declared − expected' }),
    closeNote: z.string().nullable(),
    reconciled: z.object({ by: z.string(), at: Instant, note: z.string() }).nullable(),
  })
  .meta({ description: "A cashier's shift" });
export type Shift = z.infer<typeof Shift>;

/**
 * The cash a drawer should hold: the float, plus cash taken, minus cash given back, drops and
 * payouts, plus float added.
 * @example expectedCash({ floatCents: 10000, cashTakenCents: 4500, cashRefundedCents: 500, drops: 2000, payouts: 0, floatAdds: 0 }) // 12000
 */
export function expectedCash(d: { floatCents: number; cashTakenCents: number; cashRefundedCents: number; drops: number; payouts: number; floatAdds: number }): number {
  return d.floatCents + d.cashTakenCents - d.cashRefundedCents - d.drops - d.payouts + d.floatAdds;
}

/** One shift's line of the shift report (GET /api/reports/shifts). Money in cents. */
export const ShiftReportLine = z.object({
  shiftId: z.number().int(),
  username: z.string(),
  status: z.enum(['open', 'closed', 'unclosed']),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  openingFloatCents: z.number().int(),
  entries: z.number().int(),
  exits: z.number().int(),
  cashCents: z.number().int(),
  cardCents: z.number().int(),
  mobileCents: z.number().int(),
  refunds: z.number().int(),
  cashRefundedCents: z.number().int(),
  voids: z.number().int(),
  lostTickets: z.number().int(),
  declaredCashCents: z.number().int().nullable(),
  expectedCashCents: z.number().int().nullable().meta({ description: 'Ended shifts only (open ones: null — the report never shows an open drawer its expected cash)' }),
  varianceCents: z.number().int().nullable(),
});
export type ShiftReportLine = z.infer<typeof ShiftReportLine>;

/** Per attendant: the sums of their shifts' lines in the period. */
export const AttendantShiftTotals = ShiftReportLine.omit({ shiftId: true, status: true, openedAt: true, closedAt: true, openingFloatCents: true, declaredCashCents: true, expectedCashCents: true }).extend({
  shifts: z.number().int(),
  varianceCents: z.number().int().meta({ description: 'The sum of the variances of their closed shifts' }),
});

/** GET /api/reports/shifts: the shifts opened in the period, and per attendant. */
export const ShiftReport = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  shifts: z.array(ShiftReportLine),
  attendants: z.array(AttendantShiftTotals),
});
export type ShiftReport = z.infer<typeof ShiftReport>;
