import type { GarageSettings, SettingsUpdate } from '../../shared/garage.js';
import type { Garage } from '../../shared/garages.js';
import type { Db, Sql } from '../db/types.js';

/** A lock number shared by every server: the first start creates the garage once. */
const FIRST_START_LOCK = 727_274_002;

/** The first garage, made at first start with the given settings (any account made before may use it); its id. */
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
    // accounts made before there was a garage (npm run user:add on a new DATA_DIR) may use this one
    await tx`insert into user_garages (user_id, garage_id) select id, ${created!.id} from users`;
    return created!.id;
  });
}

/** A garage's settings as columns of `garages` (the approval policy as one object). */
const settingsColumns = (sql: Db) => sql`
  total_spaces, hourly_rate, timezone, grace_minutes, daily_max_cents, lost_ticket_policy, lost_ticket_fee_cents,
  require_shift_for_cash, cash_variance_alert_cents, reserved_permit_spaces, reservation_grace_minutes, reservation_max_lead_hours,
  stale_ticket_hours, void_alert_per_shift,
  json_build_object(
    'autoApproveUnderCents', json_build_object('void', auto_approve_void_cents, 'refund', auto_approve_refund_cents, 'lostTicketWaiver', auto_approve_waiver_cents),
    'timeoutMinutes', approval_timeout_minutes
  ) as approval`;

/** A garage's settings. */
export async function loadSettings(sql: Db, garageId: number): Promise<GarageSettings | null> {
  const [row] = await sql<GarageSettings[]>`select ${settingsColumns(sql)} from garages where id = ${garageId}`;
  return row ?? null;
}

/** The garage's timezone: every time shown to a person is in it. */
export async function loadGarageTimezone(sql: Db, garageId: number): Promise<string> {
  const [row] = await sql<{ timezone: string }[]>`select timezone from garages where id = ${garageId}`;
  if (!row) throw new Error(`garage ${garageId} does not exist`);
  return row.timezone;
}

/** Every field of a garage that can be changed: its settings and its profile. */
export type GarageFields = Partial<GarageSettings & Omit<Garage, 'id'>>;

/** A garage row with its settings and its profile. */
export type GarageRow = GarageSettings & Garage;

/**
 * Changes the fields present in `fields` (a change of total_spaces resizes the spaces: sql/0010) —
 * the one update of a garage row, behind PUT /api/garage/settings and PATCH /api/garages/:id; the
 * garage after, or null when there is none.
 */
export async function updateGarageRow(sql: Db, garageId: number, fields: GarageFields): Promise<GarageRow | null> {
  const has = (key: keyof GarageFields) => fields[key] !== undefined;
  const [row] = await sql<GarageRow[]>`
    update garages set
      name = case when ${has('name')} then ${fields.name ?? null}::text else name end,
      address = case when ${has('address')} then ${fields.address ?? null}::text else address end,
      lat = case when ${has('lat')} then ${fields.lat ?? null}::double precision else lat end,
      lon = case when ${has('lon')} then ${fields.lon ?? null}::double precision else lon end,
      public_feed = case when ${has('publicFeed')} then ${fields.publicFeed ?? null}::boolean else public_feed end,
      total_spaces = case when ${has('totalSpaces')} then ${fields.totalSpaces ?? null}::integer else total_spaces end,
      hourly_rate = case when ${has('hourlyRate')} then ${fields.hourlyRate ?? null}::integer else hourly_rate end,
      timezone = case when ${has('timezone')} then ${fields.timezone ?? null}::text else timezone end,
      slack_managers_channel = case when ${has('slackManagersChannel')} then ${fields.slackManagersChannel ?? null}::text else slack_managers_channel end,
      grace_minutes = case when ${has('graceMinutes')} then ${fields.graceMinutes ?? null}::integer else grace_minutes end,
      daily_max_cents = case when ${has('dailyMaxCents')} then ${fields.dailyMaxCents ?? null}::integer else daily_max_cents end,
      lost_ticket_policy = coalesce(${fields.lostTicketPolicy ?? null}::text, lost_ticket_policy),
      lost_ticket_fee_cents = coalesce(${fields.lostTicketFeeCents ?? null}::integer, lost_ticket_fee_cents),
      auto_approve_void_cents = coalesce(${fields.approval?.autoApproveUnderCents.void ?? null}::integer, auto_approve_void_cents),
      auto_approve_refund_cents = coalesce(${fields.approval?.autoApproveUnderCents.refund ?? null}::integer, auto_approve_refund_cents),
      auto_approve_waiver_cents = coalesce(${fields.approval?.autoApproveUnderCents.lostTicketWaiver ?? null}::integer, auto_approve_waiver_cents),
      approval_timeout_minutes = coalesce(${fields.approval?.timeoutMinutes ?? null}::integer, approval_timeout_minutes),
      require_shift_for_cash = coalesce(${fields.requireShiftForCash ?? null}::boolean, require_shift_for_cash),
      cash_variance_alert_cents = coalesce(${fields.cashVarianceAlertCents ?? null}::integer, cash_variance_alert_cents),
      reserved_permit_spaces = coalesce(${fields.reservedPermitSpaces ?? null}::integer, reserved_permit_spaces),
      reservation_grace_minutes = coalesce(${fields.reservationGraceMinutes ?? null}::integer, reservation_grace_minutes),
      reservation_max_lead_hours = coalesce(${fields.reservationMaxLeadHours ?? null}::integer, reservation_max_lead_hours),
      stale_ticket_hours = coalesce(${fields.staleTicketHours ?? null}::integer, stale_ticket_hours),
      void_alert_per_shift = coalesce(${fields.voidAlertPerShift ?? null}::integer, void_alert_per_shift),
      updated_at = now()
    where id = ${garageId}
    returning id, name, address, lat, lon, public_feed, slack_managers_channel, ${settingsColumns(sql)}
  `;
  return row ?? null;
}

/** Changes the settings that are present in `update`; gives the settings after the change. */
export async function updateSettings(sql: Db, garageId: number, update: SettingsUpdate): Promise<GarageSettings | null> {
  const row = await updateGarageRow(sql, garageId, update);
  return row && settingsOf(row);
}

/** A garage row's settings. */
export function settingsOf(row: GarageSettings): GarageSettings {
  const { totalSpaces, hourlyRate, timezone, graceMinutes, dailyMaxCents, lostTicketPolicy, lostTicketFeeCents, approval, requireShiftForCash, cashVarianceAlertCents } = row;
  const { reservedPermitSpaces, reservationGraceMinutes, reservationMaxLeadHours, staleTicketHours, voidAlertPerShift } = row;
  return {
    totalSpaces,
    hourlyRate,
    timezone,
    graceMinutes,
    dailyMaxCents,
    lostTicketPolicy,
    lostTicketFeeCents,
    approval,
    requireShiftForCash,
    cashVarianceAlertCents,
    reservedPermitSpaces,
    reservationGraceMinutes,
    reservationMaxLeadHours,
    staleTicketHours,
    voidAlertPerShift,
  };
}
