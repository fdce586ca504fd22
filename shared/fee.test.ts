import { describe, expect, it } from 'vitest';
import { quoteFee, quoteTicketFee, type Tariff } from './fee.js';

const entry = new Date('2026-11-23T10:00:00.000Z');
const after = (minutes: number, seconds = 0) => new Date(entry.getTime() + minutes * 60_000 + seconds * 1000);
const plain: Tariff = { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null };

describe('quoteFee', () => {
  it.each([
    ['0 min', plain, 0, 1000, 1],
    ['59 min', plain, 59, 1000, 1],
    ['60 min', plain, 60, 1000, 1],
    ['61 min', plain, 61, 2000, 2],
    ['60 min 1 s', plain, 60, 2000, 2, 1],
    ['3 h 1 min', plain, 181, 4000, 4],
    ['grace 10: 9 min', { ...plain, graceMinutes: 10 }, 9, 0, 0],
    ['grace 10: exactly 10 min', { ...plain, graceMinutes: 10 }, 10, 0, 0],
    ['grace 10: 11 min', { ...plain, graceMinutes: 10 }, 11, 1000, 1],
    ['dailyMax 5000: 10 h', { ...plain, dailyMaxCents: 5000 }, 600, 5000, 10],
    ['dailyMax 5000: 25 h', { ...plain, dailyMaxCents: 5000 }, 1500, 6000, 25],
    ['dailyMax 5000: 48 h', { ...plain, dailyMaxCents: 5000 }, 2880, 10000, 48],
    ['dailyMax 5000: 4 h stays under the cap', { ...plain, dailyMaxCents: 5000 }, 240, 4000, 4],
    ['dailyMax above a full day never applies', { ...plain, dailyMaxCents: 30000 }, 1500, 25000, 25],
    ['rate 0 is free', { ...plain, hourlyRate: 0 }, 95, 0, 2],
    ['rate 250: 2 h 30 min', { ...plain, hourlyRate: 250 }, 150, 750, 3],
  ] as [string, Tariff, number, number, number, number?][])("%s", (_name, tariff, minutes, total, hours, seconds = 0) => {
    const fee = quoteFee(entry, after(minutes, seconds), tariff);
    expect(fee.totalCents).toBe(total);
    expect(fee.billableHours).toBe(hours);
    expect(Number.isInteger(fee.totalCents)).toBe(true);
  });

  it('records why: caps and grace in the breakdown', () => {
    expect(quoteFee(entry, after(1500), { ...plain, dailyMaxCents: 5000 })).toEqual({
      durationMinutes: 1500,
      billableHours: 25,
      hourlyRate: 1000,
      graceMinutes: 0,
      graceApplied: false,
      dailyMaxCents: 5000,
      fullDays: 1,
      dailyCapsApplied: 1,
      totalCents: 6000,
      lines: [
        { kind: 'hours', band: null, from: entry.toISOString(), hours: 25, rate: 1000, cents: 25000 },
        { kind: 'daily_max', days: 1, cap: 5000, cents: -19000 },
      ],
      applied: { kind: 'regular', name: null },
    });
    const free = quoteFee(entry, after(9), { ...plain, graceMinutes: 10 });
    expect(free).toMatchObject({ graceApplied: true, totalCents: 0, durationMinutes: 9 });
  });

  it('durationMinutes is floor(seconds / 60)', () => {
    expect(quoteFee(entry, after(61, 59), plain).durationMinutes).toBe(61);
  });

  it('an exit stamped before the entry (clock skew) counts as a zero-length stay', () => {
    expect(quoteFee(entry, after(-5), plain)).toMatchObject({ durationMinutes: 0, totalCents: 1000 });
  });

  it('charges elapsed time across a DST change, not wall-clock time (America/New_York, spring forward)', () => {
    // 01:30 EST -> 03:30 EDT on 2026-03-08 is one real hour although the wall clock moved two.
    const fee = quoteFee(new Date('2026-03-08T01:30:00-05:00'), new Date('2026-03-08T03:30:00-04:00'), plain);
    expect(fee).toMatchObject({ durationMinutes: 60, billableHours: 1, totalCents: 1000 });
  });

  it('charges elapsed time across a DST change (Europe/Berlin, fall back)', () => {
    // 02:30 CEST -> 02:30 CET on 2026-10-25: the same wall-clock time, one real hour later.
    const fee = quoteFee(new Date('2026-10-25T02:30:00+02:00'), new Date('2026-10-25T02:30:00+01:00'), plain);
    expect(fee).toMatchObject({ durationMinutes: 60, totalCents: 1000 });
  });
});

describe('quoteTicketFee', () => {
  // The case: fetched 30 min after entry, checked out 5 h 10 min after entry.
  const ticket = { entryTime: '2026-11-23T08:00:00.000Z', tariff: { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: 5000 } };

  it.each([
    ['after 5 min: inside the grace period', 5, 0],
    ['after 30 min', 30, 1000],
    ['after 5 h 10 min: 6 hours, capped at the daily max', 310, 5000],
    ['after 4 h 10 min: 5 hours, under the cap', 250, 5000],
    ['after 3 h 10 min', 190, 4000],
  ])('%s', (_label, minutes, cents) => {
    const at = new Date(Date.parse(ticket.entryTime) + minutes * 60_000);
    expect(quoteTicketFee(ticket, at).totalCents).toBe(cents);
  });

  it('is the stay priced with the ticket snapshot, whatever else the ticket carries', () => {
    const at = new Date('2026-11-23T13:10:00.000Z');
    const stale = { ...ticket, amountDue: 1000, feeBreakdown: quoteFee(new Date(ticket.entryTime), new Date('2026-11-23T08:30:00.000Z'), ticket.tariff) };
    expect(quoteTicketFee(stale, at)).toEqual(quoteFee(new Date(ticket.entryTime), at, ticket.tariff));
  });
});
