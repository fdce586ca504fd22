import type { Db } from '../db/types.js';
import type { ManagedGarage } from './managers-channels.js';

/** One garage as Slack's managers' messages need it (name, timezone, managers' channel), by id: an exception's alert reads it. */
export async function loadManagedGarage(sql: Db, garageId: number): Promise<ManagedGarage | null> {
  const [row] = await sql<ManagedGarage[]>`
    select g.id, g.name, g.timezone, g.slack_managers_channel from garages g where g.id = ${garageId}
  `;
  return row ?? null;
}
