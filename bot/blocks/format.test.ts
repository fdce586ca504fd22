import { describe, expect, it } from 'vitest';
import { formatChange, formatDateTime, formatDay, formatTime, formatUntil, formatWhen, weekBefore } from './format.js';

describe('formatDateTime (garage timezone)', () => {
  it.each([
    ['2026-11-23T19:05:00.000Z', 'America/New_York', 'Mon 23 Nov 14:05'],
    ['2026-11-24T03:30:00.000Z', 'America/New_York', 'Mon 23 Nov 22:30'], // still Monday in New York
    ['2026-11-24T03:30:00.000Z', 'UTC', 'Tue 24 Nov 03:30'],
    ['2026-03-08T07:30:00.000Z', 'America/New_York', 'Sun 8 Mar 03:30'], // just after the spring-forward gap
    ['2026-06-01T00:00:00.000Z', 'Asia/Kolkata', 'Mon 1 Jun 05:30'],
  ])('%s in %s -> %s', (instant, tz, text) => expect(formatDateTime(instant, tz)).toBe(text));
});

describe('formatTime and formatWhen (garage timezone)', () => {
  it('gives the time of day', () => expect(formatTime('2026-11-23T19:05:00.000Z', 'America/New_York')).toBe('14:05'));

  it.each([
    ['2026-11-23T19:35:00.000Z', '2026-11-23T19:05:00.000Z', 'America/New_York', '14:35'],
    ['2026-11-24T04:35:00.000Z', '2026-11-24T03:05:00.000Z', 'America/New_York', '23:35'], // still Monday in New York for both
    ['2026-11-24T05:10:00.000Z', '2026-11-24T04:50:00.000Z', 'America/New_York', 'Tue 24 Nov 00:10'], // past midnight there: the day is said
  ])('%s seen at %s in %s -> %s', (instant, now, tz, text) => expect(formatWhen(instant, new Date(now), tz)).toBe(text));
});

describe('formatUntil (the last day an end covers)', () => {
  it.each([
    ['2027-01-01T05:00:00.000Z', 'America/New_York', '31 Dec'], // local midnight: through the day before
    ['2026-12-31T22:00:00.000Z', 'America/New_York', '31 Dec 17:00'], // not midnight: its time too
    ['2027-03-01T05:00:00.000Z', 'America/New_York', '28 Feb 2027'], // another year than now's
    ['2027-01-01T00:00:00.000Z', 'UTC', '31 Dec'],
    ['2027-01-01T00:00:00.000Z', 'America/New_York', '31 Dec 19:00'],
  ])('%s in %s -> %s', (instant, tz, text) => expect(formatUntil(instant, new Date('2026-11-23T15:00:00.000Z'), tz)).toBe(text));
});

describe('formatDay', () => {
  it.each([
    ['2026-11-23', 'Mon 23 Nov 2026'],
    ['2027-01-01', 'Fri 1 Jan 2027'],
  ])('%s -> %s', (date, text) => expect(formatDay(date)).toBe(text));
});

describe('formatChange', () => {
  it.each([
    [1100, 1000, '+10%'],
    [900, 1000, '-10%'],
    [1000, 1000, 'no change'],
    [0, 0, 'no change'],
    [5, 0, 'new'],
    [0, 5, '-100%'],
    [1001, 1000, '+<1%'],
    [999, 1000, '-<1%'],
    [2, 3, '-33%'],
  ])('%i vs %i -> %s', (now, before, text) => expect(formatChange(now, before)).toBe(text));
});

describe('weekBefore', () => {
  it.each([
    ['2026-11-23', '2026-11-16'],
    ['2026-03-05', '2026-02-26'],
    ['2027-01-03', '2026-12-27'],
  ])('%s -> %s', (day, before) => expect(weekBefore(day)).toBe(before));
});
