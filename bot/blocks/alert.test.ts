import { describe, expect, it } from 'vitest';
import { AlertEpisode, AlertsView } from '../../shared/alerts.js';
import { alertWords, buildAlertCleared, buildAlertRaised, buildAlertsList, endWords } from './alert.js';

const north = { name: 'North', timezone: 'America/New_York' };

/** An episode as `checkAlerts` gives it (parsed with the shared schema: a real shape). */
const episode = (over: Partial<AlertEpisode> & Pick<AlertEpisode, 'kind' | 'details'>): AlertEpisode =>
  AlertEpisode.parse({ id: 4, garageId: 1, subject: '', openedAt: '2026-11-23T15:02:00.000Z', clearedAt: null, muted: false, ...over });

const high = episode({ kind: 'occupancy_high', details: { occupied: 19, totalSpaces: 20, percent: 95 } });
const full = episode({ kind: 'garage_full', details: { occupied: 20, totalSpaces: 20, percent: 100 } });
const stale = (count: number) => episode({ kind: 'stale_tickets', details: { count, hours: 24, oldestEntry: '2026-11-23T13:00:00.000Z' } });
const shift = episode({ kind: 'shift_corrections', subject: '12', details: { shiftId: 12, username: 'sam', voids: 3, refunds: 2, threshold: 3 } });
const unposted = (days: number, lastError: string | null) =>
  episode({ kind: 'summary_unposted', details: { date: '2026-11-22', dueSince: '2026-11-23T12:00:00.000Z', days, attempts: 5, lastError } });
const feedStale = episode({ kind: 'feed_stale', details: { lastChange: '2026-11-23T09:00:00.000Z', hours: 6, occupied: 12, totalSpaces: 20 } });
/** sam's shift #12 as its close opened the episode: the count, what was expected, the threshold and the shift's window figures. */
const cashDetails = {
  shiftId: 12,
  username: 'sam',
  unclosed: false,
  declaredCashCents: 9_000,
  expectedCashCents: 10_000,
  varianceCents: -1_000,
  thresholdCents: 500,
  openedAt: '2026-11-23T13:00:00.000Z',
  closedAt: '2026-11-23T21:00:00.000Z',
  openingFloatCents: 5_000,
  cashTakenCents: 6_500,
  exits: 9,
  voids: 2,
  refunds: 1,
  lostTickets: 1,
};
const short = episode({ kind: 'cash_variance', subject: '12', details: cashDetails });
const over = episode({ kind: 'cash_variance', subject: '12', details: { ...cashDetails, declaredCashCents: 10_750, varianceCents: 750 } });
const unclosed = episode({ kind: 'cash_variance', subject: '12', details: { ...cashDetails, unclosed: true, declaredCashCents: null, varianceCents: null } });

describe('alertWords', () => {
  it.each([
    ['95%', high, ':warning:', 'North is 95% full — 19 of 20 spaces taken'],
    ['full', full, ':no_entry:', 'North is full (20 of 20)'],
    ['stale, several (garage time)', stale(2), ':hourglass:', '2 tickets at North have been open over 24 h (oldest since Mon 23 Nov 08:00)'],
    ['stale, one', stale(1), ':hourglass:', '1 ticket at North has been open over 24 h (oldest since Mon 23 Nov 08:00)'],
    ['a shift', shift, ':rotating_light:', "sam's shift #12 at North has 3 voids and 2 refunds (more than 3)"],
    ['summary unposted, one day, with its error', unposted(1, 'An API error occurred: channel_not_found'), ':mailbox_with_no_mail:', 'The daily summary of Sun 22 Nov 2026 for North has not been posted for over an hour (5 attempts; last error: An API error occurred: channel_not_found)'],
    ['summary unposted, several days, no error recorded', unposted(3, null), ':mailbox_with_no_mail:', "North's daily summaries since Sun 22 Nov 2026 (3 days) have not been posted for over an hour (5 attempts)"],
    ['feed stale (garage time)', feedStale, ':satellite_antenna:', "North's occupancy in the public feed has not changed for over 6 h (12 of 20 since Mon 23 Nov 04:00)"],
    ['a cash variance, short', short, ':moneybag:', "Cash variance: Short $10.00 at North: sam's shift #12 (counted $90.00, expected $100.00)"],
    ['a cash variance, over', over, ':moneybag:', "Cash variance: Over $7.50 at North: sam's shift #12 (counted $107.50, expected $100.00)"],
    ['a shift left open 24 hours', unclosed, ':lock:', "Shift left open 24 hours at North: sam's shift #12 was closed by the server without a count"],
    ['details it cannot read', episode({ kind: 'garage_full', details: { occupied: 'lots' } }), ':warning:', 'Alert at North: garage full'],
    ['cash details it cannot read', episode({ kind: 'cash_variance', details: { shiftId: '12' } }), ':warning:', 'Alert at North: cash variance or unclosed shift'],
  ])('%s', (_name, e, emoji, text) => {
    expect(alertWords(e, north)).toEqual({ emoji, text });
  });
});

describe('endWords', () => {
  it.each([
    [high, 'North is below 90% again'],
    [full, 'North has spaces free again (below 95%)'],
    [stale(2), 'no ticket at North is open over 24 h any more'],
    [shift, "sam's shift #12 at North has closed"],
    [unposted(1, null), "North's daily summary is posted again"],
    [feedStale, "North's occupancy has changed again (or it left the public feed)"],
    [short, "sam's shift #12 at North has been reconciled"],
    [unclosed, "sam's shift #12 at North has been reconciled"],
  ])('%#: %s', (e, text) => {
    expect(endWords(e, north)).toBe(text);
  });
});

describe('the managers’ channel messages', () => {
  it('raised: the words, since when in the garage’s time, and how to mute the kind', () => {
    const message = buildAlertRaised(high, north);
    expect(message.text).toBe('North is 95% full — 19 of 20 spaces taken');
    const said = JSON.stringify(message.blocks);
    expect(said).toContain(':warning: North is 95% full');
    expect(said).toContain('Since Mon 23 Nov 10:02'); // 15:02 UTC in New York
    expect(said).toContain('/park alerts mute 95');
  });

  it.each([
    ['the same day: the time alone', '2026-11-23T15:42:00.000Z', 'Ended at 10:42: North is below 90% again'],
    ['another day: day and time', '2026-11-24T15:42:00.000Z', 'Ended at Tue 24 Nov 10:42: North is below 90% again'],
  ])('cleared, %s, with what it was', (_name, clearedAt, text) => {
    const message = buildAlertCleared({ ...high, clearedAt }, north);
    expect(message.text).toBe(text);
    expect(JSON.stringify(message.blocks)).toContain('Was: North is 95% full — 19 of 20 spaces taken (since Mon 23 Nov 10:02)');
  });

  it.each([
    [unposted(1, null), '/park alerts mute summary'],
    [feedStale, '/park alerts mute feed'],
    [short, '/park alerts mute cash'],
  ])('the new kinds say how to mute them: %#', (e, hint) => {
    expect(JSON.stringify(buildAlertRaised(e, north).blocks)).toContain(hint);
  });

  it("a cash variance keeps what the shift's close post said: the count, the figures with voids, refunds and lost tickets, garage time, how to reconcile", () => {
    const message = buildAlertRaised(short, north);
    expect(message.text).toBe("Cash variance: Short $10.00 at North: sam's shift #12 (counted $90.00, expected $100.00)");
    const said = JSON.stringify(message.blocks);
    expect(said).toContain('*sam* counted *$90.00*; *$100.00* was expected (this garage alerts beyond $5.00 either way).');
    for (const field of ['*Opened*\\nMon 23 Nov 08:00', '*Closed*\\nMon 23 Nov 16:00', '*Float*\\n$50.00', '*Cash taken*\\n$65.00', '*Voids · refunds · lost tickets*\\n2 · 1 · 1', '*Exits*\\n9']) {
      expect(said).toContain(field);
    }
    expect(said).toContain('POST /api/shifts/12/reconcile');
    expect(said).toContain('/park alerts mute cash');
  });

  it('a shift left open 24 hours says the server closed it without a count and what was expected', () => {
    const said = JSON.stringify(buildAlertRaised(unclosed, north).blocks);
    expect(said).toContain("*sam*'s shift #12 was still open 24 hours after it opened, so the server closed it without a count. *$100.00* was expected in the drawer.");
    expect(said).toContain('*Voids · refunds · lost tickets*\\n2 · 1 · 1');
  });

  it('a cash variance without its window figures (details from elsewhere) still says the count, without the fields', () => {
    const { cashTakenCents: _, ...fewer } = cashDetails;
    const said = JSON.stringify(buildAlertRaised({ ...short, details: fewer }, north).blocks);
    expect(said).toContain('*sam* counted *$90.00*');
    expect(said).not.toContain('Cash taken');
  });

  it('a cash variance reconciled: its message is replaced by the end, with what it was', () => {
    const message = buildAlertCleared({ ...short, clearedAt: '2026-11-23T15:30:00.000Z' }, north);
    expect(message.text).toBe("Ended at 10:30: sam's shift #12 at North has been reconciled");
    expect(JSON.stringify(message.blocks)).toContain("Was: Cash variance: Short $10.00 at North: sam's shift #12 (counted $90.00, expected $100.00)");
  });

  it('escapes a garage name for mrkdwn', () => {
    expect(JSON.stringify(buildAlertRaised(full, { ...north, name: 'A&B <1>' }).blocks)).toContain('A&amp;B &lt;1&gt; is full');
  });
});

describe('buildAlertsList', () => {
  const now = new Date('2026-11-23T16:00:00.000Z');
  it('lists the open episodes (muted ones marked) and the muted kinds, only for the asker', () => {
    const view = AlertsView.parse({ open: [high, { ...stale(2), muted: true }], recent: [], muted: ['stale_tickets'] });
    const reply = buildAlertsList(view, north, now, { notice: 'Muted "tickets open too long" at North.' });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Muted "tickets open too long" at North. 2 alerts open at North; muted: tickets open too long');
    const said = JSON.stringify(reply.blocks);
    expect(said).toContain('North is 95% full — 19 of 20 spaces taken · since 10:02');
    expect(said).toContain('have been open over 24 h (oldest since Mon 23 Nov 08:00) · since 10:02 · _muted_');
    expect(said).toContain('*Muted here:* tickets open too long (`stale`)');
  });

  it('says when nothing is going on and nothing is muted', () => {
    const reply = buildAlertsList({ open: [], muted: [] }, north, now, { command: '/park-north' });
    expect(reply.text).toBe('0 alerts open at North; muted: none');
    expect(JSON.stringify(reply.blocks)).toContain('Nothing going on');
    expect(JSON.stringify(reply.blocks)).toContain('/park-north alerts mute <kind>');
  });
});
