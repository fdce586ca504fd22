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

/**
 * Where a use case hands a write whose answer it does not need (its audit row): sent at once and
 * awaited with the idempotency key's save and before the commit, so the two travel in one round trip
 * (postgres.js pipelines the statements of a transaction). A failed write fails the transaction.
 */
export type Later = (write: Promise<unknown>) => void;

/**
 * A transaction's writes handed over with `later`, and `settle(...others)` that awaits them with
 * the others (one round trip): what runIdempotent gives its change, for any transaction that wants it.
 */
export function laterWrites(): { later: Later; settle: (...others: Promise<unknown>[]) => Promise<unknown[]> } {
  const writes: Promise<unknown>[] = [];
  return {
    later: (write) => {
      write.catch(() => {}); // awaited by settle with the others; this only keeps it from being "unhandled" meanwhile
      writes.push(write);
    },
    settle: (...others) => Promise.all([...writes, ...others]),
  };
}

/** Hands `write` to `later` when there is one, else waits for it here. */
export async function writeLater(write: Promise<unknown>, later: Later | undefined): Promise<void> {
  if (later) later(write);
  else await write;
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
  change: (tx: TransactionSql, later: Later) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const { later, settle } = laterWrites();
  if (!request) {
    const result = await sql.begin(async (tx) => {
      const done = await change(tx, later);
      await settle();
      return done;
    });
    return { result: result as T, replayed: false };
  }
  const ref: KeyRef = { garageId, scope: keyScope(request.by), key: request.key };
  const hash = fingerprint(request.operation, request.input);
  return sql.begin(async (tx) => {
    if (await claimIdempotencyKey(tx, ref, request.operation, hash, now, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))) {
      const result = await change(tx, later);
      await settle(saveIdempotentResult(tx, ref, result));
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
