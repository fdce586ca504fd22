import type { AuditEntry, AuditSource } from '../../../shared/auth.js';
import { alertKindName } from './alert-words.js';

/**
 * What each audit action says, as a verb phrase after the person's name (`{s}`: its subject), and
 * what the filter lists. An action the app does not know is shown by its raw name and subject.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, { label: string; phrase: string }>> = {
  'ticket.enter': { label: 'Car in', phrase: 'issued ticket {s}' },
  'ticket.exit': { label: 'Car out', phrase: 'checked out {s}' },
  'ticket.void': { label: 'Void', phrase: 'voided {s}' },
  'ticket.refund': { label: 'Refund', phrase: 'refunded {s}' },
  'ticket.correct': { label: 'Ticket corrected', phrase: 'corrected {s}' },
  'ticket.lost_ticket_waiver': { label: 'Lost-ticket fee waived', phrase: 'waived the lost-ticket fee of {s}' },
  'exception.request': { label: 'Approval asked', phrase: 'asked a manager to approve request #{s}' },
  'exception.approve': { label: 'Request approved', phrase: 'approved request #{s}' },
  'exception.deny': { label: 'Request denied', phrase: 'denied request #{s}' },
  'exception.expire': { label: 'Request expired', phrase: 'let request #{s} expire' },
  'shift.open': { label: 'Shift opened', phrase: 'opened shift #{s}' },
  'shift.close': { label: 'Shift closed', phrase: 'closed shift #{s}' },
  'shift.drop': { label: 'Cash drop', phrase: 'recorded a cash drop on shift #{s}' },
  'shift.payout': { label: 'Payout', phrase: 'recorded a payout on shift #{s}' },
  'shift.float_add': { label: 'Float added', phrase: 'added to the float of shift #{s}' },
  'shift.reconcile': { label: 'Shift reconciled', phrase: 'reconciled shift #{s}' },
  'shift.unclosed': { label: 'Shift left open', phrase: 'noted shift #{s} was never closed' },
  'settings.update': { label: 'Settings changed', phrase: 'changed the garage settings' },
  'rate_plan.update': { label: 'Rates changed', phrase: 'saved a new rate plan' },
  'merchant.create': { label: 'Merchant added', phrase: 'added {s}' },
  'validation_code.create': { label: 'Validation code added', phrase: 'added validation code {s}' },
  'validation_code.update': { label: 'Validation code changed', phrase: 'changed validation code {s}' },
  'permit.create': { label: 'Permit added', phrase: 'added {s}' },
  'permit.update': { label: 'Permit changed', phrase: 'changed {s}' },
  'permit.import': { label: 'Permits imported', phrase: 'imported permits' },
  'reservation.create': { label: 'Reservation booked', phrase: 'booked {s}' },
  'reservation.cancel': { label: 'Reservation cancelled', phrase: 'cancelled {s}' },
  'outbox.discard': { label: 'Phone item discarded', phrase: 'discarded {s} on a phone' },
  'outbox.discard.resolve': { label: 'Payment resolved', phrase: 'resolved discarded item #{s}' },
  'alert.mute': { label: 'Alert muted', phrase: 'muted {kind}' },
  'alert.unmute': { label: 'Alert unmuted', phrase: 'unmuted {kind}' },
  'garage.create': { label: 'Garage added', phrase: 'added garage #{s}' },
  'garage.update': { label: 'Garage changed', phrase: 'changed garage #{s}' },
  'user.create': { label: 'Staff account added', phrase: 'added the staff account {s}' },
  'user.update': { label: 'Staff account changed', phrase: 'changed the staff account {s}' },
  'auth.login': { label: 'Sign-in', phrase: 'signed in' },
  'auth.logout': { label: 'Sign-out', phrase: 'signed out' },
  'auth.login_failed': { label: 'Failed sign-in', phrase: 'failed to sign in as {s}' },
  'auth.login_throttled': { label: 'Sign-in blocked', phrase: 'blocked sign-ins as {s} (too many tries)' },
  'slack.channel.link': { label: 'Slack channel linked', phrase: 'linked Slack channel {s}' },
};

/** The actions the filter offers, by their label. */
export const auditActionChoices = Object.entries(AUDIT_ACTIONS)
  .map(([action, { label }]) => ({ action, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Where a change came from, in words. */
export const SOURCE_WORDS: Record<AuditSource, string> = { pwa: 'in the app', api: 'through the API', slack: 'in Slack', system: 'by ParkOps itself' };

/**
 * Who an actor is, in words: the name the phone knows for them, else their account number, Slack id or "ParkOps".
 * @example personName('user:7', new Map([['user:7', 'ana']])) // 'ana'
 * @example personName('user:9', new Map()) // 'Staff #9'
 */
export function personName(actor: string, names: ReadonlyMap<string, string>): string {
  const known = names.get(actor);
  if (known) return known;
  if (actor === 'system') return 'ParkOps';
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return `Staff #${user[1]}`;
  const slack = /^slack:(.+)$/.exec(actor);
  if (slack) return `Slack user ${slack[1]}`;
  return actor;
}

/**
 * One audit entry as a sentence: who did what to what.
 * @example auditSentence({ actor: 'user:7', action: 'ticket.exit', subject: 'PS-7K3QXM' }, new Map([['user:7', 'ana']])) // 'ana checked out PS-7K3QXM'
 */
export function auditSentence(e: Pick<AuditEntry, 'actor' | 'action' | 'subject'>, names: ReadonlyMap<string, string>): string {
  const who = personName(e.actor, names);
  const known = Object.hasOwn(AUDIT_ACTIONS, e.action) ? AUDIT_ACTIONS[e.action]! : null;
  if (!known) return `${who}: ${e.action}${e.subject ? ` (${e.subject})` : ''}`;
  const subject = e.subject ?? '';
  const phrase = known.phrase.replace('{kind}', `“${alertKindName(subject)}” alerts`).replace('{s}', subject.replace(/^(permit|reservation|merchant):/, (_, what: string) => `${what} #`));
  return `${who} ${phrase}`.replace(/\s+$/, '');
}

/**
 * The names the audit log itself tells: a sign-in or sign-out names the account that made it
 * (`user:7` signed in as `ana`). Managers cannot list staff accounts; this fills the gaps.
 */
export function namesFromEntries(entries: readonly Pick<AuditEntry, 'actor' | 'action' | 'subject'>[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) if ((e.action === 'auth.login' || e.action === 'auth.logout') && e.subject && e.actor.startsWith('user:')) names.set(e.actor, e.subject);
  return names;
}
