import type { Db } from '../db/types.js';

/** The cheapest question the database can answer: is it there? */
export async function pingDatabase(sql: Db): Promise<void> {
  await sql`select 1`;
}
