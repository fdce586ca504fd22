import { Cron } from 'croner';
import type { Deps } from '../../api/deps.js';
import { loadSettings } from '../../api/garage/queries.js';
import { dueSummaryDay } from './due-day.js';
import type { SummaryPoster } from './post.js';
import { runDailySummary, type SummaryOutcome } from './run.js';

/** How often every server looks for a due summary besides the scheduled time: retries after a failure, missed runs. */
export const RECHECK_SCHEDULE = '*/5 * * * *';

/** A running summary schedule. */
export type SummaryScheduler = {
  /** The catch-up run made at start. */
  ready: Promise<TickOutcome>;
  /** Looks for the due day and posts it unless posted or held elsewhere; runs one at a time. */
  tick(): Promise<TickOutcome>;
  /** Stops the timers and waits for a run in progress. */
  stop(): Promise<void>;
};
export type TickOutcome = SummaryOutcome | 'nothing_due' | 'error' | 'stopped';

/**
 * Posts the daily summary at `schedule` (cron, in the garage's timezone, read from the database so a
 * changed timezone moves the schedule), at start (catch-up) and every few minutes after that (a
 * failed day's retry, a run missed while the process slept). Which day is due, and whether it still
 * needs posting, is decided each time from the clock and the claim row — never from memory — so
 * every replica can run this safely.
 */
export function startSummaryScheduler(options: { deps: Deps; schedule: string; channel: string; post: SummaryPoster; recheck?: string }): SummaryScheduler {
  const { deps, schedule } = options;
  let timeZone: string | null = null;
  let job: Cron | null = null;
  let stopped = false;
  let queue: Promise<unknown> = Promise.resolve();

  const once = async (): Promise<TickOutcome> => {
    const settings = await loadSettings(deps.sql, deps.garageId);
    if (!settings) throw new Error(`garage ${deps.garageId} does not exist`);
    if (settings.timezone !== timeZone) {
      job?.stop();
      timeZone = settings.timezone;
      job = new Cron(schedule, { timezone: timeZone, unref: true }, () => void tick());
      deps.log.info({ schedule, timeZone, next: job.nextRun()?.toISOString() }, 'daily summary scheduled');
    }
    const day = dueSummaryDay(schedule, timeZone, deps.now());
    if (!day) return 'nothing_due';
    return runDailySummary({ deps, day, channel: options.channel, post: options.post });
  };

  const tick = (): Promise<TickOutcome> => {
    if (stopped) return Promise.resolve('stopped');
    const run = queue.then(once).catch((error: unknown): TickOutcome => {
      deps.log.error({ err: error }, 'daily summary check failed; the next check tries again');
      return 'error';
    });
    queue = run;
    return run;
  };

  const recheck = new Cron(options.recheck ?? RECHECK_SCHEDULE, { unref: true }, () => void tick());
  return {
    ready: tick(),
    tick,
    stop: async () => {
      stopped = true;
      job?.stop();
      recheck.stop();
      await queue;
    },
  };
}
