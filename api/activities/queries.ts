import type { Activity } from '../../shared/tickets.js';
import type { Db } from '../db/types.js';

/** The newest entries and exits, merged newest first; each side read through its time index. */
export async function loadActivities(sql: Db, garageId: number, limit: number) {
  return sql<(Omit<Activity, 'timestamp' | 'amountPaid'> & { timestamp: Date; amountPaid: string | null })[]>`
    (
      select 'entry' as type, entry_time as timestamp, ticket_number, license_plate, vehicle_type,
        null::int as amount_paid, null::text as payment_method, id
      from tickets where garage_id = ${garageId}
      order by entry_time desc limit ${limit}
    )
    union all
    (
      select 'exit', exit_time, ticket_number, license_plate, vehicle_type, amount_paid, payment_method, id
      from tickets where garage_id = ${garageId} and exit_time is not null
      order by exit_time desc limit ${limit}
    )
    order by timestamp desc, id desc, type desc
    limit ${limit}
  `;
}
