import { formatCents } from '../../shared/format.js';
import type { Shift } from '../../shared/shifts.js';
import { formatDateTime } from './format.js';
import { context, escapeText, fields, header, section, type Reply } from './reply.js';

/** "Short $1.20" / "Over $0.50" / "Balanced", from a variance in cents. */
export function varianceWords(cents: number): string {
  if (cents === 0) return 'Balanced';
  return `${cents < 0 ? 'Short' : 'Over'} ${formatCents(Math.abs(cents))}`;
}

/**
 * The managers' channel message for a shift that needs a manager: closed with a cash variance
 * beyond the garage's threshold, or left open 24 hours and closed by the server (unclosed) — with
 * its figures and its voids, refunds and lost tickets, and how to reconcile it.
 */
export function buildShiftNeedsManager(shift: Shift, timeZone: string, garage: string): Reply {
  const unclosed = shift.status === 'unclosed';
  const what = unclosed ? `Shift left open 24 hours` : `Cash variance: ${varianceWords(shift.varianceCents ?? 0)}`;
  const cash = (cents: number | null) => (cents === null ? '—' : formatCents(cents));
  return {
    response_type: 'in_channel',
    text: `${what} at ${garage}: ${shift.username}'s shift #${shift.id}${unclosed ? ' was closed by the server without a count' : ` (counted ${cash(shift.declaredCashCents)}, expected ${cash(shift.expectedCashCents)})`}`,
    blocks: [
      header(`${what} — ${garage}`),
      section(
        unclosed
          ? `*${escapeText(shift.username)}*'s shift #${shift.id} was still open 24 hours after it opened, so the server closed it without a count. *${cash(shift.expectedCashCents)}* was expected in the drawer.`
          : `*${escapeText(shift.username)}* counted *${cash(shift.declaredCashCents)}*; *${cash(shift.expectedCashCents)}* was expected.`,
      ),
      fields([
        ['Opened', formatDateTime(shift.openedAt, timeZone)],
        ['Closed', shift.closedAt ? formatDateTime(shift.closedAt, timeZone) : '—'],
        ['Float', cash(shift.openingFloatCents)],
        ['Cash taken', cash(shift.cashTakenCents)],
        ['Voids · refunds · lost tickets', `${shift.voids} · ${shift.refunds} · ${shift.lostTickets}`],
        ['Exits', String(shift.exits)],
      ]),
      context(`Reconcile it in the app (Shift) or with POST /api/shifts/${shift.id}/reconcile.`),
    ],
  };
}
