import { describe, expect, it } from 'vitest';
import { quoteLostTicket, quoteTicketFee, type LostTicketRule, type Tariff } from '../../../shared/fee.js';
import { fixture } from '../../test/fixtures.js';
import type { OutboxItem } from './local-store.js';
import { quoteOfflineEntry, quoteTicket, withLostTicket, withValidation } from './quote.js';

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
    expect(quoteTicket('PS-000001', null, 'phone', after(60))).toEqual({ ticketNumber: 'PS-000001', car: null, source: 'none', breakdown: null, tariff: null });
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
      tariff: null,
      entryKey: entry.key,
    });
  });
});

describe('withLostTicket', () => {
  const rules: LostTicketRule[] = [
    { policy: 'actual_plus_fee', feeCents: 2500 },
    { policy: 'daily_max_per_day', feeCents: 2500 },
    { policy: 'flat', feeCents: 4000 },
    { policy: 'flat', feeCents: 500 },
  ];

  it.each(
    rules.flatMap((rule) => [noCap, graceAndCap].flatMap((tariff) => [5, 61, 310, 26 * 60 + 10].map((minutes) => [rule, tariff, minutes] as const))),
  )('prices a lost ticket exactly as the shared quoteLostTicket does: %o, %o, %i min', (rule, tariff, minutes) => {
    const seen = fixture.activeTicket({ entryTime, tariff }, after(minutes));
    const lost = withLostTicket(quoteTicket(seen.ticketNumber, seen, 'server', after(minutes)), true, rule, after(minutes));
    expect(lost.lostTicket).toBe(true);
    expect(lost.breakdown).toEqual(quoteLostTicket({ entryTime, tariff }, after(minutes), rule, false));
  });

  it('found again: back to the stay alone', () => {
    const seen = fixture.activeTicket({ entryTime, tariff: noCap }, after(61));
    const lost = withLostTicket(quoteTicket(seen.ticketNumber, seen, 'server', after(61)), true, rules[0]!, after(61));
    const found = withLostTicket(lost, false, rules[0]!, after(61));
    expect(found.lostTicket).toBe(false);
    expect(found.breakdown).toEqual(quoteTicketFee({ entryTime, tariff: noCap }, after(61)));
  });

  it('knows no amount without the garage rule or the stay', () => {
    const seen = fixture.activeTicket({ entryTime, tariff: noCap }, after(61));
    expect(withLostTicket(quoteTicket(seen.ticketNumber, seen, 'phone', after(61)), true, null, after(61)).breakdown).toBeNull();
    expect(withLostTicket(quoteTicket('PS-000001', null, 'phone', after(61)), true, rules[0]!, after(61)).breakdown).toBeNull();
  });
});

describe('the vehicle type and a validation, priced as the server charges', () => {
  const plan = { hourlyRate: 1000, vehicleRates: { Truck: 1500 }, graceMinutes: 0, dailyMaxCents: null, bands: [], specials: [], events: [], version: 2, timezone: 'UTC' };
  const planned: Tariff = { hourlyRate: 1500, graceMinutes: 0, dailyMaxCents: null, plan };
  const truck = () => fixture.activeTicket({ entryTime, vehicleType: 'Truck', tariff: planned }, after(90));
  const rule: LostTicketRule = { policy: 'actual_plus_fee', feeCents: 2500 };
  const offlineTruck: Extract<OutboxItem, { kind: 'entry' }> = {
    key: '3f9a1c2e-0000-4000-8000-000000000001',
    createdAt: entryTime,
    state: 'pending',
    attempts: 1,
    error: null,
    ticket: null,
    sentAt: null,
    kind: 'entry',
    body: { licensePlate: 'big 1', vehicleType: 'Truck', entryTime },
  };

  it.each([
    ['the lost-ticket switch, off', (q: ReturnType<typeof quoteTicket>) => withLostTicket(q, false, rule, after(90)), 3000],
    ['the lost-ticket switch, on', (q: ReturnType<typeof quoteTicket>) => withLostTicket(q, true, rule, after(90)), 5500],
  ])('keeps the truck’s own rate through %s', (_case, change, cents) => {
    const q = quoteTicket('PS-7K3QXM', truck(), 'server', after(90));
    expect(q.breakdown?.totalCents).toBe(3000);
    expect(change(q).breakdown?.totalCents).toBe(cents);
  });

  it('prices a truck that came in offline at the truck rate of the plan the phone last saw', () => {
    expect(quoteOfflineEntry(offlineTruck, planned, after(90)).breakdown?.totalCents).toBe(3000);
  });

  it.each([
    ['amount', 500, false, 2500],
    ['percent', 50, false, 1500],
    ['flat', 800, false, 800],
    ['minutes', 60, false, 1500],
    ['amount', 500, true, 5000],
    ['minutes', 60, true, 4000],
  ] as const)('applies a %s validation (%i) after the tariff, lost ticket %s, as the server does', (kind, value, lost, cents) => {
    const terms = { code: 'CINEMA5', merchant: 'Rialto Cinema', kind, value };
    const q = withLostTicket(quoteTicket('PS-7K3QXM', truck(), 'server', after(90)), lost, rule, after(90));
    const validated = withValidation(q, terms, rule, after(90));
    expect(validated.breakdown?.totalCents).toBe(cents);
    expect(validated.breakdown?.validation).toMatchObject({ code: 'CINEMA5', discountCents: q.breakdown!.totalCents - cents });
    // Switching lost ticket keeps the validation; removing it gives the plain price back.
    expect(withLostTicket(validated, !lost, rule, after(90)).breakdown?.validation?.code).toBe('CINEMA5');
    expect(withValidation(validated, null, rule, after(90)).breakdown?.totalCents).toBe(q.breakdown?.totalCents);
  });
});
