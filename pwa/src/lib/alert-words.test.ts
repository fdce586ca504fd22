import { describe, expect, it } from 'vitest';
import { ALERT_KINDS } from '../../../shared/alerts.js';
import { alertKindName, alertSentence } from './alert-words.js';

/** A cash_variance episode's details as the server sends them (shared/alerts.ts cashVarianceDue, plus the shift's window figures). */
const cash = (over: Record<string, unknown>) => ({
  shiftId: 12,
  username: 'sam',
  unclosed: false,
  declaredCashCents: 9_000,
  expectedCashCents: 10_000,
  varianceCents: -1_000,
  thresholdCents: 500,
  openedAt: '2026-11-23T08:00:00.000Z',
  closedAt: '2026-11-23T16:00:00.000Z',
  openingFloatCents: 10_000,
  cashTakenCents: 3_000,
  exits: 4,
  voids: 1,
  refunds: 0,
  lostTickets: 1,
  ...over,
});

describe('alert words', () => {
  it.each(ALERT_KINDS)('the app has words for %s (every kind the server knows)', (kind) => {
    expect(alertKindName(kind)).not.toBe(kind);
    expect(alertSentence({ kind, details: {} })).not.toBe(kind);
  });

  it.each([
    ['summary_unposted', 'Daily summary not posted'],
    ['feed_stale', 'Public feed not changing'],
    ['cash_variance', 'Cash variance or unclosed shift'],
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
    [{ kind: 'summary_unposted', details: { date: '2026-11-23', dueSince: '2026-11-24T07:00:00.000Z', days: 1, attempts: 4, lastError: 'channel_not_found' } }, 'The daily summary of 2026-11-23 could not be posted to Slack for an hour'],
    [{ kind: 'feed_stale', details: {} }, 'The public feed has shown the same occupancy for 6 hours while open'],
    [{ kind: 'feed_stale', details: { lastChange: '2026-11-24T01:00:00.000Z', hours: 6, occupied: 40, totalSpaces: 140 } }, 'The public feed has shown the same occupancy for 6 hours while open'],
    [{ kind: 'cash_variance', details: cash({}) }, "sam's shift #12 closed short $10.00: counted $90.00, expected $100.00 (more than $5.00 either way)"],
    [{ kind: 'cash_variance', details: cash({ declaredCashCents: 10_750, varianceCents: 750 }) }, "sam's shift #12 closed over $7.50: counted $107.50, expected $100.00 (more than $5.00 either way)"],
    [{ kind: 'cash_variance', details: cash({ unclosed: true, declaredCashCents: null, varianceCents: null }) }, "sam's shift #12 was left open 24 hours and closed without a count ($100.00 expected)"],
    [{ kind: 'cash_variance', details: { shiftId: 'twelve' } }, "A shift's cash needed a manager"],
    [{ kind: 'garage_full', details: { odd: true } }, 'Garage full'],
    [{ kind: 'brand_new', details: { x: 1 } }, 'brand_new'],
  ])('%o reads %s', (episode, words) => {
    expect(alertSentence(episode)).toBe(words);
  });
});
