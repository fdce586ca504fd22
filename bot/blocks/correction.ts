import type { GarageException, Refund } from '../../shared/corrections.js';
import { formatCents } from '../../shared/format.js';
import type { Ticket } from '../../shared/tickets.js';
import { askedText, reasonWords, type ExceptionGarage } from './exception.js';
import { formatDateTime, formatWhen } from './format.js';
import { personOf } from './person.js';
import { context, escapeText, fields, section, type Reply } from './reply.js';

/** A void carried out (`/park void` by someone who may): in the channel, so the gate knows the ticket is gone. */
export function buildVoided(ticket: Ticket, timeZone: string): Reply {
  const voided = ticket.voided;
  const reason = voided ? reasonWords(voided.reason) : 'Voided';
  return {
    response_type: 'in_channel',
    text: `Voided ${ticket.ticketNumber} (${reason.toLowerCase()})`,
    blocks: [
      section(`:wastebasket: *Voided ${ticket.ticketNumber}* — ${escapeText(ticket.licensePlate)}: never charged, its space is free again.`),
      fields([
        ['Reason', escapeText(reason)],
        ...(voided?.note ? [['Note', escapeText(voided.note)] as [string, string]] : []),
        ['Entered', formatDateTime(ticket.entryTime, timeZone)],
        ...(voided ? [['Voided', `${formatDateTime(voided.at, timeZone)} by ${personOf(voided.by, voided.by)}`] as [string, string]] : []),
      ]),
    ],
  };
}

/** A refund carried out (`/park refund` by someone who may): in the channel, with what the ticket paid and has had back. */
export function buildRefunded(ticket: Ticket, refund: Refund, timeZone: string): Reply {
  const reason = reasonWords(refund.reason);
  return {
    response_type: 'in_channel',
    text: `Refunded ${formatCents(refund.amountCents)} on ${ticket.ticketNumber} (${reason.toLowerCase()}), ${refund.method}`,
    blocks: [
      section(`:leftwards_arrow_with_hook: *Refunded ${formatCents(refund.amountCents)}* on ${ticket.ticketNumber} — ${escapeText(ticket.licensePlate)}`),
      fields([
        ['Reason', escapeText(reason)],
        ...(refund.note ? [['Note', escapeText(refund.note)] as [string, string]] : []),
        ['Given back by', refund.method],
        ['When', formatDateTime(refund.refundedAt, timeZone)],
        ['Ticket paid', formatCents(ticket.amountPaid ?? 0)],
        ['Refunded in all', formatCents(ticket.refundedCents)],
      ]),
    ],
  };
}

/**
 * The answer to a request that now waits for a manager (only the asker sees it): what, until when,
 * and that nothing changes before a decision. `askedBefore`: the same request already waited
 * (asked earlier, perhaps by someone else), so this one was not filed again.
 */
export function buildRequestPending(e: GarageException, garage: ExceptionGarage, now: Date, askedBefore: boolean): Reply {
  const until = formatWhen(e.expiresAt, now, garage.timezone);
  const line = askedBefore
    ? `:hourglass_flowing_sand: *A manager was already asked*: ${escapeText(askedText(e))} — by ${personOf(e.requestedBy, e.requestedByName)} at ${formatWhen(e.requestedAt, now, garage.timezone)}; waiting until ${until}.`
    : `:hourglass_flowing_sand: *Asked a manager*: ${escapeText(askedText(e))} — waiting until ${until}.`;
  return {
    response_type: 'ephemeral',
    text: askedBefore ? `A manager was already asked: waiting until ${until}` : `Asked a manager: waiting until ${until}`,
    blocks: [
      section(line),
      context(
        `Nothing changes until a manager of ${escapeText(garage.name)} approves it, in Slack or in the app${askedBefore ? '' : '; you will get a direct message with the answer'}. Request #${e.id}.`,
      ),
    ],
  };
}
