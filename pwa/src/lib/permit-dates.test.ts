import { describe, expect, it } from 'vitest';
import { endOfDay, isDay, lastDay, nextMonth, startOfDay } from './permit-dates.js';

describe('permit days', () => {
  it.each([
    ['2026-12-31', '2027-01-31'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2027-02-28', '2027-03-31'],
    ['2026-11-15', '2026-12-15'],
    ['2027-01-30', '2027-02-28'],
  ])('renewing %s offers %s', (day, next) => expect(nextMonth(day)).toBe(next));

  it.each([
    ['2026-12-31', 'America/New_York', '2027-01-01T05:00:00.000Z'],
    ['2027-03-13', 'America/New_York', '2027-03-14T05:00:00.000Z'],
    ['2027-03-14', 'America/New_York', '2027-03-15T04:00:00.000Z'],
  ])('a permit through %s in %s ends at %s, and its last day reads back', (day, tz, end) => {
    expect(endOfDay(day, tz)).toBe(end);
    expect(lastDay(end, tz)).toBe(day);
  });

  it('starts on the garage day', () => expect(startOfDay('2026-12-01', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z'));

  it.each([
    ['2026-12-01', true],
    ['2026-02-30', false],
    ['1999-12-31', false],
    ['2101-01-01', false],
    ['', false],
    ['2026-12-1', false],
  ])('%s is a day: %s', (text, ok) => expect(isDay(text)).toBe(ok));
});
