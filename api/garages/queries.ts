import type { Garage, GarageUpdate } from '../../shared/garages.js';
import type { Db } from '../db/types.js';

const garageColumns = (sql: Db) => sql`id, name, address, lat, lon, public_feed, total_spaces, hourly_rate, timezone`;

/** A garage by id. */
export async function loadGarage(sql: Db, garageId: number): Promise<Garage | null> {
  const [row] = await sql<Garage[]>`select ${garageColumns(sql)} from garages where id = ${garageId}`;
  return row ?? null;
}

/** Changes the fields present in `update` (a change of total_spaces resizes the spaces: sql/0010); the garage after. */
export async function updateGarage(sql: Db, garageId: number, update: GarageUpdate): Promise<Garage | null> {
  const has = (key: keyof GarageUpdate) => update[key] !== undefined;
  const [row] = await sql<Garage[]>`
    update garages set
      name = case when ${has('name')} then ${update.name ?? null}::text else name end,
      address = case when ${has('address')} then ${update.address ?? null}::text else address end,
      lat = case when ${has('lat')} then ${update.lat ?? null}::double precision else lat end,
      lon = case when ${has('lon')} then ${update.lon ?? null}::double precision else lon end,
      public_feed = case when ${has('publicFeed')} then ${update.publicFeed ?? null}::boolean else public_feed end,
      total_spaces = case when ${has('totalSpaces')} then ${update.totalSpaces ?? null}::integer else total_spaces end,
      hourly_rate = case when ${has('hourlyRate')} then ${update.hourlyRate ?? null}::integer else hourly_rate end,
      timezone = case when ${has('timezone')} then ${update.timezone ?? null}::text else timezone end,
      updated_at = now()
    where id = ${garageId}
    returning ${garageColumns(sql)}
  `;
  return row ?? null;
}

/** What the public feed shows of the garages that publish: capacity and cars inside, counted now. */
export type FeedRow = { id: number; name: string; address: string | null; lat: number | null; lon: number | null; totalSpaces: number; occupied: number };

/** The published garages (all, or one) with their cars inside, in one query. */
export async function loadPublishedOccupancy(sql: Db, garageId?: number): Promise<FeedRow[]> {
  return sql<FeedRow[]>`
    select g.id, g.name, g.address, g.lat, g.lon, g.total_spaces,
      (select count(*)::int from spaces s where s.garage_id = g.id and s.ticket_id is not null) as occupied
    from garages g
    where g.public_feed ${garageId === undefined ? sql`` : sql`and g.id = ${garageId}`}
    order by g.id
  `;
}
