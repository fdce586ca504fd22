import type { Role, User } from '../../shared/auth.js';
import type { Db } from '../db/types.js';
import type { StaffMember } from '../http/env.js';

/** A staff account as stored, with its password hash (never sent anywhere). */
export type UserRow = StaffMember & { passwordHash: string };

const userColumns = (sql: Db) => sql`id, username, password_hash, role, disabled, slack_user_id, created_at`;

/** A user as the API shows it. */
export function toUser(row: StaffMember): User {
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
