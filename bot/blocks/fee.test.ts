import { describe, expect, it } from 'vitest';
import { quoteFee, quoteLostTicket } from '../../shared/fee.js';
import { describeFee } from './fee.js';

const entry = new Date('2026-11-23T10:00:00Z');
const after = (minutes: number) => new Date(entry.getTime() + minutes * 60_000);

describe('describeFee', () => {
  it.each([
    ['a short stay', 59, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }, '1 h × $10.00/h = $10.00'],
    ['3 h 1 min', 181, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }, '4 h × $10.00/h = $40.00'],
    ['within grace', 9, { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: null }, 'Free: 9 min is within the 10-minute grace period'],
    ['past grace', 11, { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: null }, '1 h × $10.00/h = $10.00'],
    ['capped once', 600, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 5000 }, '10 h × $10.00/h, daily max $50.00 applied to 1 day = $50.00'],
    ['25 h capped', 1500, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 5000 }, '25 h × $10.00/h, daily max $50.00 applied to 1 day = $60.00'],
    ['48 h capped', 2880, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 5000 }, '48 h × $10.00/h, daily max $50.00 applied to 2 days = $100.00'],
    ['a cap that is never reached', 120, { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: 50000 }, '2 h × $10.00/h = $20.00'],
  ])('%s', (_name, minutes, tariff, text) => {
    expect(describeFee(quoteFee(entry, after(minutes), tariff))).toBe(text);
  });

  const tariff = { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null };
  it.each([
    ['the stay plus the fee', { policy: 'actual_plus_fee', feeCents: 2500 } as const, false, 'Lost ticket, priced by the stay plus the lost-ticket fee: stay 2 h × $10.00/h = $20.00, + $25.00 = $45.00'],
    ['a flat price', { policy: 'flat', feeCents: 5000 } as const, false, 'Lost ticket, priced by a flat lost-ticket price: stay 2 h × $10.00/h = $20.00, + $30.00 = $50.00'],
    ['per started day', { policy: 'daily_max_per_day', feeCents: 2500 } as const, false, 'Lost ticket, priced by the daily maximum for each started day: stay 2 h × $10.00/h = $20.00, + $220.00 = $240.00'],
    ['waived', { policy: 'actual_plus_fee', feeCents: 2500 } as const, true, '2 h × $10.00/h = $20.00; lost ticket: the $25.00 extra was waived'],
  ])('a lost ticket: %s', (_name, rule, waived, text) => {
    expect(describeFee(quoteLostTicket({ entryTime: entry.toISOString(), tariff }, after(90), rule, waived))).toBe(text);
  });
});
