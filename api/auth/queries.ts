import type { SessionEndReason } from '../../shared/auth.js';
import type { Db } from '../db/types.js';
import type { StaffMember } from '../http/env.js';
import { staffColumns } from '../users/queries.js';

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
    select ${staffColumns(sql)}
    from users u where u.id = (select user_id from s) and not u.disabled
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

/** What sign-in attempts are counted by: the username tried, or the client's address. */
export type LoginScope = 'username' | 'address';

/** The advisory-lock class of sign-in throttling keys (the two-int lock space; migrations use the one-bigint space). */
const LOGIN_LOCK_CLASS = 727_274;

/**
 * Serializes the attempts on one key, on every server, until the transaction ends. Take them in a
 * fixed order (address, then username) so two attempts never wait on each other.
 */
export async function lockLoginKey(sql: Db, scope: LoginScope, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}::int, hashtext(${`${scope}:${key}`}))`;
}

/** Attempts on a key inside the window (since `since`), and the oldest of them (when the window frees up); forgets older ones. */
export async function countLoginAttempts(sql: Db, scope: LoginScope, key: string, since: Date): Promise<{ n: number; oldest: Date | null }> {
  await sql`delete from login_attempts where scope = ${scope} and key = ${key} and at < ${since}`;
  const [row] = await sql<{ n: number; oldest: Date | null }[]>`
    select count(*)::int as n, min(at) as oldest
    from login_attempts
    where scope = ${scope} and key = ${key} and at >= ${since}
  `;
  return row!;
}

/** Reserves an attempt on a key (it counts as a failure until a success removes it); its id. */
export async function insertLoginAttempt(sql: Db, scope: LoginScope, key: string, now: Date): Promise<number> {
  const [row] = await sql<{ id: string }[]>`
    insert into login_attempts (scope, key, at) values (${scope}, ${key}, ${now}) returning id::text
  `;
  return Number(row!.id);
}

/** Forgets one reserved attempt (the address's share of a successful sign-in). */
export async function deleteLoginAttempt(sql: Db, id: number): Promise<void> {
  await sql`delete from login_attempts where id = ${id}`;
}

/** Forgets every attempt on a username (after it signed in). */
export async function clearLoginAttempts(sql: Db, username: string): Promise<void> {
  await sql`delete from login_attempts where scope = 'username' and key = ${username}`;
}

/** Deletes up to `batch` sign-in attempts older than `olderThan` (every key); how many went. */
export async function pruneLoginAttempts(sql: Db, olderThan: Date, batch = 5000): Promise<number> {
  const rows = await sql`
    delete from login_attempts
    where id in (select id from login_attempts where at < ${olderThan} limit ${batch})
  `;
  return rows.count;
}
