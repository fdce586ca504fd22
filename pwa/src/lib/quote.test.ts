import { describe, expect, it } from 'vitest';
import type { Tariff } from '../../../shared/fee.js';
import { fixture } from '../../test/fixtures.js';
import type { OutboxItem } from './local-store.js';
import { quoteOfflineEntry, quoteTicket } from './quote.js';

const entryTime = '2026-11-23T08:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(entryTime) + minutes * 60_000);
const noCap: Tariff = { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null };
const graceAndCap: Tariff = { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: 5000 };

describe('quoteTicket', () => {
  it.each([
    ['fetched at 30 min, out at 5 h 10 min (the $60, not $10, case)', noCap, 30, 310, 6000],
    ['fetched at 30 min, out at 5 h 10 min, capped at $50 a day', graceAndCap, 30, 310, 5000],
    ['fetched inside the grace period, out after it', graceAndCap, 5, 11, 1000],
    ['fetched at 30 min, out the next day: one capped day and 3 hours', graceAndCap, 30, 26 * 60 + 10, 8000],
  ] as const)('prices the phone’s copy as of now, with the ticket’s own tariff: %s', (_case, tariff, fetchedAt, outAt, cents) => {
    const seen = fixture.activeTicket({ entryTime, tariff }, after(fetchedAt));
    const quote = quoteTicket(seen.ticketNumber, seen, 'phone', after(outAt));
    expect(quote.breakdown?.totalCents).toBe(cents);
    expect(quote.breakdown?.durationMinutes).toBe(outAt);
  });

  it.each([
    [noCap, 5],
    [noCap, 61],
    [graceAndCap, 5],
    [graceAndCap, 310],
    [graceAndCap, 26 * 60],
  ])('gives a fresh server answer (tariff %o, %i min) exactly its amountDue and breakdown', (tariff, minutes) => {
    const fresh = fixture.activeTicket({ entryTime, tariff }, after(minutes));
    const quote = quoteTicket(fresh.ticketNumber, fresh, 'server', after(minutes));
    expect(quote.breakdown?.totalCents).toBe(fresh.amountDue);
    expect(quote.breakdown).toEqual(fresh.feeBreakdown);
  });

  it('knows no amount for a ticket the phone does not have', () => {
    expect(quoteTicket('PS-000001', null, 'phone', after(60))).toEqual({ ticketNumber: 'PS-000001', car: null, source: 'none', breakdown: null });
  });
});

describe('quoteOfflineEntry', () => {
  const entry: Extract<OutboxItem, { kind: 'entry' }> = {
    key: '3f9a1c2e-0000-4000-8000-000000000000',
    createdAt: entryTime,
    state: 'pending',
    attempts: 1,
    error: null,
    ticket: null,
    sentAt: null,
    kind: 'entry',
    body: { licensePlate: 'in 1', vehicleType: 'Van', entryTime },
  };

  it.each([
    ['no cap, 61 min', noCap, 61, 2000],
    ['inside the grace period', graceAndCap, 10, 0],
    ['capped at the daily maximum', graceAndCap, 310, 5000],
  ] as const)('prices a car that came in offline with the garage tariff last seen: %s', (_case, tariff, outAt, cents) => {
    expect(quoteOfflineEntry(entry, tariff, after(outAt)).breakdown?.totalCents).toBe(cents);
  });

  it('gives the car by its provisional reference, and no amount when the phone never saw a tariff', () => {
    expect(quoteOfflineEntry(entry, null, after(61))).toEqual({
      ticketNumber: 'OFF-3F9A1C',
      car: { licensePlate: 'IN 1', vehicleType: 'Van', entryTime },
      source: 'offline',
      breakdown: null,
      entryKey: entry.key,
    });
  });
});
