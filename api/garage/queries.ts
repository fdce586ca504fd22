import type { GarageSettings, SettingsUpdate } from '../../shared/garage.js';
import type { Db, Sql } from '../db/types.js';

/** A lock number shared by every server: the first start creates the garage once. */
const FIRST_START_LOCK = 727_274_002;

/** The garage of this deployment, made at first start with the given settings; its id. */
export async function ensureGarage(sql: Sql, defaults: Pick<GarageSettings, 'totalSpaces' | 'hourlyRate' | 'timezone'>): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${FIRST_START_LOCK})`;
    const [existing] = await tx<{ id: number }[]>`select id from garages order by id limit 1`;
    if (existing) return existing.id;
    const [created] = await tx<{ id: number }[]>`
      insert into garages (total_spaces, hourly_rate, timezone)
      values (${defaults.totalSpaces}, ${defaults.hourlyRate}, ${defaults.timezone})
      returning id
    `;
    return created!.id;
  });
}

/** A garage's settings. */
export async function loadSettings(sql: Db, garageId: number): Promise<GarageSettings | null> {
  const [row] = await sql<GarageSettings[]>`
    select total_spaces, hourly_rate, timezone, grace_minutes, daily_max_cents
    from garages where id = ${garageId}
  `;
  return row ?? null;
}

/** The garage's timezone: every time shown to a person is in it. */
export async function loadGarageTimezone(sql: Db, garageId: number): Promise<string> {
  const [row] = await sql<{ timezone: string }[]>`select timezone from garages where id = ${garageId}`;
  if (!row) throw new Error(`garage ${garageId} does not exist`);
  return row.timezone;
}

/** Changes the settings that are present in `update`; gives the settings after the change. */
export async function updateSettings(sql: Db, garageId: number, update: SettingsUpdate): Promise<GarageSettings | null> {
  const has = (key: keyof SettingsUpdate) => update[key] !== undefined;
  const [row] = await sql<GarageSettings[]>`
    update garages set
      total_spaces = coalesce(${update.totalSpaces ?? null}::int, total_spaces),
      hourly_rate = coalesce(${update.hourlyRate ?? null}::int, hourly_rate),
      timezone = coalesce(${update.timezone ?? null}::text, timezone),
      grace_minutes = coalesce(${update.graceMinutes ?? null}::int, grace_minutes),
      daily_max_cents = case when ${has('dailyMaxCents')}::boolean then ${update.dailyMaxCents ?? null}::int else daily_max_cents end,
      updated_at = now()
    where id = ${garageId}
    returning total_spaces, hourly_rate, timezone, grace_minutes, daily_max_cents
  `;
  return row ?? null;
}
