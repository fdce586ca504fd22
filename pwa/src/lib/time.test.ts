import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './time.js';

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

