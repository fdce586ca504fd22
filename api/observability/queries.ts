import type { Db } from '../db/types.js';

/** Cars inside now (active tickets) and the garage's spaces. */
export async function loadOccupancy(sql: Db, garageId: number) {
  const [row] = await sql<{ occupied: number; totalSpaces: number }[]>`
    select
      (select count(*)::int from tickets where garage_id = ${garageId} and status = 'active') as occupied,
      total_spaces
    from garages where id = ${garageId}
  `;
  return row ?? null;
}

/** This server's own database connections by state, as PostgreSQL sees them. */
export async function loadConnectionStates(sql: Db, applicationName: string) {
  return sql<{ state: string; n: number }[]>`
    select coalesce(state, 'unknown') as state, count(*)::int as n
    from pg_stat_activity
    where application_name = ${applicationName}
    group by 1
  `;
}
