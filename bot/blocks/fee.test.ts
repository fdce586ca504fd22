import { describe, expect, it } from 'vitest';
import { quoteFee, quoteLostTicket, type FeeBreakdown } from '../../shared/fee.js';
import { formatCents } from '../../shared/format.js';
import { applyValidation, priceStay } from '../../shared/pricing.js';
import { RatePlanBody } from '../../shared/rate-plan.js';
import { describeFee } from './fee.js';

const entry = new Date('2026-11-23T10:00:00Z');
const after = (minutes: number) => new Date(entry.getTime() + minutes * 60_000);
/** A breakdown as it was stored before rate plans: without lines. */
const stored = ({ lines: _lines, applied: _applied, ...fee }: FeeBreakdown): FeeBreakdown => fee;

describe('describeFee', () => {
  it.each([
    ['a short stay', 59, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }, '1 h × $10.00/h = $10.00'],
    ['3 h 1 min', 181, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }, '4 h × $10.00/h = $40.00'],
    ['within grace', 9, { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: null }, 'Free: 9 min is within the 10-minute grace period'],
    ['past grace', 11, { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: null }, '1 h × $10.00/h = $10.00'],
    ['a cap that is never reached', 120, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 50000 }, '2 h × $10.00/h = $20.00'],
  ])('regular hours read in one line, lines or not: %s', (_name, minutes, tariff, text) => {
    const fee = quoteFee(entry, after(minutes), tariff);
    expect(describeFee(fee, 'UTC')).toBe(text);
    expect(describeFee(stored(fee), 'UTC')).toBe(text);
  });

  it.each([
    ['capped once', 600, '10 h × $10.00/h, daily max $50.00 applied to 1 day = $50.00', 'Regular rate: 10 h from 05:00 × $10.00: $100.00\nDaily maximum $50.00: −$50.00\nTotal: $50.00'],
    ['25 h capped', 1500, '25 h × $10.00/h, daily max $50.00 applied to 1 day = $60.00', 'Regular rate: 25 h from 05:00 × $10.00: $250.00\nDaily maximum $50.00: −$190.00\nTotal: $60.00'],
    ['48 h capped', 2880, '48 h × $10.00/h, daily max $50.00 applied to 2 days = $100.00', 'Regular rate: 48 h from 05:00 × $10.00: $480.00\nDaily maximum $50.00 (2 days): −$380.00\nTotal: $100.00'],
  ])('a daily maximum: %s lists its lines (clock in the garage timezone); stored without lines it reads as before', (_name, minutes, before, now) => {
    const fee = quoteFee(entry, after(minutes), { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 5000 });
    expect(describeFee(fee, 'America/New_York')).toBe(now);
    expect(describeFee(stored(fee), 'America/New_York')).toBe(before);
  });

  const tariff = { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null };
  it.each([
    ['the stay plus the fee', { policy: 'actual_plus_fee', feeCents: 2500 } as const, false, 'Lost ticket, priced by the stay plus the lost-ticket fee: stay 2 h × $10.00/h = $20.00, + $25.00 = $45.00', 'Lost ticket, priced by the stay plus the lost-ticket fee:\nRegular rate: 2 h from 10:00 × $10.00: $20.00\nLost ticket: $25.00\nTotal: $45.00'],
    ['a flat price', { policy: 'flat', feeCents: 5000 } as const, false, 'Lost ticket, priced by a flat lost-ticket price: stay 2 h × $10.00/h = $20.00, + $30.00 = $50.00', 'Lost ticket, priced by a flat lost-ticket price:\nRegular rate: 2 h from 10:00 × $10.00: $20.00\nLost ticket: $30.00\nTotal: $50.00'],
    ['per started day', { policy: 'daily_max_per_day', feeCents: 2500 } as const, false, 'Lost ticket, priced by the daily maximum for each started day: stay 2 h × $10.00/h = $20.00, + $220.00 = $240.00', 'Lost ticket, priced by the daily maximum for each started day:\nRegular rate: 2 h from 10:00 × $10.00: $20.00\nLost ticket: $220.00\nTotal: $240.00'],
    ['waived', { policy: 'actual_plus_fee', feeCents: 2500 } as const, true, '2 h × $10.00/h = $20.00; lost ticket: the $25.00 extra was waived', 'Lost ticket, priced by the stay plus the lost-ticket fee (the $25.00 extra waived):\nRegular rate: 2 h from 10:00 × $10.00: $20.00\nLost-ticket fee waived\nTotal: $20.00'],
  ])('a lost ticket: %s', (_name, rule, waived, before, now) => {
    const fee = quoteLostTicket({ entryTime: entry.toISOString(), tariff }, after(90), rule, waived);
    expect(describeFee(fee, 'UTC')).toBe(now);
    expect(describeFee(stored(fee), 'UTC')).toBe(before);
  });
});

describe('describeFee under a rate plan: its lines in words, then the total', () => {
  const tz = 'America/New_York';
  const plan = {
    ...RatePlanBody.parse({
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: null,
      bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200 }],
      specials: [{ name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 }],
      events: [{ name: 'Concert <live>', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T04:00:00.000Z', priceCents: 2500 }],
    }),
    version: 3,
  };
  const at = (local: string) => new Date(`${local}-05:00`);
  const cinema = { code: 'CINEMA5', merchant: 'Cinema', kind: 'amount', value: 500 } as const;

  it.each([
    ['an early bird', at('2026-11-23T08:00:00'), at('2026-11-23T17:30:00'), 'Early bird (in 06:00–09:00, out by 19:00): $12.00\nTotal: $12.00'],
    ['hours in two bands', at('2026-11-23T20:30:00'), at('2026-11-23T23:45:00'), 'Regular rate: 2 h from 20:30 × $10.00: $20.00\nNight: 2 h from 22:30 × $2.00: $4.00\nTotal: $24.00'],
    ['an event (its name escaped for Slack)', at('2026-12-12T18:00:00'), at('2026-12-12T23:00:00'), 'Event price, Concert &lt;live&gt;: $25.00\nTotal: $25.00'],
  ])('%s', (_name, from, to, text) => {
    expect(describeFee(priceStay(plan, 'Car', from, to, tz), tz)).toBe(text);
  });

  it('a validation after the special: "Validated by Cinema (CINEMA5): −$5.00"', () => {
    const fee = applyValidation(priceStay(plan, 'Car', at('2026-11-23T08:00:00'), at('2026-11-23T17:30:00'), tz), cinema, () => 0);
    expect(describeFee(fee, tz)).toBe('Early bird (in 06:00–09:00, out by 19:00): $12.00\nValidated by Cinema (CINEMA5): −$5.00\nTotal: $7.00');
  });

  it('a validation on regular hours lists them too', () => {
    const fee = applyValidation(quoteFee(entry, after(90), { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }), cinema, () => 0);
    expect(describeFee(fee, 'UTC')).toBe('Regular rate: 2 h from 10:00 × $10.00: $20.00\nValidated by Cinema (CINEMA5): −$5.00\nTotal: $15.00');
  });

  it('a week under bands lists 12 lines at most, counts the rest, and stays within Slack’s 3000 characters', () => {
    const fee = priceStay(plan, 'Car', at('2026-11-23T20:30:00'), at('2026-11-30T20:30:00'), tz);
    const text = describeFee(fee, tz).split('\n');
    expect(fee.lines!.length).toBeGreaterThan(12);
    expect(text).toHaveLength(13);
    expect(text.at(-2)).toBe(`… and ${fee.lines!.length - 11} more lines`);
    expect(text.at(-1)).toBe(`Total: ${formatCents(fee.totalCents)}`);
    expect(text.join('\n').length).toBeLessThan(3000);
  });
});
