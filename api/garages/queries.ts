import type { CreateGarageBody, Garage, GarageUpdate } from '../../shared/garages.js';
import type { Db } from '../db/types.js';
import { updateGarageRow } from '../garage/queries.js';

const garageColumns = (sql: Db) => sql`id, name, address, lat, lon, public_feed, total_spaces, hourly_rate, timezone, slack_managers_channel`;

/** A garage by id. */
export async function loadGarage(sql: Db, garageId: number): Promise<Garage | null> {
  const [row] = await sql<Garage[]>`select ${garageColumns(sql)} from garages where id = ${garageId}`;
  return row ?? null;
}

/** The garages with these ids (a user's garageIds), by id. */
export async function listGarages(sql: Db, garageIds: readonly number[]): Promise<Garage[]> {
  return sql<Garage[]>`select ${garageColumns(sql)} from garages where id = any(${garageIds as number[]}::int[]) order by id`;
}

/** Creates a garage (its spaces are made by the trigger of sql/0010); the garage. */
export async function insertGarage(sql: Db, g: CreateGarageBody): Promise<Garage> {
  const [row] = await sql<Garage[]>`
    insert into garages (name, address, lat, lon, public_feed, total_spaces, hourly_rate, timezone, slack_managers_channel)
    values (${g.name}, ${g.address ?? null}, ${g.lat ?? null}, ${g.lon ?? null}, ${g.publicFeed ?? false},
      ${g.totalSpaces}, ${g.hourlyRate}, ${g.timezone}, ${g.slackManagersChannel ?? null})
    returning ${garageColumns(sql)}
  `;
  return row!;
}

/** Changes the fields present in `update` (see `updateGarageRow`); the garage after. */
export async function updateGarage(sql: Db, garageId: number, update: GarageUpdate): Promise<Garage | null> {
  const row = await updateGarageRow(sql, garageId, update);
  return row && profileOf(row);
}

/** A garage row as /api/garages shows it. */
export function profileOf(row: Garage): Garage {
  const { id, name, address, lat, lon, publicFeed, totalSpaces, hourlyRate, timezone, slackManagersChannel } = row;
  return { id, name, address, lat, lon, publicFeed, totalSpaces, hourlyRate, timezone, slackManagersChannel };
}

/** What the public feed shows of the garages that publish: capacity and cars inside, counted now. */
export type FeedRow = { id: number; name: string; address: string | null; lat: number | null; lon: number | null; totalSpaces: number; occupied: number };

/** The published garages (all, or one) with their cars inside, in one query. */
export async function loadPublishedOccupancy(sql: Db, garageId?: number): Promise<FeedRow[]> {
  return sql<FeedRow[]>`
    select g.id, g.name, g.address, g.lat, g.lon, g.total_spaces,
      -- a space held for a reservation or for permit holders is not free to a driver passing by
      (select count(*)::int from spaces s where s.garage_id = g.id and (s.ticket_id is not null or s.held_for is not null)) as occupied
    from garages g
    where g.public_feed ${garageId === undefined ? sql`` : sql`and g.id = ${garageId}`}
    order by g.id
  `;
}
