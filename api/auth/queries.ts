import type { Role, User } from '../../shared/auth.js';
import type { Db } from '../db/types.js';

/** A staff account as stored, with its password hash (never sent anywhere). */
export type UserRow = {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  slackUserId: string | null;
  createdAt: Date;
};

const userColumns = (sql: Db) => sql`id, username, password_hash, role, disabled, slack_user_id, created_at`;

/** A user as the API shows it. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    slackUserId: row.slackUserId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A lock number shared by every server: the first admin is created once. */
const FIRST_ADMIN_LOCK = 727_274_003;

/** Serializes first starts (until the transaction ends) so replicas create one first admin. */
export async function lockFirstAdmin(sql: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
}

/** How many accounts exist. */
export async function countUsers(sql: Db): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  return row!.n;
}

/** A user by username (lowercase). */
export async function loadUserByUsername(sql: Db, username: string): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users where username = ${username}`;
  return row ?? null;
}

/** A user by id. */
export async function loadUser(sql: Db, id: number): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users where id = ${id}`;
  return row ?? null;
}

/** The staff account linked to a Slack user, if any. */
export async function loadUserBySlackId(sql: Db, slackUserId: string): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users where slack_user_id = ${slackUserId}`;
  return row ?? null;
}

/** All accounts, by username. */
export async function listUsers(sql: Db): Promise<UserRow[]> {
  return sql<UserRow[]>`select ${userColumns(sql)} from users order by username`;
}

/** Creates an account; null when the username (or Slack id) is taken. */
export async function insertUser(
  sql: Db,
  u: { username: string; passwordHash: string; role: Role; slackUserId?: string | null | undefined },
): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`
    insert into users (username, password_hash, role, slack_user_id)
    values (${u.username}, ${u.passwordHash}, ${u.role}, ${u.slackUserId ?? null})
    on conflict do nothing
    returning ${userColumns(sql)}
  `;
  return row ?? null;
}

/** Changes the given fields of an account. */
export async function updateUser(
  sql: Db,
  id: number,
  u: { role?: Role | undefined; passwordHash?: string | undefined; disabled?: boolean | undefined; slackUserId?: string | null | undefined },
): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`
    update users set
      role = coalesce(${u.role ?? null}::text, role),
      password_hash = coalesce(${u.passwordHash ?? null}::text, password_hash),
      disabled = coalesce(${u.disabled ?? null}::boolean, disabled),
      slack_user_id = case when ${u.slackUserId !== undefined}::boolean then ${u.slackUserId ?? null}::text else slack_user_id end,
      updated_at = now()
    where id = ${id}
    returning ${userColumns(sql)}
  `;
  return row ?? null;
}

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
export async function touchSession(sql: Db, tokenHash: string, now: Date, idleSince: Date): Promise<UserRow | null> {
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const [row] = await sql<UserRow[]>`
    with s as (
      select user_id, last_seen_at from sessions
      where token_hash = ${tokenHash} and ended_at is null and last_seen_at >= ${idleSince}
    ),
    touched as (
      update sessions set last_seen_at = ${now}
      where token_hash = ${tokenHash} and (select last_seen_at from s) < ${staleBefore}
    )
    select ${userColumns(sql)} from users where id = (select user_id from s) and not disabled
  `;
  return row ?? null;
}

/** Ends one session (logout). */
export async function endSession(sql: Db, tokenHash: string, now: Date): Promise<void> {
  await sql`update sessions set ended_at = ${now} where token_hash = ${tokenHash} and ended_at is null`;
}

/** Ends every session of a user (disabled, or password reset). */
export async function endUserSessions(sql: Db, userId: number, now: Date): Promise<void> {
  await sql`update sessions set ended_at = ${now} where user_id = ${userId} and ended_at is null`;
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
