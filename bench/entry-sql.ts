import { scatteredCodeSql, ticketNumberSql } from './ticket-sql.js';

/**
 * The database-limit transactions are written once, as the statements the server sends, with
 * `{name}` placeholders for what changes per transaction; bench/gate-script.ts renders them for
 * pgbench (`:name`) and for postgres.js (`$n`). Every placeholder carries an explicit cast, so both
 * tools may send it as text.
 *
 * Placeholders: `{garage}` the garage id, `{series}` the new car's series number (its plate, ticket
 * number and idempotency key derive from it), `{e_…}` the entry statement's answer, `{x_…}` the
 * locked ticket of an exit; see gate-script.ts for the rest.
 */

/**
 * One round trip: a statement, or several sent together (pipelined). `keep` keeps the first row's
 * columns as variables `{<keep><column>}` (pgbench's `\aset`: no row keeps the values before).
 */
export type RoundTrip = { statements: string[]; keep?: string };

/**
 * A variable as a parameter of type `type`; an empty one is null (pgbench keeps a null as ''). An
 * entry whose ticket number was taken meanwhile inserts nothing (the server would draw another
 * number; a car of the garage's series cannot collide, but a random one of the server can match a
 * number this run draws): its audit row then records nulls instead of failing the run.
 */
export const v = (name: string, type: string) => `nullif({${name}}, '')::${type}`;

/** Plates of the database-limit run: `Q` + 9 hex digits of the series number, a prefix nothing else in the bench uses. */
export const DB_LIMIT_PLATE_PREFIX = 'Q';

/** The idempotency scope of the database-limit transactions (the server's are `<door>:<actor>`; no colon here: pgbench would read `:name` in a literal as a variable). */
export const DB_LIMIT_SCOPE = 'api.db-limit';

/** A request fingerprint as the server stores it (sha256 hex); the same for all: only its size matters. */
const REQUEST_HASH = `'${'ab12'.repeat(16)}'`;

/** The columns the server reads back from a ticket (api/tickets/queries.ts `columns`). */
export const TICKET_COLUMNS = `id, ticket_number, license_plate, vehicle_type, entry_time, exit_time, duration_minutes,
  amount_paid, status, payment_method, hourly_rate, grace_minutes, daily_max_cents, fee_breakdown,
  last_seen_active_at`;

/** SQL giving the plate of series number `expr`. */
export const plateSql = (expr: string) => `'${DB_LIMIT_PLATE_PREFIX}' || upper(lpad(to_hex(${expr}), 9, '0'))`;

/** SQL giving the ticket number of series number `expr`. */
export const seriesNumberSql = (expr: string) => ticketNumberSql(scatteredCodeSql(expr));

/** `claimIdempotencyKey` (api/idempotency/queries.ts): a new key, or one past its window taken over, in one statement. */
export function claimSql(operation: 'ticket.enter' | 'ticket.exit', key: string): string {
  return `insert into idempotency_keys (garage_id, scope, key, operation, request_hash, created_at)
    values ({garage}::int, '${DB_LIMIT_SCOPE}', ${key}, '${operation}', ${REQUEST_HASH}, now())
    on conflict (garage_id, scope, key) do update
      set operation = excluded.operation, request_hash = excluded.request_hash, result = null, created_at = excluded.created_at
      where idempotency_keys.created_at < now() - interval '24 hours'
    returning key`;
}

/** `saveIdempotentResult`: the use case's answer stored under its key. */
export function saveSql(key: string, result: string): string {
  return `update idempotency_keys set result = ${result}
    where garage_id = {garage}::int and scope = '${DB_LIMIT_SCOPE}' and key = ${key}`;
}

/** `recordAudit` (api/audit/queries.ts). */
export function auditSql(action: 'ticket.enter' | 'ticket.exit', subject: string, details: string): string {
  return `insert into audit_log (garage_id, actor, source, action, subject, details)
    values ({garage}::int, 'system', 'system', '${action}', ${subject}, ${details})`;
}

/** The ticket as the API shows it (api/tickets/ticket-view.ts `toTicket`), built from `{p…}` variables: what the idempotency row stores. */
export function ticketJsonSql(p: string, exit: { exitTime: string; minutes: string; amount: string; breakdown: string } | null): string {
  return `jsonb_build_object(
    'id', ${v(`${p}id`, 'int')}, 'ticketNumber', ${v(`${p}ticket_number`, 'text')}, 'licensePlate', ${v(`${p}license_plate`, 'text')},
    'vehicleType', ${v(`${p}vehicle_type`, 'text')}, 'entryTime', ${v(`${p}entry_time`, 'timestamptz')},
    'exitTime', ${exit ? exit.exitTime : 'null'}, 'durationMinutes', ${exit ? exit.minutes : 'null'},
    'amountPaid', ${exit ? exit.amount : 'null'}, 'status', '${exit ? 'completed' : 'active'}',
    'paymentMethod', ${exit ? "'Cash'" : 'null'}, 'hourlyRate', ${v(`${p}hourly_rate`, 'int')},
    'tariff', jsonb_build_object('hourlyRate', ${v(`${p}hourly_rate`, 'int')}, 'graceMinutes', ${v(`${p}grace_minutes`, 'int')}, 'dailyMaxCents', null),
    ${exit ? '' : `'amountDue', ${v(`${p}hourly_rate`, 'int')}, `}'feeBreakdown', ${exit ? exit.breakdown : `jsonb_build_object(
      'durationMinutes', 0, 'hourlyRate', ${v(`${p}hourly_rate`, 'int')}, 'graceMinutes', 0, 'dailyMaxCents', null, 'billableHours', 1,
      'graceApplied', false, 'fullDays', 0, 'dailyCapsApplied', 0, 'totalCents', ${v(`${p}hourly_rate`, 'int')})`})`;
}

const NEW_PLATE = plateSql('{series}::bigint');
const ENTRY_KEY = `'dbl-e-' || {series}::bigint`;

/**
 * `enterOnFreeSpace` (api/tickets/queries.ts), verbatim but for its parameters: unless the plate is
 * inside, claim the lowest free open space with `for update skip locked`, insert the ticket on it
 * with the garage's tariff, mark the space taken — one statement.
 */
const ENTER_ON_FREE_SPACE = `with garage as (
    select id, total_spaces, timezone, hourly_rate, grace_minutes, daily_max_cents from garages where id = {garage}::int
  ), inside as (
    select ticket_number from tickets
    where garage_id = {garage}::int and plate_normalized = ${NEW_PLATE} and status = 'active'
  ), space as (
    select number from spaces
    where garage_id = {garage}::int and open and ticket_id is null and not exists (select 1 from inside)
    order by number
    limit 1
    for update skip locked
  ), ticket as (
    insert into tickets (
      garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time,
      hourly_rate, grace_minutes, daily_max_cents, last_seen_active_at, space_number
    )
    select g.id, ${seriesNumberSql('{series}::bigint')}, ${NEW_PLATE}, ${NEW_PLATE}, 'Car', now(),
      g.hourly_rate, g.grace_minutes, g.daily_max_cents, now(), s.number
    from garage g, space s
    on conflict do nothing
    returning ${TICKET_COLUMNS}, space_number
  ), taken as (
    update spaces set ticket_id = ticket.id from ticket
    where spaces.garage_id = {garage}::int and spaces.number = ticket.space_number
  )
  select g.total_spaces as garage_total_spaces, g.timezone as garage_timezone, g.hourly_rate as garage_hourly_rate,
    g.grace_minutes as garage_grace_minutes, g.daily_max_cents as garage_daily_max_cents,
    (select ticket_number from inside) as active_ticket_number,
    (select number from space) as claimed_space,
    ticket.*
  from garage g left join ticket on true`;

/**
 * The round trips of one entry as the server makes them for `POST /api/tickets` (enterVehicle →
 * runIdempotent → issueTicket): `begin`; with a key, claim it; the entry statement; its audit row;
 * with a key, save the answer; `commit`. Not here, because it is not the entry's work: the session
 * check each request makes before it (`touchSession`), which HTTP pays and this does not.
 */
export function entryRoundTrips(options: { idempotency: boolean }): RoundTrip[] {
  const trips: (RoundTrip | null)[] = [
    { statements: ['begin'] },
    options.idempotency ? { statements: [claimSql('ticket.enter', ENTRY_KEY)] } : null,
    { statements: [ENTER_ON_FREE_SPACE], keep: 'e_' },
    {
      statements: [
        auditSql(
          'ticket.enter',
          v('e_ticket_number', 'text'),
          `jsonb_build_object('licensePlate', ${v('e_license_plate', 'text')}, 'vehicleType', ${v('e_vehicle_type', 'text')},
            'entryTime', ${v('e_entry_time', 'timestamptz')}, 'space', ${v('e_claimed_space', 'int')},
            'clientDated', false, 'receivedAt', now(), 'offline', false)`,
        ),
      ],
    },
    options.idempotency
      ? { statements: [saveSql(ENTRY_KEY, `jsonb_build_object('ticket', ${ticketJsonSql('e_', null)}, 'occupancy', null, 'timezone', ${v('e_garage_timezone', 'text')})`)] }
      : null,
    { statements: ['commit'] },
  ];
  return trips.filter((t): t is RoundTrip => t !== null);
}
