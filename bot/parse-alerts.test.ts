import { describe, expect, it } from 'vitest';
import { parseParkCommand } from './parse.js';
import { readAlertKind } from './parse-alerts.js';

describe('readAlertKind', () => {
  it.each([
    ['garage_full', 'garage_full'],
    ['Garage-Full', 'garage_full'],
    ['full', 'garage_full'],
    ['95', 'occupancy_high'],
    ['95%', 'occupancy_high'],
    ['occupancy_high', 'occupancy_high'],
    ['stale', 'stale_tickets'],
    ['STALE_TICKETS', 'stale_tickets'],
    ['shift', 'shift_corrections'],
    ['voids', 'shift_corrections'],
    ['summary', 'summary_unposted'],
    ['summary_unposted', 'summary_unposted'],
    ['Summary-Unposted', 'summary_unposted'],
    ['feed', 'feed_stale'],
    ['public', 'feed_stale'],
    ['feed_stale', 'feed_stale'],
    ['cash', 'cash_variance'],
    ['Cash-Variance', 'cash_variance'],
    ['variance', 'cash_variance'],
    ['unclosed', 'cash_variance'],
    ['90', null],
    ['everything', null],
    ['', null],
  ])('%s -> %s', (word, kind) => {
    expect(readAlertKind(word)).toBe(kind);
  });
});

describe('/park alerts', () => {
  it.each([
    ['alerts', { kind: 'alerts' }],
    ['ALERTS', { kind: 'alerts' }],
    ['alerts mute full', { kind: 'alerts', mute: { kind: 'garage_full', muted: true } }],
    ['alerts unmute 95', { kind: 'alerts', mute: { kind: 'occupancy_high', muted: false } }],
    ['alerts Mute stale_tickets', { kind: 'alerts', mute: { kind: 'stale_tickets', muted: true } }],
    ['alerts mute shift', { kind: 'alerts', mute: { kind: 'shift_corrections', muted: true } }],
    ['alerts mute summary_unposted', { kind: 'alerts', mute: { kind: 'summary_unposted', muted: true } }],
    ['alerts unmute summary', { kind: 'alerts', mute: { kind: 'summary_unposted', muted: false } }],
    ['alerts mute feed_stale', { kind: 'alerts', mute: { kind: 'feed_stale', muted: true } }],
    ['alerts mute feed', { kind: 'alerts', mute: { kind: 'feed_stale', muted: true } }],
    ['alerts mute cash', { kind: 'alerts', mute: { kind: 'cash_variance', muted: true } }],
    ['alerts unmute cash_variance', { kind: 'alerts', mute: { kind: 'cash_variance', muted: false } }],
  ])('%s', (text, parsed) => {
    expect(parseParkCommand(text)).toEqual(parsed);
  });

  it.each([
    ['alerts mute', 'Which kind?'],
    ['alerts mute everything', '"everything" is not a kind of alert.'],
    ['alerts mute nonsense', '`summary` (daily summary not posted), `feed` (public feed not changing), `cash` (cash variance or unclosed shift)'],
    ['alerts mute full stale', '"full stale" is not a kind of alert.'],
    ['alerts off', 'lists this garage\'s alerts'],
  ])('%s is refused with what to type', (text, message) => {
    const parsed = parseParkCommand(text, '/park');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain(message);
    expect(parsed.kind === 'invalid' && parsed.message).toContain('`/park alerts mute full`');
  });
});
