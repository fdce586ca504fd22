import { createHash } from 'node:crypto';
import type { Sql, TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKey,
  loadIdempotentAnswer,
  saveIdempotentAnswer,
} from './queries.js';

/** How long a key replays its first answer. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

/** A state change's answer: what the client is sent. */
export type Answer<T> = { status: 200 | 201; body: T };

/** Who asks for a state change, and the key that makes repeats of it safe. */
export type Idempotency = { key: string; operation: string; request: unknown } | undefined;

/** A stable fingerprint of "the same request": the operation and its validated input. */
export function fingerprint(operation: string, request: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, request])).digest('hex');
}

/**
 * Runs a state change in one transaction. With a key, the first request that claims it runs the
 * change and stores its answer in the same transaction; a repeat with the same request replays
 * that answer without writing; a repeat with another request is 422. Only successful answers are
 * stored: a refusal (garage full, say) rolls the claim back, so the same key can be tried again.
 * Concurrent repeats wait on the key's row until the first one commits or rolls back.
 */
export async function runIdempotent<T>(
  sql: Sql,
  garageId: number,
  idempotency: Idempotency,
  now: Date,
  change: (tx: TransactionSql) => Promise<Answer<T>>,
): Promise<Answer<T> & { replayed: boolean }> {
  if (!idempotency) return { ...(await sql.begin((tx) => change(tx))), replayed: false };
  const { key, operation, request } = idempotency;
  const hash = fingerprint(operation, request);
  return sql.begin(async (tx) => {
    await deleteExpiredIdempotencyKey(tx, garageId, key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
    if (await claimIdempotencyKey(tx, garageId, key, operation, hash, now)) {
      const answer = await change(tx);
      await saveIdempotentAnswer(tx, garageId, key, answer.status, answer.body);
      return { ...answer, replayed: false };
    }
    const stored = await loadIdempotentAnswer(tx, garageId, key);
    if (!stored || stored.statusCode === null) {
      throw new Error(`idempotency key ${key} is claimed but has no answer`); // cannot happen: claims commit with their answer
    }
    if (stored.requestHash !== hash) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different request; use a new key');
    }
    return { status: stored.statusCode as 200 | 201, body: stored.responseBody as T, replayed: true };
  });
}
