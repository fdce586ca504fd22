import { localDayRange, type LocalDate } from '../../shared/garage-day.js';
import type { ShiftReport, ShiftReportLine } from '../../shared/shifts.js';
import type { Db } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { countShiftFigures, listShiftsOpenedBetween } from '../shifts/queries.js';

/** The most shifts one report reads (each is counted on its own): ask for a shorter period beyond it. */
export const MAX_SHIFTS_PER_REPORT = 2000;

/**
 * The shift report of local dates `from`..`to`: each shift opened in them with its entries, exits,
 * money by method, refunds, voids, lost tickets and — once it ended — its declared and expected cash
 * and variance; and the same summed per attendant. Counted from tickets like the shift itself
 * (`countShiftFigures`), so a line always equals what the shift's own close showed.
 */
export async function shiftReport(sql: Db, garageId: number, from: LocalDate, to: LocalDate, timeZone: string): Promise<ShiftReport> {
  const { start, end } = localDayRange(from, to, timeZone);
  const shifts = await listShiftsOpenedBetween(sql, garageId, start, end, MAX_SHIFTS_PER_REPORT + 1);
  if (shifts.length > MAX_SHIFTS_PER_REPORT) {
    throw new AppError('validation_failed', `More than ${MAX_SHIFTS_PER_REPORT} shifts were opened from ${from} to ${to}: ask for a shorter period`);
  }
  const lines: ShiftReportLine[] = await Promise.all(
    shifts.map(async (s) => {
      const f = await countShiftFigures(sql, s.id);
      return {
        shiftId: s.id,
        username: s.username,
        status: s.status,
        openedAt: s.openedAt.toISOString(),
        closedAt: s.closedAt?.toISOString() ?? null,
        openingFloatCents: s.openingFloatCents,
        entries: f.entries,
        exits: f.exits,
        cashCents: f.cashTakenCents,
        cardCents: f.cardCents,
        mobileCents: f.mobileCents,
        refunds: f.refunds,
        cashRefundedCents: f.cashRefundedCents,
        voids: f.voids,
        lostTickets: f.lostTickets,
        declaredCashCents: s.declaredCashCents,
        expectedCashCents: s.status === 'open' ? null : s.expectedCashCents,
        varianceCents: s.varianceCents,
      };
    }),
  );
  const byUser = new Map<string, ShiftReport['attendants'][number]>();
  for (const l of lines) {
    const a = byUser.get(l.username) ?? { username: l.username, shifts: 0, entries: 0, exits: 0, cashCents: 0, cardCents: 0, mobileCents: 0, refunds: 0, cashRefundedCents: 0, voids: 0, lostTickets: 0, varianceCents: 0 };
    a.shifts++;
    a.entries += l.entries;
    a.exits += l.exits;
    a.cashCents += l.cashCents;
    a.cardCents += l.cardCents;
    a.mobileCents += l.mobileCents;
    a.refunds += l.refunds;
    a.cashRefundedCents += l.cashRefundedCents;
    a.voids += l.voids;
    a.lostTickets += l.lostTickets;
    a.varianceCents += l.varianceCents ?? 0;
    byUser.set(l.username, a);
  }
  return { from, to, timezone: timeZone, shifts: lines, attendants: [...byUser.values()].sort((a, b) => a.username.localeCompare(b.username)) };
}

const lineColumns = ['shift_id', 'attendant', 'status', 'opened_at', 'closed_at', 'opening_float_cents', 'entries', 'exits', 'cash_cents', 'card_cents', 'mobile_cents', 'refunds', 'cash_refunded_cents', 'voids', 'lost_tickets', 'declared_cash_cents', 'expected_cash_cents', 'variance_cents'];

/** The shift report as CSV: one row a shift, then one row per attendant (`attendant total`). Usernames are [a-z0-9._-]: nothing to quote. */
export function shiftReportCsv(report: ShiftReport): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  const rows = [
    lineColumns,
    ...report.shifts.map((l) => [l.shiftId, l.username, l.status, l.openedAt, l.closedAt, l.openingFloatCents, l.entries, l.exits, l.cashCents, l.cardCents, l.mobileCents, l.refunds, l.cashRefundedCents, l.voids, l.lostTickets, l.declaredCashCents, l.expectedCashCents, l.varianceCents].map(cell)),
    ...report.attendants.map((a) => ['attendant total', a.username, `${a.shifts} shifts`, '', '', '', a.entries, a.exits, a.cashCents, a.cardCents, a.mobileCents, a.refunds, a.cashRefundedCents, a.voids, a.lostTickets, '', '', a.varianceCents].map(cell)),
  ];
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
