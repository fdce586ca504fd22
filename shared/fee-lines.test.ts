import { describe, expect, it } from 'vitest';
import { FeeLine, feeLineWords } from './fee-lines.js';
import { priceStay } from './pricing.js';
import { RatePlanBody } from './rate-plan.js';

describe('feeLineWords', () => {
  it.each([
    ['grace', { kind: 'grace', minutes: 15, cents: 0 }, 'UTC', 'Within the 15-minute grace period: free'],
    [
      'hours in a band, clock time in the garage zone',
      { kind: 'hours', band: 'Night', from: '2026-11-24T03:00:00.000Z', hours: 4, rate: 200, cents: 800 },
      'America/New_York',
      'Night: 4 h from 22:00 × $2.00: $8.00',
    ],
    [
      'the same hours read in Berlin',
      { kind: 'hours', band: 'Night', from: '2026-11-24T03:00:00.000Z', hours: 4, rate: 200, cents: 800 },
      'Europe/Berlin',
      'Night: 4 h from 04:00 × $2.00: $8.00',
    ],
    [
      'one regular hour',
      { kind: 'hours', band: null, from: '2026-11-23T15:05:00.000Z', hours: 1, rate: 1000, cents: 1000 },
      'America/New_York',
      'Regular rate: 1 h from 10:05 × $10.00: $10.00',
    ],
    [
      'hours after a DST change read on the new clock',
      { kind: 'hours', band: null, from: '2026-03-08T07:00:00.000Z', hours: 2, rate: 1000, cents: 2000 },
      'America/New_York',
      'Regular rate: 2 h from 03:00 × $10.00: $20.00',
    ],
    ['daily max, one day', { kind: 'daily_max', days: 1, cap: 5000, cents: -19_000 }, 'UTC', 'Daily maximum $50.00: −$190.00'],
    ['daily max, several days', { kind: 'daily_max', days: 3, cap: 5000, cents: -123_456 }, 'UTC', 'Daily maximum $50.00 (3 days): −$1,234.56'],
    [
      'special',
      { kind: 'special', name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', cents: 1200 },
      'UTC',
      'Early bird (in 06:00–09:00, out by 19:00): $12.00',
    ],
    ['event', { kind: 'event', name: 'Concert', cents: 2500 }, 'UTC', 'Event price, Concert: $25.00'],
    ['lost ticket', { kind: 'lost_ticket', waived: false, cents: 2500 }, 'UTC', 'Lost ticket: $25.00'],
    ['lost ticket waived', { kind: 'lost_ticket', waived: true, cents: 0 }, 'UTC', 'Lost-ticket fee waived'],
    ['validation', { kind: 'validation', code: 'CINEMA5', merchant: 'Cinema', cents: -500 }, 'UTC', 'Validated by Cinema (CINEMA5): −$5.00'],
  ] as [string, FeeLine, string, string][])('%s', (_name, line, timeZone, words) => {
    expect(FeeLine.parse(line)).toEqual(line);
    expect(feeLineWords(line, timeZone)).toBe(words);
  });

  it('words every line of a priced stay', () => {
    const plan = RatePlanBody.parse({
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: 5000,
      bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200 }],
    });
    const fee = priceStay(plan, 'Car', new Date('2026-11-23T20:00:00-05:00'), new Date('2026-11-25T02:00:00-05:00'), 'America/New_York');
    expect(fee.lines?.map((l) => feeLineWords(l, 'America/New_York'))).toEqual([
      'Regular rate: 2 h from 20:00 × $10.00: $20.00',
      'Night: 8 h from 22:00 × $2.00: $16.00',
      'Regular rate: 14 h from 06:00 × $10.00: $140.00',
      'Daily maximum $50.00: −$126.00',
      'Regular rate: 2 h from 20:00 × $10.00: $20.00',
      'Night: 4 h from 22:00 × $2.00: $8.00',
    ]);
    expect(fee.totalCents).toBe(5000 + 2800);
  });
});
