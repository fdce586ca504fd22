import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, localDateTime, isTimeZone, localDate, localDayRange, localHour, startOfLocalDay } from './garage-day.js';

describe('localDate', () => {
  it.each([
    ['2026-11-24T03:00:00Z', 'UTC', '2026-11-24'],
    ['2026-11-24T03:00:00Z', 'America/New_York', '2026-11-23'],
    ['2026-11-24T04:59:59Z', 'America/New_York', '2026-11-23'],
    ['2026-11-24T05:00:00Z', 'America/New_York', '2026-11-24'],
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', '2026-11-24'],
    ['2026-11-23T10:00:00Z', 'Pacific/Kiritimati', '2026-11-24'],
  ])('%s in %s is %s', (instant, tz, expected) => expect(localDate(new Date(instant), tz)).toBe(expected));
});

describe('startOfLocalDay and localDayRange', () => {
  it.each([
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z', 24],
    ['2026-11-23', 'America/New_York', '2026-11-23T05:00:00.000Z', 24],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', 23],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z', 25],
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z', 23],
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z', 25],
    ['2026-11-23', 'Asia/Kolkata', '2026-11-22T18:30:00.000Z', 24],
  ])('%s in %s starts at %s and lasts %i hours', (date, tz, start, hours) => {
    expect(startOfLocalDay(date, tz).toISOString()).toBe(start);
    const range = localDayRange(date, date, tz);
    expect((range.end.getTime() - range.start.getTime()) / 3600_000).toBe(hours);
  });

  it('a range covers every day from `from` to `to`', () => {
    const range = localDayRange('2026-11-01', '2026-11-30', 'UTC');
    expect(range.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('helpers', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-24', -7, '2026-11-17'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => expect(addDays(date, n)).toBe(expected));

  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-12-01', 8],
    ['2026-12-01', '2026-11-23', -8],
    ['2025-01-01', '2026-11-01', 669],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-03-07', '2026-03-09', 2], // across a DST change: calendar days, not 24-hour blocks
    ['9999-12-31', '9999-12-31', 0],
    ['2026-11-24', '9999-12-31', 2912115],
  ])('daysBetween(%s, %s) = %i', (from, to, n) => expect(daysBetween(from, to)).toBe(n));

  it.each([
    ['2026-11-23', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['yesterday', false],
  ])('isLocalDate(%s) = %s', (date, ok) => expect(isLocalDate(date)).toBe(ok));

  it.each([
    ['UTC', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isTimeZone(%s) = %s', (tz, ok) => expect(isTimeZone(tz)).toBe(ok));

  it.each([
    ['2026-11-23T19:05:00Z', 'America/New_York', '2026-11-23 14:05'],
    ['2026-11-24T04:30:00Z', 'America/New_York', '2026-11-23 23:30'],
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', '2026-11-24 08:30'],
  ])('localDateTime(%s, %s) = %s', (instant, tz, expected) => expect(localDateTime(new Date(instant), tz)).toBe(expected));

  it('localHour gives the hour on the garage clock', () => {
    expect(localHour(new Date('2026-11-23T19:05:00Z'), 'America/New_York')).toBe('14:00');
  });
});
