import { Cron } from 'croner';
import { LOGIN_WINDOW_MS } from './auth/login.js';
import { pruneLoginAttempts } from './auth/queries.js';
import { expireExceptions } from './corrections/use-cases.js';
import { closeShiftsLeftOpen } from './shifts/use-cases.js';
import { checkAlerts } from './alert-episodes/evaluate.js';
import { garagesHoldingPermitSpaces, rebalancePermitHolds, releaseNoShows } from './reservations/queries.js';
import type { Deps } from './deps.js';
import { pruneIdempotencyKeys } from './idempotency/queries.js';
import { IDEMPOTENCY_WINDOW_MS } from './idempotency/run.js';

/** Deletes in batches, until none are left; how many went. */
async function pruneAll(prune: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let deleted = await prune(); deleted > 0; deleted = await prune()) total += deleted;
  return total;
}

/**
 * Forgets what no rule reads any more: idempotency keys past their 24-hour replay window, and
 * sign-in attempts past the throttling window (keys that are never tried again — a spray over many
 * usernames — would otherwise stay for ever).
 */
export async function pruneExpired(deps: Pick<Deps, 'sql' | 'now'>): Promise<{ idempotencyKeys: number; loginAttempts: number }> {
  const now = deps.now().getTime();
  return {
    idempotencyKeys: await pruneAll(() => pruneIdempotencyKeys(deps.sql, new Date(now - IDEMPOTENCY_WINDOW_MS))),
    loginAttempts: await pruneAll(() => pruneLoginAttempts(deps.sql, new Date(now - LOGIN_WINDOW_MS))),
  };
}

/**
 * Every hour, `pruneExpired`; every minute, requests for a manager past their expiry are marked
 * expired and Slack is told (their buttons then say so), shifts left open 24 hours are closed
 * as unclosed (a cash_variance alert episode), and alert episodes are opened and cleared (`checkAlerts`, each
 * announced by the replica whose write made it). Any replica may do all of it: deletes of the
 * same rows simply find fewer, and each request is marked by exactly one of them (the one whose
 * update changed it), which alone tells Slack.
 */
export function startHousekeeping(deps: Pick<Deps, 'sql' | 'now' | 'log' | 'alerts'>): { stop: () => void } {
  const job = new Cron('23 * * * *', { protect: true }, async () => {
    try {
      const deleted = await pruneExpired(deps);
      if (deleted.idempotencyKeys + deleted.loginAttempts > 0) deps.log.info(deleted, 'expired keys and sign-in attempts pruned');
    } catch (error) {
      deps.log.warn({ err: error }, 'pruning failed; the next hour tries again');
    }
  });
  const expiry = new Cron('* * * * *', { protect: true }, async () => {
    try {
      const expired = await expireExceptions(deps);
      if (expired > 0) deps.log.info({ expired }, 'requests for a manager expired');
      const unclosed = await closeShiftsLeftOpen(deps);
      if (unclosed > 0) deps.log.info({ unclosed }, 'shifts left open 24 hours closed as unclosed');
      const noShows = await releaseNoShows(deps.sql, deps.now());
      if (noShows.length > 0) deps.log.info({ noShows: noShows.length }, 'reservations released as no-shows');
      for (const garageId of await garagesHoldingPermitSpaces(deps.sql)) await rebalancePermitHolds(deps.sql, garageId);
      const alerts = await checkAlerts(deps);
      if (alerts.opened.length + alerts.cleared.length > 0) deps.log.info({ opened: alerts.opened.length, cleared: alerts.cleared.length }, 'alert episodes opened and cleared');
    } catch (error) {
      deps.log.warn({ err: error }, 'expiring requests failed; the next minute tries again');
    }
  });
  return {
    stop: () => {
      job.stop();
      expiry.stop();
    },
  };
}
