import type { Db } from '../db/types.js';

/** A garage as Slack's managers' messages need it: its name, its timezone and its own managers' channel (null: the deployment's). */
export type ManagedGarage = { id: number; name: string; timezone: string; slackManagersChannel: string | null };

const managedColumns = (sql: Db) => sql`g.id, g.name, g.timezone, g.slack_managers_channel`;

/** Every garage, by id: the daily summary reads them at each check, so garages added or changed are followed. */
export async function listManagedGarages(sql: Db): Promise<ManagedGarage[]> {
  return sql<ManagedGarage[]>`select ${managedColumns(sql)} from garages g order by g.id`;
}

/** The garage a discarded item was recorded in (discard ids are unique across garages), for its alert. */
export async function loadGarageOfDiscard(sql: Db, discardId: number): Promise<ManagedGarage | null> {
  const [row] = await sql<ManagedGarage[]>`
    select ${managedColumns(sql)} from discards d join garages g on g.id = d.garage_id where d.id = ${discardId}
  `;
  return row ?? null;
}
