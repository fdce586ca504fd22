import type { Db } from '../db/types.js';

/** Every garage's cars inside now (spaces held) and its spaces, by garage id. */
export async function loadOccupancy(sql: Db) {
  return sql<{ garageId: number; occupied: number; totalSpaces: number }[]>`
    select g.id as garage_id, g.total_spaces,
      (select count(*)::int from spaces s where s.garage_id = g.id and s.ticket_id is not null) as occupied
    from garages g order by g.id
  `;
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
