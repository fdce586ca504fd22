import { addUpSums, addUpTallies, partsOfDay, type PeriodSums, type PeriodTally, type ReportPart } from '../../shared/reports.js';
import type { Sql } from '../db/types.js';
import { readTallies, storeClosedPeriods } from './queries.js';

type Day = { start: Date; end: Date };

/**
 * The tallies of days [start, end) as of `now`, one a day: a day that is over from its stored
 * figures; a day not yet over (today) from its stored hours and the rest of it counted live.
 * Periods that are over but not stored yet are counted and stored first — the first time anyone
 * asks (the daily summary does it each morning for the day before) — then everything is read in
 * one statement, so an answer is one moment of the garage.
 * With `readFrom` (a read replica) the reads go there and only the storing goes to `sql`, the
 * primary; a replica that has not yet replayed what was just stored counts those periods from its
 * own tickets instead (`missing: 'count'`), so its answer is the garage as the replica has it.
 * Invariant: a day's tally equals a count of the whole day from tickets (`addUpTallies`); what is
 * stored equals a recount from tickets (`storeClosedPeriods`, the triggers of sql/0011).
 */
export async function tallyDays(sql: Sql, garageId: number, days: readonly Day[], now: Date, options: { readFrom?: Sql | undefined } = {}): Promise<PeriodTally[]> {
  const readFrom = options.readFrom ?? sql;
  const byDay = await readDays(sql, garageId, days, now, (parts, missing) => readTallies(readFrom, garageId, parts, missing, 'all'));
  return byDay.map(addUpTallies);
}

/** The sums of days as of `now`: as `tallyDays` without occupancy, so what is not over costs less. */
export async function sumDays(sql: Sql, garageId: number, days: readonly Day[], now: Date): Promise<PeriodSums[]> {
  const byDay = await readDays(sql, garageId, days, now, (parts, missing) => readTallies(sql, garageId, parts, missing, 'sums'));
  return byDay.map(addUpSums);
}

/** Each day's parts (`partsOfDay`) as `read`, storing the closed ones not stored yet first (on `sql`). */
async function readDays<T>(
  sql: Sql,
  garageId: number,
  days: readonly Day[],
  now: Date,
  read: (parts: ReportPart[], missing: 'count' | 'skip') => Promise<(T | null)[]>,
): Promise<T[][]> {
  const partsByDay = days.map((day) => partsOfDay(day, now));
  const parts = partsByDay.flat();
  let tallies = await read(parts, 'skip');
  const notStored = parts.filter((_, i) => tallies[i] === null);
  if (notStored.length > 0) {
    await storeClosedPeriods(sql, garageId, notStored, now);
    tallies = await read(parts, 'count');
  }
  let next = 0;
  return partsByDay.map((dayParts) =>
    dayParts.map(() => {
      const tally = tallies[next++];
      if (!tally) throw new Error('readTallies with missing: count left a part unread');
      return tally;
    }),
  );
}
