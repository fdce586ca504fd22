import { z } from 'zod';
import { REASON_WORDS, type GarageException } from '../../shared/corrections.js';
import { formatCents } from '../../shared/format.js';
import { formatDateTime, formatWhen } from './format.js';
import { personOf } from './person.js';
import { context, escapeText, fields, header, section, type Block, type Reply } from './reply.js';

/** The action ids of a request's buttons. */
export const APPROVE_ACTION = 'exception_approve';
export const DENY_ACTION = 'exception_deny';

/** What an Approve / Deny button carries: which request, of which garage, and whether it sits in `/park approvals`' list. */
export const ExceptionChoice = z.object({
  exceptionId: z.number().int().min(1).max(2_147_483_647),
  garageId: z.number().int().min(1).max(2_147_483_647),
  list: z.literal(true).optional(),
});
export type ExceptionChoice = z.infer<typeof ExceptionChoice>;

/** Reads an Approve / Deny button's value; null when it is not one this bot made. */
export function readExceptionChoice(value: string | undefined): ExceptionChoice | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null; // not JSON: not a value this bot wrote
  }
  const result = ExceptionChoice.safeParse(parsed);
  return result.success ? result.data : null;
}

/** The garage a request belongs to, as its messages name it. */
export type ExceptionGarage = { id: number; name: string; timezone: string };

const TYPE_WORDS: Record<GarageException['type'], string> = { void: 'Void', refund: 'Refund', lost_ticket_waiver: 'Lost-ticket fee waiver' };

/** A reason for people: `wrong_plate` -> `Wrong plate`. */
export function reasonWords(reason: string): string {
  return REASON_WORDS[reason as keyof typeof REASON_WORDS] ?? reason;
}

/** What is at stake, in words. */
function stake(e: GarageException): string {
  const amount = formatCents(e.amountCents);
  switch (e.type) {
    case 'void':
      return `${amount} due, never charged`;
    case 'refund':
      return `${amount} back to the driver`;
    case 'lost_ticket_waiver':
      return `${amount} lost-ticket fee not charged`;
  }
}

/** What is asked, for which car, in mrkdwn: `*Void* of *PS-7K3QXM* · ABC 123 — $20.00 due, never charged`. */
export function asked(e: GarageException): string {
  return `*${TYPE_WORDS[e.type]}* of *${e.ticketNumber}* · ${escapeText(e.licensePlate)} — ${stake(e)}`;
}

/** The same in plain text, for notifications: `void of PS-7K3QXM (ABC 123), $20.00`. */
export function askedText(e: GarageException): string {
  return `${TYPE_WORDS[e.type].toLowerCase()} of ${e.ticketNumber} (${e.licensePlate}), ${formatCents(e.amountCents)}`;
}

/** Reason, note, who asked and when, and the request's number. */
function requestFields(e: GarageException, timeZone: string, extra: [string, string][] = []): Block {
  return fields([
    ['Reason', escapeText(reasonWords(e.reason))],
    ...(e.note ? [['Note', escapeText(e.note)] as [string, string]] : []),
    ['Asked by', personOf(e.requestedBy, e.requestedByName)],
    ['Asked', formatDateTime(e.requestedAt, timeZone)],
    ...extra,
    ['Request', `#${e.id}`],
  ]);
}

/** Approve / Deny, carrying the request and its garage. */
export function decisionButtons(e: GarageException, options: { list?: boolean } = {}): Block {
  const value = JSON.stringify({ exceptionId: e.id, garageId: e.garageId, ...(options.list ? { list: true } : {}) } satisfies ExceptionChoice);
  return {
    type: 'actions',
    block_id: `exception:${e.id}`,
    elements: [
      { type: 'button', action_id: APPROVE_ACTION, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value },
      { type: 'button', action_id: DENY_ACTION, text: { type: 'plain_text', text: 'Deny' }, style: 'danger', value },
    ],
  };
}

/**
 * The managers' channel message for a request that waits: what it is (type, ticket, plate, amount,
 * reason, note), who asked, when it expires, the garage, and Approve / Deny.
 */
export function buildExceptionRequest(e: GarageException, garage: ExceptionGarage): Reply {
  const expires = formatDateTime(e.expiresAt, garage.timezone);
  return {
    response_type: 'in_channel',
    text: `Approval needed at ${garage.name}: ${askedText(e)} — asked by ${e.requestedByName}, expires ${expires}`,
    blocks: [
      header(`Approval needed — ${garage.name}`),
      section(asked(e)),
      requestFields(e, garage.timezone, [['Expires', expires]]),
      decisionButtons(e),
      context(`Garage: *${escapeText(garage.name)}* · only a manager of this garage can decide; the first decision counts, in Slack or in the app.`),
    ],
  };
}

/** How a request ended, in mrkdwn and in plain text: `Approved by <@U0MIA> at Mon 23 Nov 14:05`. */
export function decisionWords(e: GarageException, timeZone: string, when: (instant: string) => string = (i) => formatDateTime(i, timeZone)) {
  const at = e.decidedAt ? when(e.decidedAt) : '—';
  const by = e.decidedBy ?? 'system';
  switch (e.status) {
    case 'approved':
      return { mrkdwn: `:white_check_mark: *Approved* by ${personOf(by, e.decidedByName ?? by)} at ${at}`, text: `Approved by ${e.decidedByName ?? by} at ${at}` };
    case 'denied':
      return { mrkdwn: `:no_entry_sign: *Denied* by ${personOf(by, e.decidedByName ?? by)} at ${at}`, text: `Denied by ${e.decidedByName ?? by} at ${at}` };
    case 'expired':
      return { mrkdwn: `:hourglass: *Expired* at ${at}, nobody decided`, text: `Expired at ${at}, nobody decided` };
    case 'pending':
      return { mrkdwn: `:hourglass_flowing_sand: *Waiting* for a manager until ${when(e.expiresAt)}`, text: `Waiting for a manager until ${when(e.expiresAt)}` };
  }
}

/** What the decision did to the ticket. */
function effect(e: GarageException): string {
  if (e.status === 'denied') return 'Nothing was changed.';
  if (e.status === 'expired') return 'Nothing was changed; ask again if it is still needed.';
  switch (e.type) {
    case 'void':
      return 'Carried out: the ticket is voided, its space freed, nothing charged.';
    case 'refund':
      return `Carried out: ${formatCents(e.amountCents)} refunded.`;
    case 'lost_ticket_waiver':
      return 'Carried out: the car is checked out without the lost-ticket fee.';
  }
}

/** The request's message once decided or expired (it replaces the one with buttons): who decided what and when, no buttons. */
export function buildExceptionDecided(e: GarageException, garage: ExceptionGarage): Reply {
  const decision = decisionWords(e, garage.timezone);
  const title = { approved: 'Approved', denied: 'Denied', expired: 'Expired', pending: 'Approval needed' }[e.status];
  return {
    response_type: 'in_channel',
    text: `${decision.text}: ${askedText(e)} — ${garage.name}`,
    blocks: [
      header(`${title} — ${garage.name}`),
      section(decision.mrkdwn),
      section(asked(e)),
      requestFields(e, garage.timezone, e.decisionNote ? [["Manager's note", escapeText(e.decisionNote)]] : []),
      context(`${effect(e)} Garage: *${escapeText(garage.name)}*`),
    ],
  };
}

/** What a click on a request already decided, or expired, is told (only the clicker sees it): "Already approved by sam at 14:05". */
export function buildDecisionNotice(e: GarageException, timeZone: string, now: Date): Reply {
  const when = (instant: string) => formatWhen(instant, now, timeZone);
  const at = e.decidedAt ? when(e.decidedAt) : '—';
  const by = e.decidedBy ?? 'system';
  const line =
    e.status === 'expired'
      ? { text: `This request expired at ${at}; nobody decided, and nothing changed.`, mrkdwn: `:hourglass: This request expired at ${at}; nobody decided, and nothing changed.` }
      : {
          text: `Already ${e.status} by ${e.decidedByName ?? by} at ${at}; your click changed nothing.`,
          mrkdwn: `Already ${e.status} by ${personOf(by, e.decidedByName ?? by)} at ${at}; your click changed nothing.`,
        };
  return { response_type: 'ephemeral', replace_original: false, text: line.text, blocks: [section(line.mrkdwn)] };
}

/** The direct message to a requester who asked from Slack: what became of their request. */
export function buildOutcomeForRequester(e: GarageException, garage: ExceptionGarage): Reply {
  const decision = decisionWords(e, garage.timezone);
  return {
    response_type: 'in_channel',
    text: `Your request at ${garage.name}: ${askedText(e)} — ${decision.text}`,
    blocks: [
      section(`Your request at *${escapeText(garage.name)}*: ${asked(e)}`),
      section(decision.mrkdwn + (e.decisionNote ? ` — _${escapeText(e.decisionNote)}_` : '')),
      context(`${effect(e)} Request #${e.id}.`),
    ],
  };
}
