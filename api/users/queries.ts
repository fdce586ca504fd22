import type { Role, User } from '../../shared/auth.js';
import type { Db } from '../db/types.js';
import type { StaffMember } from '../http/env.js';

/** A staff account as stored, with its password hash (never sent anywhere). */
export type UserRow = StaffMember & { passwordHash: string };

/**
 * A staff member's columns from `users u`, with the garages they may use (admins: every garage) and
 * the one the seed's paths act on for them: the default they set, else the first they may use.
 */
export const staffColumns = (sql: Db) => sql`
  u.id, u.username, u.role, u.disabled, u.slack_user_id, u.created_at,
  case when u.role = 'admin' then array(select id from garages order by id)
       else array(select garage_id from user_garages where user_id = u.id order by garage_id) end as garage_ids,
  coalesce(
    u.default_garage_id,
    (select min(garage_id) from user_garages where user_id = u.id),
    case when u.role = 'admin' then (select min(id) from garages) end,
    0
  ) as default_garage_id`;

const userColumns = (sql: Db) => sql`${staffColumns(sql)}, u.password_hash`;

/** A user as the API shows it. */
export function toUser(row: StaffMember): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    slackUserId: row.slackUserId,
    createdAt: row.createdAt.toISOString(),
    garageIds: row.garageIds,
    defaultGarageId: row.defaultGarageId,
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
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users u where u.username = ${username}`;
  return row ?? null;
}

/** A user by id. */
export async function loadUser(sql: Db, id: number): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users u where u.id = ${id}`;
  return row ?? null;
}

/** The staff account linked to a Slack user, if any. */
export async function loadUserBySlackId(sql: Db, slackUserId: string): Promise<UserRow | null> {
  const [row] = await sql<UserRow[]>`select ${userColumns(sql)} from users u where u.slack_user_id = ${slackUserId}`;
  return row ?? null;
}

/** All accounts, by username. */
export async function listUsers(sql: Db): Promise<UserRow[]> {
  return sql<UserRow[]>`select ${userColumns(sql)} from users u order by u.username`;
}

/**
 * Creates an account with the garages it may use (none given: the first garage, as before several
 * garages existed) and its default; null when the username (or Slack id) is taken. Run it in a
 * transaction; the garages must exist (`unknownGarages`).
 */
export async function insertUser(
  sql: Db,
  u: {
    username: string;
    passwordHash: string;
    role: Role;
    slackUserId?: string | null | undefined;
    garageIds?: readonly number[] | undefined;
    defaultGarageId?: number | null | undefined;
  },
): Promise<UserRow | null> {
  const [row] = await sql<{ id: number }[]>`
    insert into users (username, password_hash, role, slack_user_id)
    values (${u.username}, ${u.passwordHash}, ${u.role}, ${u.slackUserId ?? null})
    on conflict do nothing
    returning id
  `;
  if (!row) return null;
  const first = await firstGarageId(sql);
  const garageIds = u.garageIds ?? (first === null ? [] : [first]);
  await setUserGarages(sql, row.id, garageIds, u.defaultGarageId ?? null);
  return loadUser(sql, row.id);
}

/**
 * Sets the garages a user may use (replacing those before, when given) and their default (when
 * given; null: the first of them). Removing the default garage clears the default (its foreign
 * key, sql/0013). The garages must exist and the default be one of them, else a foreign key refuses it.
 */
export async function setUserGarages(sql: Db, userId: number, garageIds: readonly number[] | undefined, defaultGarageId: number | null | undefined): Promise<void> {
  if (garageIds) {
    const ids = garageIds as number[];
    await sql`delete from user_garages where user_id = ${userId} and garage_id <> all(${ids}::int[])`;
    await sql`insert into user_garages (user_id, garage_id) select ${userId}, g from unnest(${ids}::int[]) g on conflict do nothing`;
  }
  if (defaultGarageId !== undefined) await sql`update users set default_garage_id = ${defaultGarageId} where id = ${userId}`;
}

/** Of these garage ids, the ones no garage has. */
export async function unknownGarages(sql: Db, garageIds: readonly number[]): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select g as id from unnest(${garageIds as number[]}::int[]) g where not exists (select 1 from garages where id = g)`;
  return rows.map((r) => r.id);
}

/** The garages a user has stored (for admins, who may use all, the ones they were given), by id. */
export async function storedGarageIds(sql: Db, userId: number): Promise<number[]> {
  const rows = await sql<{ garageId: number }[]>`select garage_id from user_garages where user_id = ${userId} order by garage_id`;
  return rows.map((r) => r.garageId);
}

/** The first garage (the one a user created without garages may use, as before several garages). */
export async function firstGarageId(sql: Db): Promise<number | null> {
  const [row] = await sql<{ id: number | null }[]>`select min(id) as id from garages`;
  return row?.id ?? null;
}

/** Changes the given fields of an account; false when there is none with this id. */
export async function updateUser(
  sql: Db,
  id: number,
  u: { role?: Role | undefined; passwordHash?: string | undefined; disabled?: boolean | undefined; slackUserId?: string | null | undefined },
): Promise<boolean> {
  const rows = await sql`
    update users set
      role = coalesce(${u.role ?? null}::text, role),
      password_hash = coalesce(${u.passwordHash ?? null}::text, password_hash),
      disabled = coalesce(${u.disabled ?? null}::boolean, disabled),
      slack_user_id = case when ${u.slackUserId !== undefined}::boolean then ${u.slackUserId ?? null}::text else slack_user_id end,
      updated_at = now()
    where id = ${id}
    returning id
  `;
  return rows.length > 0;
}
