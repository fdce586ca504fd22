import type { SessionEndReason } from '../../shared/auth.js';
import type { Db } from '../db/types.js';
import type { StaffMember } from '../http/env.js';

/** Starts a session known by the hash of its token. */
export async function insertSession(sql: Db, tokenHash: string, userId: number, now: Date): Promise<void> {
  await sql`insert into sessions (token_hash, user_id, created_at, last_seen_at) values (${tokenHash}, ${userId}, ${now}, ${now})`;
}

/** How stale `last_seen_at` may get before a request writes it again, so most requests only read. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The live session for a token hash and its user; null when unknown, ended, idle since before
 * `idleSince`, or its user is disabled. Moves `last_seen_at` to `now` only when it is more than a
 * minute old: a write (a row lock and a WAL flush) on every request would queue all the requests
 * of one session behind each other (found by `npm run bench`).
 */
export async function touchSession(sql: Db, tokenHash: string, now: Date, idleSince: Date): Promise<StaffMember | null> {
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const [row] = await sql<StaffMember[]>`
    with s as (
      select user_id, last_seen_at from sessions
      where token_hash = ${tokenHash} and ended_at is null and last_seen_at >= ${idleSince}
    ),
    touched as (
      update sessions set last_seen_at = ${now}
      where token_hash = ${tokenHash} and (select last_seen_at from s) < ${staleBefore}
    )
    select id, username, role, disabled, slack_user_id, created_at
    from users where id = (select user_id from s) and not disabled
  `;
  return row ?? null;
}

/** Ends one session (logout). */
export async function endSession(sql: Db, tokenHash: string, now: Date): Promise<void> {
  await sql`update sessions set ended_at = ${now}, end_reason = 'signed_out' where token_hash = ${tokenHash} and ended_at is null`;
}

/** Ends every session of a user, saying why (their account was disabled, or their password reset). */
export async function endUserSessions(sql: Db, userId: number, now: Date, reason: 'password_reset' | 'disabled'): Promise<void> {
  await sql`update sessions set ended_at = ${now}, end_reason = ${reason} where user_id = ${userId} and ended_at is null`;
}

/**
 * Why a token has no live session (asked only after `touchSession` found none): not known, ended
 * (and why), its user disabled, or idle since before `idleSince`.
 */
export async function explainMissingSession(sql: Db, tokenHash: string, idleSince: Date): Promise<Exclude<SessionEndReason, 'no_session'>> {
  const [row] = await sql<{ endedAt: Date | null; endReason: SessionEndReason | null; lastSeenAt: Date; disabled: boolean }[]>`
    select s.ended_at, s.end_reason, s.last_seen_at, u.disabled
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash}
  `;
  if (!row) return 'unknown';
  if (row.endedAt) return row.endReason === 'password_reset' || row.endReason === 'disabled' ? row.endReason : 'signed_out';
  if (row.disabled) return 'disabled';
  if (row.lastSeenAt < idleSince) return 'idle';
  return 'unknown';
}

/** Records a failed login for throttling. */
export async function recordLoginFailure(sql: Db, username: string, now: Date): Promise<void> {
  await sql`insert into login_failures (username, at) values (${username}, ${now})`;
}

/** Failed logins for a username since `since`, and the oldest of them (when the window frees up). */
export async function countLoginFailures(sql: Db, username: string, since: Date) {
  const [row] = await sql<{ n: number; oldest: Date | null }[]>`
    select count(*)::int as n, min(at) as oldest from login_failures where username = ${username} and at >= ${since}
  `;
  return row!;
}

/** Forgets the failures of a username after a successful login. */
export async function clearLoginFailures(sql: Db, username: string): Promise<void> {
  await sql`delete from login_failures where username = ${username}`;
}
