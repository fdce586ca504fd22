import { describe, expect, it } from 'vitest';
import { alertsDue, type FeedFigures, type UnpostedSummaries } from './alerts.js';

const NOW = new Date('2026-11-24T13:00:00.000Z');
/** `minutes` before NOW, as an ISO instant. */
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

const quiet = { now: NOW, totalSpaces: 20, occupied: 4, stale: 0, staleTicketHours: 24, oldestStale: null, shifts: [], voidAlertPerShift: 3, summary: null, feed: { published: false, open: true, lastChange: null }, open: [] };
const unposted = (minutes: number): UnpostedSummaries => ({ date: '2026-11-23', dueSince: ago(minutes), days: 1, attempts: 4, lastError: 'An API error occurred: channel_not_found' });
const feed = (over: Partial<FeedFigures>): FeedFigures => ({ published: true, open: true, lastChange: ago(0), ...over });
const kinds = (over: Partial<Parameters<typeof alertsDue>[0]>) => alertsDue({ ...quiet, ...over }).map((d) => d.kind);

describe('alertsDue: summary_unposted', () => {
  it.each([
    ['nothing unposted', null, []],
    ['due 1 minute ago', unposted(1), []],
    ['due 59 minutes ago', unposted(59), []],
    ['due exactly an hour ago', unposted(60), ['summary_unposted']],
    ['due 61 minutes ago', unposted(61), ['summary_unposted']],
    ['days unposted', { ...unposted(3 * 24 * 60), days: 3 }, ['summary_unposted']],
  ])('%s', (_name, summary, expected) => {
    expect(kinds({ summary })).toEqual(expected);
  });

  it('details: the day, since when, how many days, the attempts and the last error', () => {
    expect(alertsDue({ ...quiet, summary: unposted(61) })).toEqual([
      { kind: 'summary_unposted', subject: '', details: { date: '2026-11-23', dueSince: ago(61), days: 1, attempts: 4, lastError: 'An API error occurred: channel_not_found' } },
    ]);
  });

  it('ends once posted (no unposted summary), even while its episode is open', () => {
    expect(kinds({ summary: null, open: [{ kind: 'summary_unposted', subject: '' }] })).toEqual([]);
  });
});

describe('alertsDue: feed_stale', () => {
  const isOpen = [{ kind: 'feed_stale' as const, subject: '' }];
  it.each([
    ['changed just now', feed({}), [], []],
    ['unchanged 5 h 59', feed({ lastChange: ago(5 * 60 + 59) }), [], []],
    ['unchanged exactly 6 h', feed({ lastChange: ago(6 * 60) }), [], ['feed_stale']],
    ['unchanged 6 h 01', feed({ lastChange: ago(6 * 60 + 1) }), [], ['feed_stale']],
    ['unchanged for days', feed({ lastChange: ago(3 * 24 * 60) }), [], ['feed_stale']],
    ['not in the public feed', feed({ published: false, lastChange: ago(6 * 60 + 1) }), [], []],
    ['not in the public feed any more, episode open: ends', feed({ published: false, lastChange: ago(6 * 60 + 1) }), isOpen, []],
    ['closed: does not start', feed({ open: false, lastChange: ago(6 * 60 + 1) }), [], []],
    ['closed with its episode open: goes on until occupancy changes', feed({ open: false, lastChange: ago(9 * 60) }), isOpen, ['feed_stale']],
    ['occupancy changed, episode open: ends', feed({ lastChange: ago(1) }), isOpen, []],
    ['no car ever recorded: nothing to measure from', feed({ lastChange: null }), [], []],
  ])('%s', (_name, f, open, expected) => {
    expect(kinds({ feed: f, open })).toEqual(expected);
  });

  it('details: when occupancy last changed, the threshold, and the figures it has shown since', () => {
    expect(alertsDue({ ...quiet, feed: feed({ lastChange: ago(6 * 60 + 1) }) })).toEqual([
      { kind: 'feed_stale', subject: '', details: { lastChange: ago(6 * 60 + 1), hours: 6, occupied: 4, totalSpaces: 20 } },
    ]);
  });
});

describe('alertsDue: the kinds together', () => {
  it('a full garage whose summary failed and whose feed is stuck has three episodes', () => {
    expect(kinds({ occupied: 20, summary: unposted(90), feed: feed({ lastChange: ago(7 * 60) }) })).toEqual(['occupancy_high', 'garage_full', 'summary_unposted', 'feed_stale']);
  });
});
