import { randomUUID } from 'node:crypto';
import type { Deps } from '../../api/deps.js';
import { countPaymentsToResolve } from '../../api/discards/queries.js';
import { dailyReport } from '../../api/reports/daily.js';
import { loadGarage } from '../../api/garages/queries.js';
import { occupancyByHour } from '../../api/reports/queries.js';
import { sumShiftsClosedBetween } from '../../api/shifts/queries.js';
import { claimSummaryDay, loadLastPostedDayBefore, loadLateChanges, markSummaryPosted, releaseSummaryDay } from '../../api/summaries/queries.js';
import { addDays, localDayRange, localHour, type LocalDate } from '../../shared/garage-day.js';
import { weekBefore } from '../blocks/format.js';
import { buildDayReport } from '../blocks/report.js';
import { SlackRateLimited, type SummaryPoster } from './post.js';

/** How long a claim holds a day: longer than the slowest post (timeouts, bounded retries, 429 waits). */
export const SUMMARY_LEASE_MS = 5 * 60_000;
/** The longest wait before a failed day is tried again. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/** When a day that failed for the `attempts`-th time may be tried again: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number, retryAfterSeconds = 0): number {
  const backoff = Math.min(MAX_RETRY_DELAY_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
  return Math.max(backoff, retryAfterSeconds * 1000);
}

/** What one run did with a day. */
export type SummaryOutcome = 'posted' | 'not_claimed' | 'failed';

/**
 * Posts a garage's (`deps.garageId`) summary of local day `day` to `channel`, once across every server.
 * Invariants: only the holder of the garage's claim of the day posts; the figures are `dailyReport`'s (those of
 * GET /api/reports/daily?date=day); the late changes listed are those received from the day after
 * the last posted summary's day through `day` (so days without a summary of their own, such as a
 * weekend on a weekday schedule, are covered, and each change is listed once); the paid exits still
 * waiting for a manager are counted as of the post (so one that a failed alert missed is not lost); the cash
 * variance is that of the shifts closed (or closed unclosed by the server) during the day; the chart is the
 * cars inside at the start of each local hour of the day (the reports' `occupancyByHour`, the PWA's
 * occupancy chart), scaled to the garage's spaces; the day is marked
 * posted, with the message ts, only after Slack accepted it; a failed post gives the day back with a
 * retry time and is never marked posted.
 */
export async function runDailySummary(input: { deps: Deps; day: LocalDate; channel: string; post: SummaryPoster }): Promise<SummaryOutcome> {
  const { deps, day, channel } = input;
  const { sql, garageId, log } = deps;
  const claimToken = randomUUID();
  const claimedAt = deps.now();
  const claim = await claimSummaryDay(sql, { garageId, day, claimToken, now: claimedAt, leaseUntil: new Date(claimedAt.getTime() + SUMMARY_LEASE_MS) });
  if (!claim) return 'not_claimed';
  try {
    const before = weekBefore(day);
    const [lastPosted, garage] = await Promise.all([loadLastPostedDayBefore(sql, garageId, day), loadGarage(sql, garageId)]);
    if (!garage) throw new Error(`garage ${garageId} does not exist`);
    const late = localDayRange(lastPosted ? addDays(lastPosted, 1) : day, day, garage.timezone);
    const today = localDayRange(day, day, garage.timezone);
    const [report, previous, lateChanges, toResolve, shiftsClosed, hours] = await Promise.all([
      dailyReport(sql, garageId, day, day, claimedAt),
      dailyReport(sql, garageId, before, before, claimedAt),
      loadLateChanges(sql, garageId, late.start, late.end),
      countPaymentsToResolve(sql, garageId),
      sumShiftsClosedBetween(sql, garageId, today.start, today.end),
      occupancyByHour(sql, garageId, today.start, today.end),
    ]);
    const occupancy = { hours: hours.map((h) => ({ hour: localHour(h.at, garage.timezone), occupied: h.occupied })), totalSpaces: garage.totalSpaces };
    const message = buildDayReport(report, previous, { title: 'Daily summary', garage: garage.name, lateChanges, toResolve, shiftsClosed, occupancy });
    const { ts } = await input.post({ channel, text: message.text, blocks: message.blocks });
    const marked = await markSummaryPosted(sql, { garageId, day, claimToken, channel, messageTs: ts, now: deps.now() });
    if (!marked) log.error({ garageId, day, ts }, 'daily summary posted after its claim ran out; another server may have posted it too');
    else log.info({ garageId, day, channel, ts }, 'daily summary posted');
    return 'posted';
  } catch (error) {
    const now = deps.now();
    const retryAt = new Date(now.getTime() + retryDelayMs(claim.attempts, error instanceof SlackRateLimited ? error.retryAfterSeconds : 0));
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ err: error, garageId, day, channel, attempts: claim.attempts, retryAt: retryAt.toISOString() }, 'daily summary not posted; will try again');
    await releaseSummaryDay(sql, { garageId, day, claimToken, retryAt, error: message, now }).catch((releaseError: unknown) => {
      log.error({ err: releaseError, garageId, day }, 'could not give the summary day back; its lease will run out instead');
    });
    return 'failed';
  }
}
