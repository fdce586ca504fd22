import type { Db } from '../db/types.js';

/** A stored first answer for an Idempotency-Key. */
export type StoredAnswer = { requestHash: string; statusCode: number | null; responseBody: unknown; createdAt: Date };

/** Claims a key for this request; null when another request holds or held it (waits for it to finish). */
export async function claimIdempotencyKey(sql: Db, garageId: number, key: string, operation: string, requestHash: string, now: Date) {
  const [row] = await sql<{ key: string }[]>`
    insert into idempotency_keys (garage_id, key, operation, request_hash, created_at)
    values (${garageId}, ${key}, ${operation}, ${requestHash}, ${now})
    on conflict (garage_id, key) do nothing
    returning key
  `;
  return row ?? null;
}

/** The answer stored for a key, if any. */
export async function loadIdempotentAnswer(sql: Db, garageId: number, key: string): Promise<StoredAnswer | null> {
  const [row] = await sql<StoredAnswer[]>`
    select request_hash, status_code, response_body, created_at
    from idempotency_keys
    where garage_id = ${garageId} and key = ${key}
  `;
  return row ?? null;
}

/** Stores the first answer for a key, in the transaction that made it. */
export async function saveIdempotentAnswer(sql: Db, garageId: number, key: string, statusCode: number, body: unknown) {
  await sql`
    update idempotency_keys
    set status_code = ${statusCode}, response_body = ${sql.json(body as never)}
    where garage_id = ${garageId} and key = ${key}
  `;
}

/** Forgets a key older than the replay window so it can be used afresh. */
export async function deleteExpiredIdempotencyKey(sql: Db, garageId: number, key: string, olderThan: Date) {
  await sql`delete from idempotency_keys where garage_id = ${garageId} and key = ${key} and created_at < ${olderThan}`;
}

/** Deletes up to `batch` keys older than `olderThan` (all garages); how many went. */
export async function pruneIdempotencyKeys(sql: Db, olderThan: Date, batch = 5000): Promise<number> {
  const rows = await sql`
    delete from idempotency_keys
    where ctid in (select ctid from idempotency_keys where created_at < ${olderThan} limit ${batch})
  `;
  return rows.count;
}
