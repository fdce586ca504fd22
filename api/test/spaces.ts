import type { Db } from '../db/types.js';

/** The capacity books of a garage: cars inside, spaces taken, and any space whose record disagrees with its ticket. */
export type SpaceBooks = { active: number; taken: number; mismatched: number; doubled: number; openTaken: number; open: number };

/**
 * Reads the capacity books: active tickets, taken spaces, spaces that point at a ticket that is not
 * active in that very space, and spaces held by two active tickets. Kept books have
 * `active === taken` and nothing mismatched or doubled.
 */
export async function readSpaceBooks(sql: Db, garageId: number): Promise<SpaceBooks> {
  const [row] = await sql<SpaceBooks[]>`
    select
      (select count(*)::int from tickets where garage_id = ${garageId} and status = 'active') as active,
      (select count(*)::int from spaces where garage_id = ${garageId} and ticket_id is not null) as taken,
      (select count(*)::int from spaces s left join tickets t on t.id = s.ticket_id
        where s.garage_id = ${garageId} and s.ticket_id is not null
          and (t.id is null or t.status <> 'active' or t.garage_id <> s.garage_id or t.space_number <> s.number)) as mismatched,
      (select count(*)::int from (select space_number from tickets where garage_id = ${garageId} and status = 'active'
        group by space_number having count(*) > 1) d) as doubled,
      (select count(*)::int from spaces where garage_id = ${garageId} and open and ticket_id is not null) as open_taken,
      (select count(*)::int from spaces where garage_id = ${garageId} and open) as open
  `;
  return row!;
}
