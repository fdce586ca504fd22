import type { Db } from '../db/types.js';

/** Whose key it is: the door and the user that sent it, and the key itself. */
export type KeyRef = { garageId: number; scope: string; key: string };

/** A stored first result for a key (null until the claiming transaction stores it). */
export type StoredResult = { operation: string; requestHash: string; result: unknown; createdAt: Date };

/**
 * Claims a key for this request in one statement: a new key, or one older than `expiredBefore`
 * (past its replay window: taken over as new); false when another request holds it or held it within
 * the window (waits for a holder still running to finish).
 */
export async function claimIdempotencyKey(sql: Db, ref: KeyRef, operation: string, requestHash: string, now: Date, expiredBefore: Date): Promise<boolean> {
  const [row] = await sql<{ key: string }[]>`
    insert into idempotency_keys (garage_id, scope, key, operation, request_hash, created_at)
    values (${ref.garageId}, ${ref.scope}, ${ref.key}, ${operation}, ${requestHash}, ${now})
    on conflict (garage_id, scope, key) do update
      set operation = excluded.operation, request_hash = excluded.request_hash, result = null, created_at = excluded.created_at
      where idempotency_keys.created_at < ${expiredBefore}
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

/** Deletes up to `batch` keys older than `olderThan` (all garages); how many went. */
export async function pruneIdempotencyKeys(sql: Db, olderThan: Date, batch = 5000): Promise<number> {
  const rows = await sql`
    delete from idempotency_keys
    where ctid in (select ctid from idempotency_keys where created_at < ${olderThan} limit ${batch})
  `;
  return rows.count;
}
