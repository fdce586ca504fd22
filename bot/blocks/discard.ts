import type { Discard } from '../../shared/discards.js';
import { formatCents } from '../../shared/format.js';
import { formatDateTime } from './format.js';
import { context, escapeText, fields, header, section, type Reply } from './reply.js';

/**
 * The managers' channel message for a paid exit discarded on a phone: the money taken, by whom,
 * for which car, in which garage (named when given: several may share a channel), what the server
 * said and the attendant's reason, and how to resolve it.
 */
export function buildPaymentNeedsManager(discard: Discard, timeZone: string, garage?: string): Reply {
  const amount = discard.amountCents === null ? 'an unknown amount' : formatCents(discard.amountCents);
  const car = [discard.ticketNumber, discard.licensePlate].filter(Boolean).join(' · ') || discard.key;
  const taken = `${amount}${discard.paymentMethod ? ` (${discard.paymentMethod})` : ''}`;
  return {
    response_type: 'in_channel',
    text: `Payment to resolve${garage ? ` at ${garage}` : ''}: ${taken} taken by ${discard.discardedBy.username} for ${car} could not be recorded`,
    blocks: [
      header(`Payment to resolve${garage ? ` — ${garage}` : ''}`),
      section(`*${escapeText(taken)}* was taken by *${escapeText(discard.discardedBy.username)}* for *${escapeText(car)}*, but the server refused the exit and the phone handed it over.`),
      fields([
        ['When', formatDateTime(discard.happenedAt, timeZone)],
        ['Server said', escapeText(discard.refusal.message)],
        ['Attendant said', escapeText(discard.reason)],
        ['Record', `#${discard.id}`],
      ]),
      context(`Resolve it in the app (Settings › Payments to resolve) or with POST /api/discards/${discard.id}/resolve.`),
    ],
  };
}

/** The paid exits that wait for a manager (newest first), for `/park payments`: only the asker sees it. */
export function buildPaymentsToResolve(discards: Discard[], timeZone: string, more: boolean): Reply {
  if (discards.length === 0) {
    return { response_type: 'ephemeral', text: 'No payments to resolve.', blocks: [section('No payments to resolve: every paid exit handed over from a phone has been accounted for.')] };
  }
  const total = discards.reduce((sum, d) => sum + (d.amountCents ?? 0), 0);
  const line = (d: Discard) => {
    const car = [d.ticketNumber, d.licensePlate].filter(Boolean).join(' · ') || d.key;
    const amount = d.amountCents === null ? 'unknown amount' : formatCents(d.amountCents);
    return `• *#${d.id}* ${escapeText(amount)}${d.paymentMethod ? ` (${d.paymentMethod})` : ''} — ${escapeText(car)}, by ${escapeText(d.discardedBy.username)} at ${formatDateTime(d.happenedAt, timeZone)}: _${escapeText(d.reason)}_`;
  };
  return {
    response_type: 'ephemeral',
    text: `${discards.length}${more ? '+' : ''} payments to resolve (${formatCents(total)})`,
    blocks: [
      header('Payments to resolve'),
      section(discards.map(line).join('\n')),
      context(`${more ? 'The newest shown; more wait. ' : ''}Resolve them in the app (Settings › Payments to resolve) or with POST /api/discards/:id/resolve.`),
    ],
  };
}
