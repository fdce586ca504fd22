import { describe, expect, it } from 'vitest';
import { checkSchedule, dueSummaryDay } from './due-day.js';

describe('dueSummaryDay', () => {
  it.each([
    ['after the run, reports yesterday', '0 7 * * *', 'UTC', '2026-11-24T07:30:00.000Z', '2026-11-23'],
    ['at the run, to the millisecond', '0 7 * * *', 'UTC', '2026-11-24T07:00:00.000Z', '2026-11-23'],
    ['fired a moment early', '0 7 * * *', 'UTC', '2026-11-24T06:59:59.400Z', '2026-11-23'],
    ['before the run: the day before yesterday, due since yesterday', '0 7 * * *', 'UTC', '2026-11-24T06:00:00.000Z', '2026-11-22'],
    ['in the garage timezone: 07:00 New York is 12:00 UTC', '0 7 * * *', 'America/New_York', '2026-11-24T11:59:00.000Z', '2026-11-22'],
    ['in the garage timezone, after the run', '0 7 * * *', 'America/New_York', '2026-11-24T12:00:30.000Z', '2026-11-23'],
    ['late evening UTC is already tomorrow in Tokyo', '0 7 * * *', 'Asia/Tokyo', '2026-11-23T22:30:00.000Z', '2026-11-23'],
    ['the day clocks spring forward', '0 7 * * *', 'America/New_York', '2026-03-08T11:00:00.000Z', '2026-03-07'],
    ['a run just after midnight', '5 0 * * *', 'UTC', '2026-11-24T00:10:00.000Z', '2026-11-23'],
    ['weekdays only: on Sunday, Friday is the last reported day', '0 7 * * 1-5', 'UTC', '2026-11-29T12:00:00.000Z', '2026-11-26'],
  ])('%s', (_name, schedule, tz, now, day) => {
    expect(dueSummaryDay(schedule, tz, new Date(now))).toBe(day);
  });
});

describe('checkSchedule', () => {
  it.each(['0 7 * * *', '30 6 * * 1-5', '0 0 7 * * *'])('accepts %s', (s) => expect(() => checkSchedule(s)).not.toThrow());
  it.each(['', 'daily', '61 7 * * *', '0 25 * * *'])('refuses %j, naming SUMMARY_SCHEDULE', (s) => {
    expect(() => checkSchedule(s)).toThrow(/^SUMMARY_SCHEDULE/);
  });
});
