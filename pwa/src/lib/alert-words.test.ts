import { describe, expect, it } from 'vitest';
import { ALERT_KINDS } from '../../../shared/alerts.js';
import { alertKindName, alertSentence } from './alert-words.js';

describe('alert words', () => {
  it.each(ALERT_KINDS)('the app has words for %s (every kind the server knows)', (kind) => {
    expect(alertKindName(kind)).not.toBe(kind);
    expect(alertSentence({ kind, details: {} })).not.toBe(kind);
  });

  it.each([
    ['summary_unposted', 'Daily summary not posted'],
    ['feed_stale', 'Public feed not changing'],
    ['some_new_kind', 'some_new_kind'],
    ['toString', 'toString'],
  ])('%s is called %s (an unknown kind: its raw name)', (kind, words) => {
    expect(alertKindName(kind)).toBe(words);
  });

  it.each([
    [{ kind: 'occupancy_high', details: { occupied: 133, totalSpaces: 140, percent: 95 } }, '95% full: 133 of 140 spaces taken'],
    [{ kind: 'garage_full', details: { occupied: 140, totalSpaces: 140, percent: 100 } }, 'Garage full: 140 of 140 spaces taken'],
    [{ kind: 'stale_tickets', details: { count: 1, hours: 24, oldestEntry: null } }, '1 ticket open over 24 h'],
    [{ kind: 'stale_tickets', details: { count: 3, hours: 24, oldestEntry: null } }, '3 tickets open over 24 h'],
    [{ kind: 'shift_corrections', details: { shiftId: 8, username: 'cora', voids: 3, refunds: 1, threshold: 3 } }, "cora's shift #8: 3 voids and 1 refund (more than 3)"],
    [{ kind: 'summary_unposted', details: { date: '2026-11-23' } }, 'The daily summary of 2026-11-23 could not be posted to Slack for an hour'],
    [{ kind: 'feed_stale', details: {} }, 'The public feed has shown the same occupancy for 6 hours while open'],
    [{ kind: 'garage_full', details: { odd: true } }, 'Garage full'],
    [{ kind: 'brand_new', details: { x: 1 } }, 'brand_new'],
  ])('%o reads %s', (episode, words) => {
    expect(alertSentence(episode)).toBe(words);
  });
});
