import { describe, expect, it } from 'vitest';
import { alertsDue, cashVarianceDue, type EndedShift, type FeedFigures, type UnpostedSummaries } from './alerts.js';

const NOW = new Date('2026-11-24T13:00:00.000Z');
/** `minutes` before NOW, as an ISO instant. */
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

const quiet = { now: NOW, totalSpaces: 20, occupied: 4, stale: 0, staleTicketHours: 24, oldestStale: null, shifts: [], voidAlertPerShift: 3, summary: null, feed: { published: false, open: true, lastChange: null }, endedShifts: [], cashVarianceAlertCents: 500, open: [] };
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

describe('alertsDue: cash_variance', () => {
  /** sam's shift #12, closed `minutes` before NOW with a count and its expected cash (or unclosed: no count). */
  const ended = (over: Partial<EndedShift> = {}): EndedShift => ({
    id: 12,
    username: 'sam',
    status: 'closed',
    openedAt: ago(9 * 60),
    closedAt: ago(5),
    openingFloatCents: 10_000,
    declaredCashCents: 9_000,
    expectedCashCents: 10_000,
    varianceCents: -1_000,
    reconciled: false,
    ...over,
  });
  const count = (declared: number) => ({ declaredCashCents: declared, varianceCents: declared - 10_000 });
  const unclosed = { status: 'unclosed' as const, declaredCashCents: null, varianceCents: null };
  const isOpen = [{ kind: 'cash_variance' as const, subject: '12' }];
  const DAY = 24 * 60;
  it.each([
    ['closed short $10.00, threshold $5.00', ended(), [], ['cash_variance']],
    ['closed over $10.00', ended(count(11_000)), [], ['cash_variance']],
    ['short exactly the threshold: within it', ended(count(9_500)), [], []],
    ['short $5.01: beyond it', ended(count(9_499)), [], ['cash_variance']],
    ['balanced', ended(count(10_000)), [], []],
    ['within the threshold', ended(count(9_800)), [], []],
    ['unclosed (closed by the server, no count)', ended(unclosed), [], ['cash_variance']],
    ['reconciled by a manager', ended({ reconciled: true }), [], []],
    ['reconciled, its episode open: ends', ended({ reconciled: true }), isOpen, []],
    ['unclosed and reconciled', ended({ ...unclosed, reconciled: true }), [], []],
    ['ended 6 days 23 h ago', ended({ closedAt: ago(7 * DAY - 60) }), [], ['cash_variance']],
    ['ended 7 days ago (before an upgrade, say): starts none', ended({ closedAt: ago(7 * DAY) }), [], []],
    ['ended 30 days ago, unclosed: starts none', ended({ ...unclosed, closedAt: ago(30 * DAY) }), [], []],
    ['ended 30 days ago, its episode open and not reconciled: goes on', ended({ closedAt: ago(30 * DAY) }), isOpen, ['cash_variance']],
    ['its episode open, the threshold raised since: goes on until reconciled', ended(count(9_800)), isOpen, ['cash_variance']],
  ])('%s', (_name, shift, open, expected) => {
    expect(kinds({ endedShifts: [shift], open })).toEqual(expected);
  });

  it("a garage's own threshold decides: $10.00 short is nothing where it alerts beyond $20.00", () => {
    expect(kinds({ endedShifts: [ended()], cashVarianceAlertCents: 2_000 })).toEqual([]);
    expect(kinds({ endedShifts: [ended()], cashVarianceAlertCents: 0 })).toEqual(['cash_variance']);
  });

  it('one episode per shift, its subject the shift id', () => {
    const due = alertsDue({ ...quiet, endedShifts: [ended(), ended({ id: 13, username: 'ana', ...unclosed }), ended({ id: 14, ...count(10_100) })] });
    expect(due.map((d) => [d.kind, d.subject])).toEqual([
      ['cash_variance', '12'],
      ['cash_variance', '13'],
    ]);
  });

  it('details: the shift, who, the count against what was expected, the threshold, when it opened and ended, its float', () => {
    expect(alertsDue({ ...quiet, endedShifts: [ended()] })).toEqual([
      {
        kind: 'cash_variance',
        subject: '12',
        details: {
          shiftId: 12,
          username: 'sam',
          unclosed: false,
          declaredCashCents: 9_000,
          expectedCashCents: 10_000,
          varianceCents: -1_000,
          thresholdCents: 500,
          openedAt: ago(9 * 60),
          closedAt: ago(5),
          openingFloatCents: 10_000,
        },
      },
    ]);
    expect(cashVarianceDue(ended(unclosed), 500, NOW, false)?.details).toMatchObject({ unclosed: true, declaredCashCents: null, varianceCents: null, expectedCashCents: 10_000 });
  });
});

describe('alertsDue: the kinds together', () => {
  it('a full garage whose summary failed and whose feed is stuck has three episodes', () => {
    expect(kinds({ occupied: 20, summary: unposted(90), feed: feed({ lastChange: ago(7 * 60) }) })).toEqual(['occupancy_high', 'garage_full', 'summary_unposted', 'feed_stale']);
  });
});
