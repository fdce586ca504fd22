import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './time.js';

describe('formatTime in the garage timezone, on a US garage’s 12-hour clock unless its locale says otherwise', () => {
  it.each([
    ['2026-11-23T14:05:00.000Z', 'UTC', '2:05 PM'],
    ['2026-11-23T14:05:00.000Z', 'America/New_York', '9:05 AM'],
    ['2026-07-01T14:05:00.000Z', 'America/New_York', '10:05 AM'],
    ['2026-11-23T23:30:00.000Z', 'Asia/Kolkata', '5:00 AM'],
    ['2026-11-23T12:00:00.000Z', 'UTC', '12:00 PM'],
  ])('%s in %s -> %s', (at, tz, shown) => expect(formatTime(at, tz)).toBe(shown));

  it('shows the local day with the time', () => {
    expect(formatDateTime('2026-11-24T02:00:00.000Z', 'America/Los_Angeles')).toBe('Nov 23, 6:00 PM');
  });

  it('follows a garage locale that uses a 24-hour clock', () => {
    expect(formatTime('2026-11-23T14:05:00.000Z', 'UTC', 'en-GB')).toBe('14:05');
    expect(formatDateTime('2026-11-24T02:00:00.000Z', 'America/Los_Angeles', 'en-GB')).toBe('23 Nov, 18:00');
  });
});

