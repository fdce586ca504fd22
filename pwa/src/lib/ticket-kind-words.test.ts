import { describe, expect, it } from 'vitest';
import { balanceWords, permitWords, reservationWords } from './ticket-kind-words.js';

const now = new Date('2026-11-23T15:00:00.000Z');

describe('ticket kind in words', () => {
  it.each([
    // valid to midnight: the day before is the last day covered
    [{ holder: 'Acme Corp', validTo: '2027-01-01T05:00:00.000Z' }, 'America/New_York', 'en-US', 'Monthly parker — Acme Corp until Dec 31'],
    [{ holder: 'Acme Corp', validTo: '2026-12-31T18:00:00.000Z' }, 'UTC', 'en-GB', 'Monthly parker — Acme Corp until 31 Dec'],
    // another year: said with its year
    [{ holder: 'Bo', validTo: '2027-06-30T12:00:00.000Z' }, 'UTC', 'en-US', 'Monthly parker — Bo until Jun 30, 2027'],
  ])('permit %j in %s (%s)', (permit, timeZone, locale, words) => expect(permitWords(permit, { timeZone, locale, now })).toBe(words));

  it.each([
    [{ startsAt: '2026-11-23T13:00:00.000Z', endsAt: '2026-11-23T23:00:00.000Z', prepaidCents: 2000 }, 'America/New_York', 'en-US', 'Reserved 8:00 AM–6:00 PM, prepaid $20.00'],
    [{ startsAt: '2026-11-23T08:00:00.000Z', endsAt: '2026-11-23T18:00:00.000Z', prepaidCents: 2000 }, 'UTC', 'en-GB', 'Reserved 8:00–18:00, prepaid $20.00'],
    [{ startsAt: '2026-11-23T20:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z', prepaidCents: 0 }, 'UTC', 'en-US', 'Reserved Nov 23, 8:00 PM – Nov 24, 8:00 AM, not prepaid'],
  ])('reservation %j in %s (%s)', (r, timeZone, locale, words) => expect(reservationWords(r, { timeZone, locale, now })).toBe(words));

  it.each([
    [2000, 0, 'Prepaid $20.00 — collect $0.00'],
    [2000, 1050, 'Prepaid $20.00 — collect $10.50'],
  ])('prepaid %i, due %i', (prepaid, due, words) => expect(balanceWords(prepaid, due)).toBe(words));
});
