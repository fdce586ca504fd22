import { auditSql, claimSql, saveSql, seriesNumberSql, ticketJsonSql, TICKET_COLUMNS, v, type RoundTrip } from './entry-sql.js';

/** Where the database-limit run finds the car an exit checks out; see gate-script.ts. */
export type ExitTarget = 'stock' | 'ownCar';

/** The table of cars that were inside before a database-limit run, dealt to its clients in the order they came in. */
export const EXIT_QUEUE_TABLE = 'bench_exit_queue';

const EXIT_KEY = `'dbl-x-' || {series}::bigint`;

/** The fee of the stay as `quoteTicketFee` gives it for the bench's tariff ($10/hour, no grace, no daily cap). */
const HOURS = `greatest(1, ceil(${v('x_stay_minutes', 'int')} / 60.0))::int`;
const AMOUNT = `${HOURS} * ${v('x_hourly_rate', 'int')}`;
const BREAKDOWN = `jsonb_build_object(
  'durationMinutes', ${v('x_stay_minutes', 'int')}, 'hourlyRate', ${v('x_hourly_rate', 'int')}, 'graceMinutes', 0, 'dailyMaxCents', null,
  'billableHours', ${HOURS}, 'graceApplied', false, 'fullDays', 0, 'dailyCapsApplied', 0, 'totalCents', ${AMOUNT})`;

/**
 * `lockTicketForExit` (api/tickets/queries.ts): the ticket by number, locked, with the garage's
 * timezone. One column more than the server's: the stay in minutes, which the server works out in
 * Node and this needs for the fee. The ticket number comes from the exit queue (a car that was
 * inside when the run began) or from the series number of a car this client brought in.
 */
function lockSql(target: ExitTarget): string {
  const number =
    target === 'stock'
      ? `(select ticket_number from ${EXIT_QUEUE_TABLE} where garage_index = {g}::int and client = {client}::int and seq = {k}::int)`
      : seriesNumberSql('{exitseries}::bigint');
  return `select ${TICKET_COLUMNS}, (select timezone from garages where id = {garage}::int) as garage_timezone,
      floor(extract(epoch from now() - entry_time) / 60)::int as stay_minutes
    from tickets
    where garage_id = {garage}::int and ticket_number = ${number}
    for update`;
}

/**
 * `completeTicket` (api/tickets/queries.ts): the completion, the release of the car's space and
 * the look for a car over capacity to hand it to, sent together in one round trip.
 */
const COMPLETE_PIPELINE = [
  `update tickets set
      status = 'completed',
      exit_time = now(),
      duration_minutes = ${v('x_stay_minutes', 'int')},
      amount_paid = ${AMOUNT},
      payment_method = 'Cash',
      fee_breakdown = ${BREAKDOWN}
    where id = ${v('x_id', 'int')} and status = 'active'
    returning ${TICKET_COLUMNS}`,
  `update spaces set ticket_id = null where ticket_id = ${v('x_id', 'int')} returning garage_id, number`,
  `select s.number, s.ticket_id from spaces s join tickets t on t.id = s.ticket_id
    where not s.open and s.ticket_id is not null
      and s.garage_id = (select garage_id from tickets where id = ${v('x_id', 'int')})
      and exists (
        select 1 from tickets left_car join spaces freed on freed.garage_id = left_car.garage_id and freed.number = left_car.space_number
        where left_car.id = ${v('x_id', 'int')} and freed.open and freed.ticket_id is null
      )
    order by s.number desc limit 1
    for update of s, t skip locked`,
];

/**
 * The round trips of one exit as the server makes them for `PUT /api/tickets/:n/exit`
 * (exitVehicle → runIdempotent → completeStay): `begin`; with a key, claim it; lock the ticket;
 * complete it, free its space and look for a car over capacity (pipelined); its audit row; with a
 * key, save the answer; `commit`. Without the session check HTTP makes first.
 */
export function exitRoundTrips(options: { idempotency: boolean }, target: ExitTarget): RoundTrip[] {
  const exit = { exitTime: 'now()', minutes: v('x_stay_minutes', 'int'), amount: AMOUNT, breakdown: BREAKDOWN };
  const trips: (RoundTrip | null)[] = [
    { statements: ['begin'] },
    options.idempotency ? { statements: [claimSql('ticket.exit', EXIT_KEY)] } : null,
    { statements: [lockSql(target)], keep: 'x_' },
    { statements: COMPLETE_PIPELINE },
    {
      statements: [
        auditSql(
          'ticket.exit',
          v('x_ticket_number', 'text'),
          `jsonb_build_object('amountPaid', ${AMOUNT}, 'paymentMethod', 'Cash', 'durationMinutes', ${v('x_stay_minutes', 'int')},
            'exitTime', now(), 'clientDated', false, 'receivedAt', now(), 'offline', false)`,
        ),
      ],
    },
    options.idempotency ? { statements: [saveSql(EXIT_KEY, `jsonb_build_object('ticket', ${ticketJsonSql('x_', exit)})`)] } : null,
    { statements: ['commit'] },
  ];
  return trips.filter((t): t is RoundTrip => t !== null);
}
