import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { applyValidation, priceStay } from '../../../shared/pricing.js';
import type { RatePlanBody } from '../../../shared/rate-plan.js';
import { FeeBreakdown } from '../../../shared/tickets.js';
import { FeeBreakdownList } from './fee-breakdown.js';

const plan: RatePlanBody = {
  hourlyRate: 1000,
  vehicleRates: {},
  graceMinutes: 0,
  dailyMaxCents: null,
  bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200, vehicleRates: {} }],
  specials: [{ name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 }],
  events: [{ name: 'Concert', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T03:00:00.000Z', priceCents: 2500 }],
};
const ny = 'America/New_York';
const rows = () => [...document.querySelectorAll('dt')].map((dt) => `${dt.textContent}|${dt.nextElementSibling?.textContent}`);

describe('FeeBreakdownList', () => {
  it.each([
    ['an early bird (Monday 07:30 to 17:00 in New York)', '2026-11-23T12:30:00.000Z', '2026-11-23T22:00:00.000Z', 'Early bird (in 06:00–09:00, out by 19:00)|$12.00'],
    ['an event price', '2026-12-12T23:00:00.000Z', '2026-12-13T06:00:00.000Z', 'Event price, Concert|$25.00'],
    ['hours by band, clock times in the garage’s timezone', '2026-11-24T02:00:00.000Z', '2026-11-24T04:30:00.000Z', 'Regular rate: 1 h from 21:00 × $10.00|$10.00'],
  ])('shows a fee priced by a rate plan line by line in words: %s', (_case, entry, exit, line) => {
    const fee = FeeBreakdown.parse(priceStay(plan, 'Car', new Date(entry), new Date(exit), ny));
    render(<FeeBreakdownList fee={fee} timeZone={ny} />);
    expect(rows()).toContain(line);
    expect(rows().at(-1)).toMatch(/^Total\|/);
  });

  it('shows the night band and a validation as their own lines, the total after them', () => {
    const stay = priceStay(plan, 'Car', new Date('2026-11-24T02:00:00.000Z'), new Date('2026-11-24T04:30:00.000Z'), ny);
    const fee = FeeBreakdown.parse(applyValidation(stay, { code: 'CINEMA5', merchant: 'Rialto Cinema', kind: 'amount', value: 500 }, () => 0));
    render(<FeeBreakdownList fee={fee} timeZone={ny} label="Due now" />);
    expect(rows()).toEqual([
      'Time parked|2 h 30 min',
      'Regular rate: 1 h from 21:00 × $10.00|$10.00',
      'Night: 2 h from 22:00 × $2.00|$4.00',
      'Validated by Rialto Cinema (CINEMA5)|−$5.00',
      'Due now|$9.00',
    ]);
  });

  it('keeps the old rendering for a fee stored before rate plans (no lines)', () => {
    const fee = FeeBreakdown.parse({ durationMinutes: 310, billableHours: 6, hourlyRate: 1000, graceMinutes: 0, graceApplied: false, dailyMaxCents: 5000, fullDays: 0, dailyCapsApplied: 1, totalCents: 5000 });
    render(<FeeBreakdownList fee={fee} timeZone="UTC" />);
    expect(rows()).toEqual(['Time parked|5 h 10 min', 'Billable|6 h × $10.00/h', 'Daily maximum|$50.00 applied once', 'Total|$50.00']);
    expect(screen.queryByTestId('fee-line-hours')).toBeNull();
  });
});
