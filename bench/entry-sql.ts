import { scatteredCodeSql, ticketNumberSql } from './ticket-sql.js';

/** Plates of the database-limit run: `Q` + 9 hex digits, a prefix nothing else in the bench uses. */
export const DB_LIMIT_PLATE_PREFIX = 'Q';

/** The columns the server reads back from its insert. */
const TICKET_COLUMNS = `id, ticket_number, license_plate, vehicle_type, entry_time, exit_time, duration_minutes,
  amount_paid, status, payment_method, hourly_rate, grace_minutes, daily_max_cents, fee_breakdown`;

/**
 * The statements of one entry, as api/tickets (lockGarageForEntry, insertTicket) and
 * api/audit (recordAudit) send them inside `begin … commit`: lock the garage row (`for no key update`,
 * as the server does since the fault tests), read occupancy and
 * the plate's active ticket, insert the ticket, insert its audit row. `plate` and `code` are SQL
 * expressions of two integers (pgbench variables or bind parameters) making the plate and number.
 */
export function entryStatements(garageId: number, plate: string, code: string): string[] {
  const plateText = `'${DB_LIMIT_PLATE_PREFIX}' || upper(lpad(to_hex(${plate}), 9, '0'))`;
  const number = ticketNumberSql(scatteredCodeSql(code));
  return [
    `select id from garages where id = ${garageId} for no key update`,
    `select g.total_spaces, g.hourly_rate, g.grace_minutes, g.daily_max_cents,
       (select count(*)::int from tickets t where t.garage_id = g.id and t.status = 'active') as occupied,
       (select t.ticket_number from tickets t
         where t.garage_id = g.id and t.plate_normalized = ${plateText} and t.status = 'active') as active_ticket_number
     from garages g where g.id = ${garageId}`,
    `insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time,
       hourly_rate, grace_minutes, daily_max_cents)
     values (${garageId}, ${number}, ${plateText}, ${plateText}, 'Car', now(), 1000, 0, null)
     on conflict do nothing
     returning ${TICKET_COLUMNS}`,
    `insert into audit_log (garage_id, actor, source, action, subject, details)
     values (${garageId}, 'system', 'system', 'ticket.enter', ${number},
       jsonb_build_object('licensePlate', ${plateText}, 'vehicleType', 'Car', 'entryTime', now(), 'offline', false, 'dbLimit', true))`,
  ];
}

/** Removes what the database-limit run wrote, so the HTTP entry run starts from the same occupancy. */
export const CLEANUP_STATEMENTS = [
  `delete from tickets where status = 'active' and plate_normalized like '${DB_LIMIT_PLATE_PREFIX}%'`,
  `delete from audit_log where action = 'ticket.enter' and details ? 'dbLimit'`,
  'vacuum (analyze) tickets',
  'vacuum (analyze) audit_log',
];
