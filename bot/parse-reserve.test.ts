import { describe, expect, it } from 'vitest';
import { parseParkCommand } from './parse.js';
import { windowInstants } from './parse-reserve.js';

const plate = (display: string, normalized: string) => ({ display, normalized });

describe('/park reserve, read from its words', () => {
  it.each([
    ['reserve ABC 123 08:00-18:00', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 0, null],
    ['reserve abc123 8:00-18:30', plate('ABC123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1110 }, 0, null],
    ['reserve ABC 123 8:00 - 18:00', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 0, null], // spaced dash
    ['reserve ABC 123 8:00–18:00', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 0, null], // en dash, as phones type it
    ['reserve ABC 123 22:00-06:00', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 1320, toMinute: 360 }, 0, null], // next day
    ['reserve ABC 123 2026-11-24 08:00-18:00', plate('ABC 123', 'ABC123'), { date: '2026-11-24', fromMinute: 480, toMinute: 1080 }, 0, null],
    ['reserve ABC 123 08:00-18:00 prepaid 20', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 2000, null],
    ['reserve ABC 123 08:00-18:00 prepaid $12.5', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 1250, null],
    ['reserve ABC 123 08:00-18:00 prepaid 0', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 0, null],
    ['reserve ABC 123 08:00-18:00 for Acme Corp', plate('ABC 123', 'ABC123'), { date: null, fromMinute: 480, toMinute: 1080 }, 0, 'Acme Corp'],
    ['RESERVE XY 9 08:00-18:00 for Ms Lee prepaid 20.00', plate('XY 9', 'XY9'), { date: null, fromMinute: 480, toMinute: 1080 }, 2000, 'Ms Lee'],
    ['reserve XY 9 08:00-18:00 PREPAID 20 for Ms Lee', plate('XY 9', 'XY9'), { date: null, fromMinute: 480, toMinute: 1080 }, 2000, 'Ms Lee'],
  ])('%j', (text, p, window, prepaidCents, holder) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'reserve', plate: p, window, prepaidCents, holder });
  });

  it.each([
    ['reserve', /Reserve for which plate, and when\?/],
    ['reserve ABC 123', /When\? Say the window after the plate/],
    ['reserve ABC 123 8-18', /When\?/],
    ['reserve ABC 123 08:00', /"08:00" is not a window: write it as HH:MM-HH:MM/],
    ['reserve ABC 123 25:00-26:00', /hours are 0 to 23 and minutes 0 to 59/],
    ['reserve ABC 123 08:60-09:00', /hours are 0 to 23/],
    ['reserve ABC 123 08:00-08:00', /is empty/],
    ['reserve 08:00-18:00', /Which plate\?/],
    ['reserve A 08:00-18:00', /"A" is not a licence plate/],
    ['reserve ABC 123 2026-02-30 08:00-18:00', /"2026-02-30" is not a date; write it as YYYY-MM-DD/],
    ['reserve ABC 123 08:00-18:00 prepaid', /How much was prepaid\?/],
    ['reserve ABC 123 08:00-18:00 prepaid twenty', /How much was prepaid\?/],
    ['reserve ABC 123 08:00-18:00 prepaid 1000000.01', /at most \$1,000,000.00/],
    ['reserve ABC 123 08:00-18:00 for', /For whom\?/],
    [`reserve ABC 123 08:00-18:00 for ${'n'.repeat(121)}`, /at most 120 characters/],
    ['reserve ABC 123 08:00-18:00 tomorrow', /"tomorrow" is not understood after the window/],
  ])('%j is refused in words saying what to type', (text, message) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });

  it('uses the command name it was called with in its examples', () => {
    expect(parseParkCommand('reserve', '/park-north')).toEqual({ kind: 'invalid', message: expect.stringContaining('`/park-north reserve ABC 123 08:00-18:00 prepaid 20`') });
  });
});

describe('/park reservations and cancel-reservation', () => {
  it.each([
    ['reservations', { kind: 'reservations' }],
    ['RESERVATIONS', { kind: 'reservations' }],
    ['cancel-reservation 12', { kind: 'cancel-reservation', id: 12 }],
    ['cancel-reservation #7', { kind: 'cancel-reservation', id: 7 }],
    ['cancel-reservation 2147483647', { kind: 'cancel-reservation', id: 2_147_483_647 }],
  ])('%j', (text, expected) => expect(parseParkCommand(text)).toEqual(expected));

  it.each([
    ['reservations tomorrow', /takes nothing after it/],
    ['cancel-reservation', /Cancel which reservation\?/],
    ['cancel-reservation abc', /"abc" is not a reservation number/],
    ['cancel-reservation 0', /is not a reservation number/],
    ['cancel-reservation 2147483648', /is not a reservation number/], // past int4: a refusal, never a 500
    ['cancel-reservation 1.5', /is not a reservation number/],
  ])('%j is refused in words', (text, message) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });
});

describe('windowInstants (the garage clock decides "today")', () => {
  const now = new Date('2026-11-23T15:00:00.000Z'); // 10:00 in New York, 15:00 UTC
  it.each([
    ['today', { date: null, fromMinute: 480, toMinute: 1080 }, 'America/New_York', '2026-11-23T13:00:00.000Z', '2026-11-23T23:00:00.000Z'],
    ['into the next day', { date: null, fromMinute: 1320, toMinute: 360 }, 'America/New_York', '2026-11-24T03:00:00.000Z', '2026-11-24T11:00:00.000Z'],
    ['on a date', { date: '2026-11-25', fromMinute: 480, toMinute: 1080 }, 'UTC', '2026-11-25T08:00:00.000Z', '2026-11-25T18:00:00.000Z'],
    ['on a date, into the next day', { date: '2026-12-31', fromMinute: 1200, toMinute: 120 }, 'UTC', '2026-12-31T20:00:00.000Z', '2027-01-01T02:00:00.000Z'],
    ['across a DST change', { date: '2026-11-01', fromMinute: 0, toMinute: 240 }, 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-11-01T09:00:00.000Z'],
  ])('%s', (_name, window, tz, from, to) => {
    const got = windowInstants(window, now, tz);
    expect({ from: got.from.toISOString(), to: got.to.toISOString() }).toEqual({ from, to });
  });

  it("today is the garage's day, not the server's", () => {
    const lateEvening = new Date('2026-11-24T03:30:00.000Z'); // still Monday 23 Nov in New York
    expect(windowInstants({ date: null, fromMinute: 1380, toMinute: 1410 }, lateEvening, 'America/New_York').from.toISOString()).toBe('2026-11-24T04:00:00.000Z');
  });
});
