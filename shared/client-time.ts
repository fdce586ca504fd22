import { ENTRY_CLOCK_SKEW_MS, isEntryTimeAcceptable } from './entry.js';

/**
 * Time from the client is evidence, not truth. The phone sends the time it recorded an entry or
 * exit (always — so a retry hashes alike); the server accepts it inside a window, records that it
 * came from the client, and checks it against what the server itself saw.
 */

/** A client time that reaches the server more than this after the time it claims was recorded offline. */
export const OFFLINE_AFTER_MS = 60_000;

/** What the audit records about when an entry or exit happened and who said so. */
export type ClientTimeEvidence = {
  /** True when the time came from the client (the phone), false when the server dated it. */
  clientDated: boolean;
  /** The time the client claims. */
  claimedTime?: string;
  /** When the server received it. */
  receivedAt: string;
  /** Whole minutes from the claimed time to its arrival (0 for a clock ahead of the server). */
  minutesBetween?: number;
  /** True when it arrived more than OFFLINE_AFTER_MS after the time it claims. */
  offline: boolean;
};

/**
 * The evidence of a client-sent time: client-dated, and offline only when it arrived more than a
 * minute after the time it claims.
 * @example clientTimeEvidence(new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T12:00:00Z')) // { clientDated: true, minutesBetween: 180, offline: true, … }
 */
export function clientTimeEvidence(claimed: Date | undefined, received: Date): ClientTimeEvidence {
  if (!claimed) return { clientDated: false, receivedAt: received.toISOString(), offline: false };
  const lateMs = received.getTime() - claimed.getTime();
  return {
    clientDated: true,
    claimedTime: claimed.toISOString(),
    receivedAt: received.toISOString(),
    minutesBetween: Math.floor(Math.max(0, lateMs) / 60_000),
    offline: lateMs > OFFLINE_AFTER_MS,
  };
}

/** When a car left, or why the time the client sent cannot be it. */
export type ExitTimeDecision =
  | { ok: true; exitTime: Date }
  | { ok: false; reason: 'out_of_window' }
  | { ok: false; reason: 'before_last_seen'; lastSeen: Date };

/**
 * Decides an exit's time. Invariants: without a client time it is `now` (or the entry time, when
 * `now` is before it: a replica's clock behind the one that issued the ticket); a client time lies within
 * the last 24 hours and at most 2 minutes ahead of `now` (as entries); it is not more than 2 minutes
 * (a device clock behind the server's) before the last time the server handed the ticket out as
 * active — the car was still inside then; and an exit is never before its entry (a time just before
 * it, from a clock behind, becomes the entry time).
 */
export function decideExitTime(claimed: Date | undefined, ticket: { entryTime: Date; lastSeenActiveAt: Date | null }, now: Date): ExitTimeDecision {
  // a server clock a moment behind the one that issued the ticket (another replica) never dates an exit before its entry
  if (!claimed) return { ok: true, exitTime: now < ticket.entryTime ? ticket.entryTime : now };
  if (!isEntryTimeAcceptable(claimed, now)) return { ok: false, reason: 'out_of_window' };
  const lastSeen = ticket.lastSeenActiveAt && ticket.lastSeenActiveAt > ticket.entryTime ? ticket.lastSeenActiveAt : ticket.entryTime;
  if (claimed.getTime() < lastSeen.getTime() - ENTRY_CLOCK_SKEW_MS) return { ok: false, reason: 'before_last_seen', lastSeen };
  return { ok: true, exitTime: claimed < ticket.entryTime ? ticket.entryTime : claimed };
}
