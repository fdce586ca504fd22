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
    ['details it cannot read', episode({ kind: 'garage_full', details: { occupied: 'lots' } }), ':warning:', 'Alert at North: garage full'],
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
  ])('the new kinds say how to mute them: %#', (e, hint) => {
    expect(JSON.stringify(buildAlertRaised(e, north).blocks)).toContain(hint);
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
