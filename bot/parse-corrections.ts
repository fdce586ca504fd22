import { MAX_REFUND_CENTS, REASON_WORDS, REFUND_REASONS, RefundBody, VOID_REASONS, VoidBody, type RefundReason, type VoidReason } from '../shared/corrections.js';
import { readTicketTarget, type PaymentMethod, type TicketTarget } from '../shared/tickets.js';
import { readCents, splitLost, splitPaymentMethod } from './parse-words.js';

/** The `/park` commands that correct a ticket, read from their words (or what to type instead). */
export type CorrectionCommand =
  | { kind: 'void'; target: TicketTarget; reason: VoidReason; note: string | null }
  | { kind: 'refund'; ticketNumber: string; amountCents: number; reason: RefundReason; note: string | null }
  | { kind: 'waive'; target: TicketTarget; paymentMethod: PaymentMethod }
  | { kind: 'invalid'; message: string };

/** The words a reason may be typed as: its name with spaces or underscores, or its words for people ("charged twice"). */
function reasonAliases<R extends keyof typeof REASON_WORDS>(reasons: readonly R[]): Map<string, R> {
  const aliases = new Map<string, R>();
  for (const r of reasons) {
    aliases.set(r.replace(/_/g, ' '), r);
    aliases.set(REASON_WORDS[r].toLowerCase(), r);
  }
  return aliases;
}
const VOID_WORDS = reasonAliases(VOID_REASONS);
const REFUND_WORDS = reasonAliases(REFUND_REASONS);
const comparableWords = (words: readonly string[]) => words.join(' ').toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The reason that `words` start with (longest alias first) and how many words it took; null when none. */
function readReason<R extends string>(words: readonly string[], aliases: Map<string, R>): { reason: R; length: number } | null {
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const reason = aliases.get(comparableWords(words.slice(0, n)));
    if (reason) return { reason, length: n };
  }
  return null;
}

/** The reasons as they are typed, for help and refusals: `duplicate, wrong plate, …`. */
const typed = (reasons: readonly string[]) => reasons.map((r) => r.replace(/_/g, ' ')).join(', ');

/**
 * A reason and its note, checked by the API's own body schema (`other` needs a note; at most 500
 * characters); the refusal message when not.
 */
function checkedNote(body: { success: boolean; error?: { issues: { message: string }[] } }, reason: string, note: string | null, command: string, example: string): string | null {
  if (reason === 'other' && (note ?? '').length < 3) return `Say in a few words why, after "other", e.g. \`${command} ${example} other car towed\`.`;
  return body.success ? null : (body.error?.issues[0]?.message ?? 'That note cannot be kept.');
}

/**
 * An amount of money as typed: `5`, `5.00`, `$5`, `$12.5`; in cents, or null when it is not one
 * (or is 0, or more than a refund may be).
 * @example readAmount('$5.50') // 550
 */
export function readAmount(text: string): number | null {
  const cents = readCents(text);
  return cents !== null && cents >= 1 && cents <= MAX_REFUND_CENTS ? cents : null;
}

/** `void <ticket|plate> <reason> [note…]`: the target is the words before the first reason that leaves a readable target. */
export function parseVoid(args: string[], command: string): CorrectionCommand {
  const usage = `Try \`${command} void PS-7K3QXM duplicate\` or \`${command} void ABC 123 wrong plate typed ABC 128\` (reasons: ${typed(VOID_REASONS)}).`;
  if (args.length === 0) return { kind: 'invalid', message: `Void which ticket, and why? ${usage}` };
  for (let i = 1; i < args.length; i++) {
    const found = readReason(args.slice(i), VOID_WORDS);
    if (!found) continue;
    const target = readTicketTarget(args.slice(0, i).join(' '));
    if (!target) continue;
    const note = args.slice(i + found.length).join(' ') || null;
    const refused = checkedNote(VoidBody.safeParse({ reason: found.reason, ...(note ? { note } : {}) }), found.reason, note, command, 'void PS-7K3QXM');
    if (refused) return { kind: 'invalid', message: refused };
    return { kind: 'void', target, reason: found.reason, note };
  }
  if (!readTicketTarget(args[0]!)) return { kind: 'invalid', message: `"${args.join(' ')}" does not start with a ticket number (PS-7K3QXM) or a licence plate. ${usage}` };
  return { kind: 'invalid', message: `Why void it? Say a reason after the ticket or plate. ${usage}` };
}

/** `refund <ticket> <amount> <reason> [note…]`. */
export function parseRefund(args: string[], command: string): CorrectionCommand {
  const usage = `Try \`${command} refund PS-7K3QXM 5.00 wrong rate\` (reasons: ${typed(REFUND_REASONS)}).`;
  const [ticketText, amountText, ...rest] = args;
  if (!ticketText) return { kind: 'invalid', message: `Refund which ticket, how much, and why? ${usage}` };
  const target = readTicketTarget(ticketText);
  if (!target?.ticketNumber) return { kind: 'invalid', message: `A refund names the ticket number (PS-7K3QXM), not "${ticketText}"; \`${command} find <plate>\` finds it. ${usage}` };
  const amountCents = amountText === undefined ? null : readAmount(amountText);
  if (amountCents === null) return { kind: 'invalid', message: `How much? Write the amount like 5.00 or $5 (at most $10,000,000.00), after the ticket number. ${usage}` };
  const found = readReason(rest, REFUND_WORDS);
  if (!found) return { kind: 'invalid', message: `Why refund it? Say a reason after the amount. ${usage}` };
  const note = rest.slice(found.length).join(' ') || null;
  const body = RefundBody.safeParse({ amountCents, reason: found.reason, ...(note ? { note } : {}) });
  const refused = checkedNote(body, found.reason, note, command, `refund ${target.ticketNumber} ${amountText}`);
  if (refused) return { kind: 'invalid', message: refused };
  return { kind: 'refund', ticketNumber: target.ticketNumber, amountCents, reason: found.reason, note };
}

/** `waive <ticket|plate> <method>`: a lost ticket checked out without the lost-ticket fee. */
export function parseWaive(args: string[], command: string): CorrectionCommand {
  const { rest, method } = splitPaymentMethod(splitLost(args).rest);
  const usage = `Try \`${command} waive ABC 123 cash\`.`;
  if (rest.length === 0) return { kind: 'invalid', message: `Waive the lost-ticket fee of which car? ${usage}` };
  const target = readTicketTarget(rest.join(' '));
  if (!target) return { kind: 'invalid', message: `"${rest.join(' ')}" is neither a ticket number (PS-7K3QXM) nor a licence plate. ${usage}` };
  if (!method) return { kind: 'invalid', message: `How is the stay paid? ${usage}` };
  return { kind: 'waive', target, paymentMethod: method };
}
