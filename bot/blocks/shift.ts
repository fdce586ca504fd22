import { formatCents } from '../../shared/format.js';
import type { Shift } from '../../shared/shifts.js';
import { formatDateTime } from './format.js';
import { context, escapeText, fields, section, type Reply } from './reply.js';

/** "Short $1.20" / "Over $0.50" / "Balanced", from a variance in cents. */
export function varianceWords(cents: number): string {
  if (cents === 0) return 'Balanced';
  return `${cents < 0 ? 'Short' : 'Over'} ${formatCents(Math.abs(cents))}`;
}

/** What `/park shift` may show of an open shift: never the cash taken, refunded or expected (blind until the close). */
export type BlindShift = Omit<Shift, 'cashTakenCents' | 'cashRefundedCents' | 'expectedCashCents' | 'declaredCashCents' | 'varianceCents'>;

/** The sum of a shift's movements of one kind, in cents. */
const moved = (shift: BlindShift, kind: BlindShift['movements'][number]['kind']) => shift.movements.filter((m) => m.kind === kind).reduce((n, m) => n + m.amountCents, 0);

/**
 * The ephemeral answer to `/park shift`: the caller's open shift — since when (garage time), float,
 * cars in and out, card and mobile totals, drops, payouts and float added. Blind: it takes a shift
 * without its cash figures, so nothing here can give away the expected cash before the close.
 */
export function buildMyShift(shift: BlindShift, timeZone: string, command = '/park'): Reply {
  const since = formatDateTime(shift.openedAt, timeZone);
  const drops = moved(shift, 'drop');
  const payouts = moved(shift, 'payout');
  const added = moved(shift, 'float_add');
  return {
    response_type: 'ephemeral',
    text: `Your shift #${shift.id}: open since ${since}, float ${formatCents(shift.openingFloatCents)}, ${shift.entries} in · ${shift.exits} out, card ${formatCents(shift.cardCents)}, mobile ${formatCents(shift.mobileCents)}`,
    blocks: [
      section(`:clipboard: *Your shift #${shift.id}* — open since ${since}`),
      fields([
        ['Opening float', formatCents(shift.openingFloatCents)],
        ['Cars', `${shift.entries} in · ${shift.exits} out`],
        ['Card', formatCents(shift.cardCents)],
        ['Mobile', formatCents(shift.mobileCents)],
        ['Drops · payouts', `${formatCents(drops)} · ${formatCents(payouts)}`],
        ['Float added', formatCents(added)],
        ['Voids · refunds · lost tickets', `${shift.voids} · ${shift.refunds} · ${shift.lostTickets}`],
        ['Cash', 'Counted at the close'],
      ]),
      context(`Close it in the ParkOps app (Shift): you count the cash first, then see what was expected. \`${command} shift\` never shows the cash.`),
    ],
  };
}

/** The ephemeral answer to `/park shift` with no shift open: how to open one (in the app). */
export function buildNoShift(garage: string): Reply {
  const text = `You have no open shift at ${garage}. Open one in the ParkOps app: Shift › Open shift, with the float in your drawer.`;
  return { response_type: 'ephemeral', text, blocks: [section(escapeText(text))] };
}
