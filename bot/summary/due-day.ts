import { Cron } from 'croner';
import { addDays, localDate, type LocalDate } from '../../shared/garage-day.js';

/**
 * A tick fired by the schedule at 07:00:00 reads a `now` a few milliseconds either side of it and
 * must count that run as past.
 */
const FIRE_TOLERANCE_MS = 1000;

/** Throws a clear error when `schedule` is not a cron pattern croner accepts. */
export function checkSchedule(schedule: string): void {
  try {
    new Cron(schedule, { paused: true }).stop();
  } catch (error) {
    throw new Error(`SUMMARY_SCHEDULE "${schedule}" is not a cron pattern: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The local day whose summary is due at `now`: the day before the latest scheduled run at or before
 * `now` (in the garage's timezone). Before today's run that is the day before yesterday, whose
 * summary was due yesterday — so a server that starts late catches up, and one that starts early
 * does not post yesterday's figures before their time.
 * @example dueSummaryDay('0 7 * * *', 'UTC', new Date('2026-11-24T07:30:00Z')) // '2026-11-23'
 */
export function dueSummaryDay(schedule: string, timeZone: string, now: Date): LocalDate | null {
  const cron = new Cron(schedule, { timezone: timeZone, paused: true });
  const [lastRun] = cron.previousRuns(1, new Date(now.getTime() + FIRE_TOLERANCE_MS));
  cron.stop();
  return lastRun ? addDays(localDate(lastRun, timeZone), -1) : null;
}
