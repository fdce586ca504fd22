import { describe, expect, it } from 'vitest';
import { clientTimeEvidence, decideExitTime } from './client-time.js';

const now = new Date('2026-11-23T12:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('clientTimeEvidence', () => {
  it.each([
    ['no time from the client', undefined, { clientDated: false, receivedAt: now.toISOString(), offline: false }],
    ['the moment it was sent', at(0), { clientDated: true, claimedTime: now.toISOString(), receivedAt: now.toISOString(), minutesBetween: 0, offline: false }],
    ['exactly a minute before: still online', at(-1), { clientDated: true, claimedTime: at(-1).toISOString(), receivedAt: now.toISOString(), minutesBetween: 1, offline: false }],
    ['a minute and a second before: offline', new Date(now.getTime() - 61_000), expect.objectContaining({ minutesBetween: 1, offline: true })],
    ['three hours before: offline', at(-180), expect.objectContaining({ minutesBetween: 180, offline: true })],
    ['a device clock ahead of the server', at(1), expect.objectContaining({ clientDated: true, minutesBetween: 0, offline: false })],
  ])('%s', (_name, claimed, expected) => expect(clientTimeEvidence(claimed, now)).toEqual(expected));
});

describe('decideExitTime', () => {
  const entryTime = at(-300);
  it.each([
    ['no time from the client: now', undefined, null, { ok: true, exitTime: now }],
    ['an offline exit after the entry, never looked up since', at(-250), null, { ok: true, exitTime: at(-250) }],
    ['after the last sighting', at(-10), at(-20), { ok: true, exitTime: at(-10) }],
    ['up to 2 minutes before the last sighting (a device clock behind)', at(-22), at(-20), { ok: true, exitTime: at(-22) }],
    ['more than 2 minutes before the last sighting', at(-23), at(-20), { ok: false, reason: 'before_last_seen', lastSeen: at(-20) }],
    ['a 23-hour stay claimed as 50 minutes, after a lookup an hour ago', at(-250), at(-60), { ok: false, reason: 'before_last_seen', lastSeen: at(-60) }],
    ['a device clock a minute behind the entry: the entry time', at(-301), null, { ok: true, exitTime: entryTime }],
    ['more than 24 hours ago', at(-24 * 60 - 1), null, { ok: false, reason: 'out_of_window' }],
    ['more than 2 minutes ahead', at(3), null, { ok: false, reason: 'out_of_window' }],
  ] as const)('%s', (_name, claimed, lastSeen, expected) => {
    expect(decideExitTime(claimed, { entryTime, lastSeenActiveAt: lastSeen }, now)).toEqual(expected);
  });

  it("no time from the client on a server whose clock is behind the ticket's entry (another replica): the entry time", () => {
    expect(decideExitTime(undefined, { entryTime: at(1), lastSeenActiveAt: null }, now)).toEqual({ ok: true, exitTime: at(1) });
  });
});
