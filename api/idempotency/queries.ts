import type { Db } from '../db/types.js';

/** Whose key it is: the door and the user that sent it, and the key itself. */
export type KeyRef = { garageId: number; scope: string; key: string };

/** A stored first result for a key (null until the claiming transaction stores it). */
export type StoredResult = { operation: string; requestHash: string; result: unknown; createdAt: Date };

/** Claims a key for this request; false when another request holds or held it (waits for it to finish). */
export async function claimIdempotencyKey(sql: Db, ref: KeyRef, operation: string, requestHash: string, now: Date): Promise<boolean> {
  const [row] = await sql<{ key: string }[]>`
    insert into idempotency_keys (garage_id, scope, key, operation, request_hash, created_at)
    values (${ref.garageId}, ${ref.scope}, ${ref.key}, ${operation}, ${requestHash}, ${now})
    on conflict (garage_id, scope, key) do nothing
    returning key
  `;
  return row !== undefined;
}

/** The result stored for a key, if any. */
export async function loadIdempotentResult(sql: Db, ref: KeyRef): Promise<StoredResult | null> {
  const [row] = await sql<StoredResult[]>`
    select operation, request_hash, result, created_at
    from idempotency_keys
    where garage_id = ${ref.garageId} and scope = ${ref.scope} and key = ${ref.key}
  `;
  return row ?? null;
}

/** Stores the first result for a key, in the transaction that made it. */
export async function saveIdempotentResult(sql: Db, ref: KeyRef, result: unknown): Promise<void> {
  await sql`
    update idempotency_keys
    set result = ${sql.json(result as never)}
    where garage_id = ${ref.garageId} and scope = ${ref.scope} and key = ${ref.key}
  `;
}

/** Forgets a key older than the replay window so it can be used afresh. */
export async function deleteExpiredIdempotencyKey(sql: Db, ref: KeyRef, olderThan: Date): Promise<void> {
  await sql`
    delete from idempotency_keys
    where garage_id = ${ref.garageId} and scope = ${ref.scope} and key = ${ref.key} and created_at < ${olderThan}
  `;
}

/** Deletes up to `batch` keys older than `olderThan` (all garages); how many went. */
export async function pruneIdempotencyKeys(sql: Db, olderThan: Date, batch = 5000): Promise<number> {
  const rows = await sql`
    delete from idempotency_keys
    where ctid in (select ctid from idempotency_keys where created_at < ${olderThan} limit ${batch})
  `;
  return rows.count;
}
