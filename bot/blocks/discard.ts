import type { Discard } from '../../shared/discards.js';
import { formatCents } from '../../shared/format.js';
import { formatDateTime } from './format.js';
import { context, escapeText, fields, header, section, type Reply } from './reply.js';

/**
 * The managers' channel message for a paid exit discarded on a phone: the money taken, by whom,
 * for which car, what the server said and the attendant's reason, and how to resolve it.
 */
export function buildPaymentNeedsManager(discard: Discard, timeZone: string): Reply {
  const amount = discard.amountCents === null ? 'an unknown amount' : formatCents(discard.amountCents);
  const car = [discard.ticketNumber, discard.licensePlate].filter(Boolean).join(' · ') || discard.key;
  const taken = `${amount}${discard.paymentMethod ? ` (${discard.paymentMethod})` : ''}`;
  return {
    response_type: 'in_channel',
    text: `Payment to resolve: ${taken} taken by ${discard.discardedBy.username} for ${car} could not be recorded`,
    blocks: [
      header('Payment to resolve'),
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
