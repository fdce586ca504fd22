import { Cron } from 'croner';
import type { Deps } from '../../api/deps.js';
import { listManagedGarages, type ManagedGarage } from '../../api/slack/managers-channels.js';
import type { LocalDate } from '../../shared/garage-day.js';
import { managersChannelOf } from '../managers-channel.js';
import { dueSummaryDay } from './due-day.js';
import type { SummaryPoster } from './post.js';
import { runDailySummary, type SummaryOutcome } from './run.js';

/** How often every server looks for a due summary besides the scheduled times: retries after a failure, missed runs, new garages. */
export const RECHECK_SCHEDULE = '*/5 * * * *';

/** How many garages' summaries one server posts at a time (one slow Slack answer does not hold up the rest). */
export const GARAGES_AT_ONCE = 4;

/** What one check did for one garage. */
export type TickOutcome = SummaryOutcome | 'nothing_due' | 'no_channel' | 'error';

/** One garage's part of a check: the day that was due and the channel it went to, when there were. */
export type GarageTick = { garageId: number; outcome: TickOutcome; day?: LocalDate; channel?: string };

/** A running summary schedule. */
export type SummaryScheduler = {
  /** The catch-up check made at start. */
  ready: Promise<GarageTick[]>;
  /** Looks, for every garage, for its due day and posts it unless posted or held elsewhere; runs one at a time. None after stop, or when the garages could not be read (logged). */
  tick(): Promise<GarageTick[]>;
  /** Stops the timers and waits for a check in progress. */
  stop(): Promise<void>;
};

/** `work` for each item, at most `limit` at a time; the results in the items' order. */
async function inTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Posts each garage's daily summary at `schedule` (cron, in that garage's own timezone) to its
 * managers' channel, else `fallbackChannel` (a garage with neither gets none), at start (catch-up)
 * and every few minutes after that (a failed day's retry, a run missed while the process slept).
 * The garages, their timezones and channels are read from the database at every check, so a
 * garage added, moved to another timezone or given a channel is followed without a restart.
 * Which day is due, and whether it still needs posting, is decided each time from the clock and
 * the garage's claim row — never from memory — so every replica can run this safely.
 */
export function startSummaryScheduler(options: {
  deps: Omit<Deps, 'garageId'>;
  schedule: string;
  fallbackChannel: string | undefined;
  post: SummaryPoster;
  recheck?: string;
}): SummaryScheduler {
  const { deps, schedule, fallbackChannel, post } = options;
  const jobs = new Map<string, Cron>(); // one per timezone in use: it fires at the schedule there
  const announced = new Map<number, string | null>(); // what the log last said of each garage
  let stopped = false;
  let queue: Promise<unknown> = Promise.resolve();

  const followTimezones = (garages: readonly ManagedGarage[]) => {
    if (stopped) return; // a check that was running at stop() starts no new timers
    const used = new Set(garages.map((g) => g.timezone));
    for (const [timeZone, job] of jobs) {
      if (used.has(timeZone)) continue;
      job.stop();
      jobs.delete(timeZone);
    }
    for (const timeZone of used) {
      if (jobs.has(timeZone)) continue;
      const job = new Cron(schedule, { timezone: timeZone, unref: true }, () => void tick());
      jobs.set(timeZone, job);
      deps.log.info({ schedule, timeZone, next: job.nextRun()?.toISOString() }, 'daily summary scheduled');
    }
  };

  const announce = (garage: ManagedGarage, channel: string | null) => {
    if (announced.has(garage.id) && announced.get(garage.id) === channel) return;
    announced.set(garage.id, channel);
    const about = { garageId: garage.id, garage: garage.name, timeZone: garage.timezone };
    if (channel) deps.log.info({ ...about, channel, own: channel === garage.slackManagersChannel }, "daily summary on for a garage");
    else deps.log.info(about, "daily summary off for a garage: it has no managers' channel and SLACK_SUMMARY_CHANNEL is not set");
  };

  const forGarage = async (garage: ManagedGarage, now: Date): Promise<GarageTick> => {
    const channel = managersChannelOf(garage, fallbackChannel);
    announce(garage, channel);
    if (!channel) return { garageId: garage.id, outcome: 'no_channel' };
    const day = dueSummaryDay(schedule, garage.timezone, now);
    if (!day) return { garageId: garage.id, outcome: 'nothing_due', channel };
    try {
      const outcome = await runDailySummary({ deps: { ...deps, garageId: garage.id }, day, channel, post });
      return { garageId: garage.id, outcome, day, channel };
    } catch (error) {
      deps.log.error({ err: error, garageId: garage.id, day }, "daily summary check failed for a garage; the next check tries again");
      return { garageId: garage.id, outcome: 'error', day, channel };
    }
  };

  const once = async (): Promise<GarageTick[]> => {
    const garages = await listManagedGarages(deps.sql);
    followTimezones(garages);
    const now = deps.now();
    return inTurns(garages, GARAGES_AT_ONCE, (garage) => forGarage(garage, now));
  };

  const tick = (): Promise<GarageTick[]> => {
    if (stopped) return Promise.resolve([]);
    const run = queue.then(once).catch((error: unknown): GarageTick[] => {
      deps.log.error({ err: error }, 'daily summary check failed; the next check tries again');
      return [];
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
      for (const job of jobs.values()) job.stop();
      recheck.stop();
      await queue;
    },
  };
}
