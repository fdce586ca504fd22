import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatTime } from './time.js';

describe('formatTime in the garage timezone', () => {
  it.each([
    ['2026-11-23T14:05:00.000Z', 'UTC', '14:05'],
    ['2026-11-23T14:05:00.000Z', 'America/New_York', '09:05'],
    ['2026-07-01T14:05:00.000Z', 'America/New_York', '10:05'],
    ['2026-11-23T23:30:00.000Z', 'Asia/Kolkata', '05:00'],
  ])('%s in %s -> %s', (at, tz, shown) => expect(formatTime(at, tz)).toBe(shown));

  it('shows the local day with the time', () => {
    expect(formatDateTime('2026-11-24T02:00:00.000Z', 'America/Los_Angeles')).toBe('23 Nov, 18:00');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h 00 min'],
    [185, '3 h 05 min'],
    [1500, '25 h 00 min'],
  ])('%i -> %s', (minutes, shown) => expect(formatDuration(minutes)).toBe(shown));
});
