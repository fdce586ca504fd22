import { createHash } from 'node:crypto';
import type { Attribution } from '../../shared/auth.js';
import type { Sql, TransactionSql } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { claimIdempotencyKey, loadIdempotentResult, saveIdempotentResult, type KeyRef } from './queries.js';

/** How long a key replays its first result. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

/** A request that may be repeated safely: whose it is, its key, and what it asks for. */
export type IdempotentRequest = {
  /** Who sent it, through which door: keys are never shared between two of them. */
  by: Attribution;
  key: string;
  /** The use case, e.g. `ticket.enter`. */
  operation: string;
  /** The use case's validated input, in a canonical form: what makes two requests "the same". */
  input: unknown;
};

/** The scope a key lives in: one per door and user, so nobody can replay or block another's key. */
export function keyScope(by: Attribution): string {
  return `${by.source}:${by.actor}`;
}

/** A stable fingerprint of "the same request": the operation and its canonical input. */
export function fingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, input])).digest('hex');
}

/**
 * Runs a use case's change in one transaction and says whether its result was replayed.
 * With a key, the first request that claims it (in its sender's scope) runs the change and stores
 * its result in the same transaction; a repeat with the same input replays that result without
 * writing; a repeat with another input is an `idempotency_conflict`. Only successes are stored: a
 * refusal (garage full, say) rolls the claim back, so the same key can be tried again. Concurrent
 * repeats wait on the key's row until the first one commits or rolls back. Knows no HTTP: the
 * result is what the use case returns, and each door renders it.
 */
export async function runIdempotent<T>(
  sql: Sql,
  garageId: number,
  request: IdempotentRequest | undefined,
  now: Date,
  change: (tx: TransactionSql) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!request) return { result: await sql.begin((tx) => change(tx)) as T, replayed: false };
  const ref: KeyRef = { garageId, scope: keyScope(request.by), key: request.key };
  const hash = fingerprint(request.operation, request.input);
  return sql.begin(async (tx) => {
    if (await claimIdempotencyKey(tx, ref, request.operation, hash, now, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))) {
      const result = await change(tx);
      await saveIdempotentResult(tx, ref, result);
      return { result, replayed: false };
    }
    const stored = await loadIdempotentResult(tx, ref);
    if (!stored || stored.result === null) {
      throw new Error(`idempotency key ${request.key} is claimed but has no result`); // cannot happen: claims commit with their result
    }
    if (stored.requestHash !== hash) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different request; use a new key');
    }
    return { result: stored.result as T, replayed: true };
  });
}
