import { Cron } from 'croner';
import type { Deps } from '../deps.js';
import { pruneIdempotencyKeys } from './queries.js';
import { IDEMPOTENCY_WINDOW_MS } from './run.js';

/** Deletes the keys that can no longer replay, in batches, until none are left. */
export async function pruneExpiredKeys(deps: Pick<Deps, 'sql' | 'now'>): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - IDEMPOTENCY_WINDOW_MS);
  let total = 0;
  while (true) {
    const deleted = await pruneIdempotencyKeys(deps.sql, cutoff);
    total += deleted;
    if (deleted === 0) return total;
  }
}

/** Every hour, forgets idempotency keys older than their 24-hour window; any replica may do it. */
export function startKeyPruning(deps: Pick<Deps, 'sql' | 'now' | 'log'>): { stop: () => void } {
  const job = new Cron('23 * * * *', { protect: true }, async () => {
    try {
      const deleted = await pruneExpiredKeys(deps);
      if (deleted > 0) deps.log.info({ deleted }, 'expired idempotency keys pruned');
    } catch (error) {
      deps.log.warn({ err: error }, 'pruning idempotency keys failed; the next hour tries again');
    }
  });
  return { stop: () => job.stop() };
}
