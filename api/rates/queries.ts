import type { RatePlan, RatePlanBody } from '../../shared/rate-plan.js';
import type { Db } from '../db/types.js';

/** A plan as stored in rate_plans.plan: its rules and the timezone its clock times are read in. */
export type StoredPlan = RatePlanBody & { timezone: string };

type PlanRow = {
  version: number | null;
  hourlyRate: number;
  graceMinutes: number;
  dailyMaxCents: number | null;
  timezone: string;
  plan: StoredPlan | null;
  createdAt: Date | null;
  createdBy: string | null;
};

/**
 * A garage's plan in force: its saved version, or (none saved yet) version 0 made of its plain
 * tariff. With `lock`, the garage row is locked, so versions are numbered one after another.
 */
export async function loadRatePlan(sql: Db, garageId: number, options: { lock?: boolean } = {}): Promise<RatePlan | null> {
  const [row] = await sql<PlanRow[]>`
    select g.rate_plan_version as version, g.hourly_rate, g.grace_minutes, g.daily_max_cents, g.timezone,
      rp.plan, rp.created_at, rp.created_by
    from garages g left join rate_plans rp on rp.garage_id = g.id and rp.version = g.rate_plan_version
    where g.id = ${garageId}
    ${options.lock ? sql`for update of g` : sql``}
  `;
  if (!row) return null;
  if (row.plan === null || row.version === null) {
    return {
      version: 0,
      timezone: row.timezone,
      hourlyRate: row.hourlyRate,
      vehicleRates: {},
      graceMinutes: row.graceMinutes,
      dailyMaxCents: row.dailyMaxCents,
      bands: [],
      specials: [],
      events: [],
      createdAt: null,
      createdBy: null,
    };
  }
  return { ...row.plan, version: row.version, createdAt: row.createdAt?.toISOString() ?? null, createdBy: row.createdBy };
}

/**
 * Saves a new version of a garage's plan (read in the garage's timezone) and puts it in force; the
 * garage's plain tariff columns follow its default rate, grace and daily max (what the seed's settings
 * show). The caller holds the garage row's lock (`loadRatePlan(…, { lock: true })`).
 */
export async function insertRatePlanVersion(sql: Db, garageId: number, plan: RatePlanBody, by: string): Promise<number> {
  const [saved] = await sql<{ version: number }[]>`
    insert into rate_plans (garage_id, version, plan, created_by)
    select g.id, coalesce((select max(version) from rate_plans where garage_id = g.id), 0) + 1,
      ${sql.json(plan)}::jsonb || jsonb_build_object('timezone', g.timezone), ${by}
    from garages g where g.id = ${garageId}
    returning version
  `;
  await sql`
    update garages set rate_plan_version = ${saved!.version}, hourly_rate = ${plan.hourlyRate},
      grace_minutes = ${plan.graceMinutes}, daily_max_cents = ${plan.dailyMaxCents}, updated_at = now()
    where id = ${garageId}
  `;
  return saved!.version;
}

/**
 * After the garage's plain tariff or timezone changed (PUT settings, PATCH garage): a garage under a
 * plan gets a new version with those fields, so the plan in force and the settings never disagree.
 * Nothing when the garage has no plan or nothing of it changed. Runs under the garage row's lock
 * taken by that update.
 */
export async function followTariffChange(sql: Db, garageId: number, by: string): Promise<number | null> {
  const [row] = await sql<{ version: number }[]>`
    with g as (
      select id, rate_plan_version, hourly_rate, grace_minutes, daily_max_cents, timezone from garages
      where id = ${garageId} and rate_plan_version is not null
    ), current as (
      select rp.plan from rate_plans rp join g on rp.garage_id = g.id and rp.version = g.rate_plan_version
    ), fresh as (
      insert into rate_plans (garage_id, version, plan, created_by)
      select g.id, (select max(version) from rate_plans where garage_id = g.id) + 1,
        current.plan || jsonb_build_object('hourlyRate', g.hourly_rate, 'graceMinutes', g.grace_minutes, 'dailyMaxCents', g.daily_max_cents, 'timezone', g.timezone),
        ${by}
      from g, current
      where (current.plan->>'hourlyRate')::integer is distinct from g.hourly_rate
        or (current.plan->>'graceMinutes')::integer is distinct from g.grace_minutes
        or (current.plan->>'dailyMaxCents')::integer is distinct from g.daily_max_cents
        or current.plan->>'timezone' is distinct from g.timezone
      returning version
    )
    select version from fresh
  `;
  if (!row) return null;
  await sql`update garages set rate_plan_version = ${row.version} where id = ${garageId}`;
  return row.version;
}
