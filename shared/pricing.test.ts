import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteFee, quoteLostTicket, type FeeBreakdown, type LostTicketRule } from './fee.js';
import type { FeeLine } from './fee-lines.js';
import { applyValidation, planAtEntry, priceStay, qualifiesFor, type PricingPlan, type ValidationTerms } from './pricing.js';
import { wallClock } from './garage-day.js';
import { RatePlanBody, type RatePlanSnapshot, type Special } from './rate-plan.js';
import { VALIDATION_KINDS } from './validations.js';
import { VEHICLE_TYPES, type VehicleType } from './vehicle-type.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

/** A plan as the API takes it (validated by its schema), priced in `timezone`. */
function plan(fields: Record<string, unknown>, timezone = NY): RatePlanSnapshot {
  return { ...RatePlanBody.parse({ graceMinutes: 0, dailyMaxCents: null, ...fields }), version: 1, timezone };
}

const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const sum = (lines: readonly FeeLine[] | undefined) => (lines ?? []).reduce((s, l) => s + l.cents, 0);
const price = (p: PricingPlan & { timezone?: string }, vt: VehicleType, entry: Date, exit: Date, tz = p.timezone ?? 'UTC') => priceStay(p, vt, entry, exit, tz);

const night = { name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200 };
const banded = plan({ hourlyRate: 1000, bands: [night] });
const earlyBird = { name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 };
const evening = { name: 'Evening', entryFrom: '17:00', entryTo: '23:59', exitBy: '06:00', weekdays: [1, 2, 3, 4, 5, 6, 7], priceCents: 800 };
/** 17:00–23:00 in New York on Saturday 2026-12-12. */
const concert = { name: 'Concert', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T04:00:00.000Z', priceCents: 2500 };

describe('priceStay: time bands', () => {
  it('a stay 20:00 → 02:00 local pays 2 day hours and 4 night hours, line by line', () => {
    const fee = price(banded, 'Car', at('2026-11-23T20:00:00-05:00'), at('2026-11-24T02:00:00-05:00'));
    expect(fee.totalCents).toBe(2 * 1000 + 4 * 200);
    expect(fee.billableHours).toBe(6);
    expect(fee.applied).toEqual({ kind: 'regular', name: null });
    expect(fee.lines).toEqual([
      { kind: 'hours', band: null, from: '2026-11-24T01:00:00.000Z', hours: 2, rate: 1000, cents: 2000 },
      { kind: 'hours', band: 'Night', from: '2026-11-24T03:00:00.000Z', hours: 4, rate: 200, cents: 800 },
    ]);
  });

  it('a stay 05:00 → 08:00 pays 1 night hour and 2 day hours', () => {
    const fee = price(banded, 'Car', at('2026-11-24T05:00:00-05:00'), at('2026-11-24T08:00:00-05:00'));
    expect(fee.totalCents).toBe(200 + 2 * 1000);
    expect(fee.lines?.map((l) => (l.kind === 'hours' ? [l.band, l.hours] : l.kind))).toEqual([
      ['Night', 1],
      [null, 2],
    ]);
  });

  it("each hour pays the band its start falls in: 21:30 → 23:30 is one day hour (starts 21:30) and one night hour", () => {
    expect(price(banded, 'Car', at('2026-11-23T21:30:00-05:00'), at('2026-11-23T23:30:00-05:00')).totalCents).toBe(1000 + 200);
    // 21:59:59 still starts before the band; 22:00:00 starts in it.
    expect(price(banded, 'Car', at('2026-11-23T21:59:59-05:00'), at('2026-11-23T22:30:00-05:00')).totalCents).toBe(1000);
    expect(price(banded, 'Car', at('2026-11-23T22:00:00-05:00'), at('2026-11-23T22:30:00-05:00')).totalCents).toBe(200);
    // the band ends at 06:00: an hour starting at 05:59 is a night hour, one starting at 06:00 is not
    expect(price(banded, 'Car', at('2026-11-24T05:59:00-05:00'), at('2026-11-24T06:30:00-05:00')).totalCents).toBe(200);
    expect(price(banded, 'Car', at('2026-11-24T06:00:00-05:00'), at('2026-11-24T06:30:00-05:00')).totalCents).toBe(1000);
  });

  it('reads the bands on the garage clock: the same instants in Berlin are other local hours', () => {
    // 2026-11-24T01:00Z..07:00Z is 02:00..08:00 in Berlin: 4 night hours (02–06), 2 day hours
    const berlin = { ...banded, timezone: BERLIN };
    expect(price(berlin, 'Car', at('2026-11-24T01:00:00Z'), at('2026-11-24T07:00:00Z')).totalCents).toBe(4 * 200 + 2 * 1000);
    // ... and 20:00..02:00 in New York: 2 day hours, 4 night hours
    expect(price(banded, 'Car', at('2026-11-24T01:00:00Z'), at('2026-11-24T07:00:00Z')).totalCents).toBe(2 * 1000 + 4 * 200);
  });
});

describe('priceStay: vehicle rates', () => {
  const p = plan({ hourlyRate: 1000, vehicleRates: { Truck: 1500, Motorcycle: 400 } });
  it.each([
    ['Truck', 3 * 1500],
    ['Motorcycle', 3 * 400],
    ['Car', 3 * 1000],
    ['SUV', 3 * 1000],
    ['Van', 3 * 1000],
  ] as [VehicleType, number][])('%s for 3 h pays %i', (vt, cents) => {
    const fee = price(p, vt, at('2026-11-23T10:00:00Z'), at('2026-11-23T13:00:00Z'));
    expect(fee.totalCents).toBe(cents);
    expect(fee.hourlyRate).toBe(cents / 3);
  });

  it("a band's own vehicle rate applies in the band; the others pay the band's rate", () => {
    const p2 = plan({ hourlyRate: 1000, vehicleRates: { Truck: 1500 }, bands: [{ ...night, vehicleRates: { Truck: 600 } }] });
    const entry = at('2026-11-23T20:00:00-05:00');
    const exit = at('2026-11-24T02:00:00-05:00');
    expect(price(p2, 'Truck', entry, exit).totalCents).toBe(2 * 1500 + 4 * 600);
    expect(price(p2, 'SUV', entry, exit).totalCents).toBe(2 * 1000 + 4 * 200);
    expect(price(p2, 'Truck', entry, exit).lines).toEqual([
      { kind: 'hours', band: null, from: '2026-11-24T01:00:00.000Z', hours: 2, rate: 1500, cents: 3000 },
      { kind: 'hours', band: 'Night', from: '2026-11-24T03:00:00.000Z', hours: 4, rate: 600, cents: 2400 },
    ]);
  });
});

describe('priceStay: daily maximum per 24 hours from entry', () => {
  it('caps each 24 hours from entry, bands included: 30 h from Monday 08:00', () => {
    const p = plan({ hourlyRate: 1000, dailyMaxCents: 10_000, bands: [night] });
    const entry = at('2026-11-23T08:00:00-05:00');
    const fee = price(p, 'Car', entry, plus(entry, 30 * HOUR));
    // first 24 h: 14 day hours (08–22) + 8 night (22–06) + 2 day (06–08) = 17,600, capped at 10,000; then 6 day hours 08–14
    expect(fee.totalCents).toBe(10_000 + 6_000);
    expect(fee.dailyCapsApplied).toBe(1);
    expect(fee.fullDays).toBe(1);
    expect(fee.lines).toEqual([
      { kind: 'hours', band: null, from: '2026-11-23T13:00:00.000Z', hours: 14, rate: 1000, cents: 14_000 },
      { kind: 'hours', band: 'Night', from: '2026-11-24T03:00:00.000Z', hours: 8, rate: 200, cents: 1600 },
      { kind: 'hours', band: null, from: '2026-11-24T11:00:00.000Z', hours: 2, rate: 1000, cents: 2000 },
      { kind: 'daily_max', days: 1, cap: 10_000, cents: -7600 },
      { kind: 'hours', band: null, from: '2026-11-24T13:00:00.000Z', hours: 6, rate: 1000, cents: 6000 },
    ]);
  });

  it('counts 24 hours from entry, not calendar days: 12:00 → 10:00 next day is one capped day', () => {
    const p = plan({ hourlyRate: 1000, dailyMaxCents: 5000, bands: [night] });
    expect(price(p, 'Car', at('2026-11-23T12:00:00-05:00'), at('2026-11-24T10:00:00-05:00')).totalCents).toBe(5000);
    const plain = plan({ hourlyRate: 1000, dailyMaxCents: 3000 });
    expect(price(plain, 'Car', at('2026-11-23T20:00:00-05:00'), at('2026-11-24T06:00:00-05:00')).totalCents).toBe(3000);
  });

  it('a day under the cap pays its hours', () => {
    const p = plan({ hourlyRate: 1000, dailyMaxCents: 5000, bands: [night] });
    // 22:00 → 06:00: 8 night hours = 1600, under the cap
    expect(price(p, 'Car', at('2026-11-23T22:00:00-05:00'), at('2026-11-24T06:00:00-05:00'))).toMatchObject({ totalCents: 1600, dailyCapsApplied: 0 });
  });
});

describe('priceStay: specials', () => {
  const p = plan({ hourlyRate: 1000, specials: [earlyBird] });
  const monday = (time: string) => at(`2026-11-23T${time}:00-05:00`);

  it('early bird: in 07:30 on a Monday, out 18:30 pays 12.00 instead of 11 hours', () => {
    const fee = price(p, 'Car', monday('07:30'), monday('18:30'));
    expect(fee.totalCents).toBe(1200);
    expect(fee.billableHours).toBe(11);
    expect(fee.applied).toEqual({ kind: 'special', name: 'Early bird' });
    expect(fee.lines).toEqual([{ kind: 'special', name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', cents: 1200 }]);
  });

  it.each([
    ['in 07:30, out exactly 19:00', true, monday('07:30'), monday('19:00')],
    ['in 06:00, out 19:00', true, monday('06:00'), monday('19:00')],
    ['in 08:59, out 17:00', true, monday('08:59'), monday('17:00')],
    ['in 07:30, out 19:01', false, monday('07:30'), monday('19:01')],
    ['in 09:00 (the window is over)', false, monday('09:00'), monday('18:00')],
    ['in 05:59 (not yet open)', false, monday('05:59'), monday('18:00')],
    ['a Saturday', false, at('2026-11-28T07:30:00-05:00'), at('2026-11-28T18:30:00-05:00')],
    ['a Friday', true, at('2026-11-27T07:30:00-05:00'), at('2026-11-27T18:30:00-05:00')],
    ['in Monday, out Tuesday morning', false, monday('07:30'), at('2026-11-24T08:00:00-05:00')],
  ])('%s: qualifies %s', (_name, qualifies, entry, exit) => {
    expect(qualifiesFor(earlyBird, 'Car', entry, exit, NY)).toBe(qualifies);
    const regular = price(plan({ hourlyRate: 1000 }), 'Car', entry, exit).totalCents;
    expect(price(p, 'Car', entry, exit).totalCents).toBe(qualifies ? Math.min(1200, regular) : regular);
  });

  it('leaving at 19:01 pays the regular 12 hours; a Saturday the regular 11', () => {
    expect(price(p, 'Car', monday('07:30'), monday('19:01'))).toMatchObject({ totalCents: 12_000, applied: { kind: 'regular', name: null } });
    expect(price(p, 'Car', at('2026-11-28T07:30:00-05:00'), at('2026-11-28T18:30:00-05:00')).totalCents).toBe(11_000);
  });

  it('a short stay that costs less than the special pays the regular fee', () => {
    expect(price(p, 'Car', monday('07:30'), monday('08:30'))).toMatchObject({ totalCents: 1000, applied: { kind: 'regular', name: null } });
  });

  it('reads entry windows on the garage clock (07:30 in New York is 12:30 UTC)', () => {
    expect(qualifiesFor(earlyBird, 'Car', at('2026-11-23T12:30:00Z'), at('2026-11-23T23:00:00Z'), NY)).toBe(true);
    expect(qualifiesFor(earlyBird, 'Car', at('2026-11-23T12:30:00Z'), at('2026-11-23T23:00:00Z'), 'UTC')).toBe(false);
  });

  it('a special for some vehicle types only', () => {
    const trucksOnly = { ...earlyBird, vehicleTypes: ['Truck' as const] };
    expect(qualifiesFor(trucksOnly, 'Truck', monday('07:30'), monday('18:00'), NY)).toBe(true);
    expect(qualifiesFor(trucksOnly, 'Car', monday('07:30'), monday('18:00'), NY)).toBe(false);
  });

  describe('evening: in 17:00–23:59, out by 06:00 the next day', () => {
    const pe = plan({ hourlyRate: 1000, bands: [night], specials: [evening] });
    it.each([
      ['in 18:00, out 05:30 next day', true, '2026-11-23T18:00:00-05:00', '2026-11-24T05:30:00-05:00'],
      ['in 18:00, out 06:00 next day', true, '2026-11-23T18:00:00-05:00', '2026-11-24T06:00:00-05:00'],
      ['in 18:00, out 06:01 next day', false, '2026-11-23T18:00:00-05:00', '2026-11-24T06:01:00-05:00'],
      ['in 23:58, out 05:00', true, '2026-11-23T23:58:00-05:00', '2026-11-24T05:00:00-05:00'],
      ['in 16:59', false, '2026-11-23T16:59:00-05:00', '2026-11-24T05:00:00-05:00'],
      ['in 00:30 (after midnight, outside the window)', false, '2026-11-24T00:30:00-05:00', '2026-11-24T05:00:00-05:00'],
      ['in 18:00, out 05:30 two days later', false, '2026-11-23T18:00:00-05:00', '2026-11-25T05:30:00-05:00'],
    ])('%s: qualifies %s', (_name, qualifies, entry, exit) => {
      expect(qualifiesFor(evening, 'Car', at(entry), at(exit), NY)).toBe(qualifies);
    });

    it('18:00 → 05:30 pays 8.00 instead of 4 day hours and 8 night hours', () => {
      const fee = price(pe, 'Car', at('2026-11-23T18:00:00-05:00'), at('2026-11-24T05:30:00-05:00'));
      expect(4 * 1000 + 8 * 200).toBeGreaterThan(800);
      expect(fee).toMatchObject({ totalCents: 800, applied: { kind: 'special', name: 'Evening' } });
    });

    it('an entry window past midnight (17:00–02:00): in at 00:30, out by 06:00 the same morning', () => {
      const late = { ...evening, entryTo: '02:00' };
      expect(qualifiesFor(late, 'Car', at('2026-11-24T00:30:00-05:00'), at('2026-11-24T05:59:00-05:00'), NY)).toBe(true);
      expect(qualifiesFor(late, 'Car', at('2026-11-24T00:30:00-05:00'), at('2026-11-24T06:01:00-05:00'), NY)).toBe(false);
      expect(qualifiesFor(late, 'Car', at('2026-11-24T02:00:00-05:00'), at('2026-11-24T05:00:00-05:00'), NY)).toBe(false);
    });
  });

  it('the lowest of the regular fee and the specials the stay qualifies for, whatever their order', () => {
    const cheap = { ...earlyBird, name: 'Cheap bird', priceCents: 900 };
    const notToday = { ...earlyBird, name: 'Weekend', weekdays: [6, 7], priceCents: 100 };
    const dear = { ...earlyBird, name: 'Dear', priceCents: 50_000 };
    for (const specials of [
      [earlyBird, cheap, notToday, dear],
      [dear, notToday, cheap, earlyBird],
    ]) {
      const fee = price(plan({ hourlyRate: 1000, specials }), 'Car', monday('07:30'), monday('18:30'));
      expect(fee).toMatchObject({ totalCents: 900, applied: { kind: 'special', name: 'Cheap bird' } });
    }
    // only a special dearer than the regular fee: the regular fee
    expect(price(plan({ hourlyRate: 100, specials: [dear] }), 'Car', monday('07:30'), monday('18:30')).totalCents).toBe(1100);
  });
});

describe('priceStay: events', () => {
  const p = plan({ hourlyRate: 1000, bands: [night], specials: [evening], events: [concert] });

  it('an entry inside the event window pays the event price for the first 24 hours, however short or long', () => {
    for (const hours of [1, 3, 24]) {
      const entry = at('2026-12-12T18:00:00-05:00');
      const fee = price(p, 'Car', entry, plus(entry, hours * HOUR));
      expect(fee).toMatchObject({ totalCents: 2500, applied: { kind: 'event', name: 'Concert' } });
      expect(fee.lines).toEqual([{ kind: 'event', name: 'Concert', cents: 2500 }]);
    }
  });

  it('a 30 h stay pays the event price and 6 regular hours (at their bands)', () => {
    const entry = at('2026-12-12T18:00:00-05:00');
    const fee = price(p, 'Car', entry, plus(entry, 30 * HOUR));
    // hours 24..29 start Sunday 18:00..23:00: 4 day hours, 2 night hours
    expect(fee.totalCents).toBe(2500 + 4 * 1000 + 2 * 200);
    expect(fee.lines).toEqual([
      { kind: 'event', name: 'Concert', cents: 2500 },
      { kind: 'hours', band: null, from: '2026-12-13T23:00:00.000Z', hours: 4, rate: 1000, cents: 4000 },
      { kind: 'hours', band: 'Night', from: '2026-12-14T03:00:00.000Z', hours: 2, rate: 200, cents: 400 },
    ]);
  });

  it('later days pay the regular way, daily max included', () => {
    const capped = plan({ hourlyRate: 1000, dailyMaxCents: 3000, events: [concert] });
    const entry = at('2026-12-12T18:00:00-05:00');
    const fee = price(capped, 'Car', entry, plus(entry, 24 * HOUR + 2 * 24 * HOUR + 2 * HOUR));
    expect(fee.totalCents).toBe(2500 + 3000 + 3000 + 2000);
    expect(sum(fee.lines)).toBe(fee.totalCents);
  });

  it('the event excludes the specials, even a cheaper one the stay qualifies for', () => {
    const entry = at('2026-12-12T18:00:00-05:00');
    const exit = at('2026-12-13T05:00:00-05:00');
    expect(qualifiesFor(evening, 'Car', entry, exit, NY)).toBe(true);
    expect(price(p, 'Car', entry, exit)).toMatchObject({ totalCents: 2500, applied: { kind: 'event', name: 'Concert' } });
  });

  it('the window is [from, to): before it and at its end the stay is priced as usual', () => {
    const before = at('2026-12-12T16:59:00-05:00');
    expect(price(p, 'Car', before, plus(before, 3 * HOUR)).applied?.kind).not.toBe('event');
    expect(price(p, 'Car', at('2026-12-12T17:00:00-05:00'), at('2026-12-12T18:00:00-05:00')).applied?.kind).toBe('event');
    // in at 23:00 (the window's end), out 05:00: 6 night hours (1200) or the evening special (800)
    const end = at('2026-12-12T23:00:00-05:00');
    expect(price(p, 'Car', end, plus(end, 6 * HOUR))).toMatchObject({ totalCents: 800, applied: { kind: 'special', name: 'Evening' } });
  });

  it('of two events the entry falls in, the cheaper', () => {
    const two = plan({ hourlyRate: 1000, events: [concert, { ...concert, name: 'Late show', priceCents: 1800 }] });
    expect(price(two, 'Car', at('2026-12-12T20:00:00-05:00'), at('2026-12-12T22:00:00-05:00'))).toMatchObject({ totalCents: 1800, applied: { kind: 'event', name: 'Late show' } });
  });
});

describe('priceStay: grace', () => {
  const p = plan({ hourlyRate: 1000, graceMinutes: 15, bands: [night], specials: [earlyBird], events: [concert] });
  const entry = at('2026-11-23T07:30:00-05:00');

  it('a stay of at most the grace minutes is free, with a grace line', () => {
    for (const ms of [0, 14 * MIN, 15 * MIN]) {
      const fee = price(p, 'Car', entry, plus(entry, ms));
      expect(fee).toMatchObject({ totalCents: 0, graceApplied: true, billableHours: 0, applied: { kind: 'grace', name: null } });
      expect(fee.lines).toEqual([{ kind: 'grace', minutes: 15, cents: 0 }]);
    }
  });

  it('one second longer pays from minute 0', () => {
    expect(price(p, 'Car', entry, plus(entry, 15 * MIN + 1000))).toMatchObject({ totalCents: 1000, graceApplied: false, billableHours: 1 });
  });

  it('grace applies inside an event window too', () => {
    const e = at('2026-12-12T18:00:00-05:00');
    expect(price(p, 'Car', e, plus(e, 10 * MIN)).totalCents).toBe(0);
    expect(price(p, 'Car', e, plus(e, 16 * MIN)).totalCents).toBe(2500);
  });

  it('grace 0 charges even a zero-length stay an hour', () => {
    expect(price(plan({ hourlyRate: 1000 }), 'Car', entry, entry).totalCents).toBe(1000);
  });
});

describe('priceStay: DST days, in real elapsed hours, each hour at the band of its local start', () => {
  it('New York spring forward (2026-03-08): Saturday 20:00 EST → Sunday 08:00 EDT is 11 hours, not 12', () => {
    const fee = price(banded, 'Car', at('2026-03-07T20:00:00-05:00'), at('2026-03-08T08:00:00-04:00'));
    expect(fee.billableHours).toBe(11);
    // hour starts: 20, 21 (day) · 22, 23, 00, 01 EST, 03, 04, 05 EDT (night) · 06, 07 (day)
    expect(fee.totalCents).toBe(4 * 1000 + 7 * 200);
    expect(fee.lines).toEqual([
      { kind: 'hours', band: null, from: '2026-03-08T01:00:00.000Z', hours: 2, rate: 1000, cents: 2000 },
      { kind: 'hours', band: 'Night', from: '2026-03-08T03:00:00.000Z', hours: 7, rate: 200, cents: 1400 },
      { kind: 'hours', band: null, from: '2026-03-08T10:00:00.000Z', hours: 2, rate: 1000, cents: 2000 },
    ]);
  });

  it('New York fall back (2026-11-01): Saturday 20:00 EDT → Sunday 08:00 EST is 13 hours, 01:00 counted twice', () => {
    const fee = price(banded, 'Car', at('2026-10-31T20:00:00-04:00'), at('2026-11-01T08:00:00-05:00'));
    expect(fee.billableHours).toBe(13);
    expect(fee.totalCents).toBe(4 * 1000 + 9 * 200);
  });

  it('Berlin: a band 02:00–03:00 has no hour on the spring-forward night and two on the fall-back night', () => {
    const p = plan({ hourlyRate: 1000, bands: [{ name: 'Free hour', from: '02:00', to: '03:00', hourlyRate: 0 }] }, BERLIN);
    // 2026-03-29 00:00 CET → 05:00 CEST: 4 real hours starting 00:00, 01:00, 03:00, 04:00
    expect(price(p, 'Car', at('2026-03-29T00:00:00+01:00'), at('2026-03-29T05:00:00+02:00'))).toMatchObject({ billableHours: 4, totalCents: 4000 });
    // 2026-10-25 00:00 CEST → 05:00 CET: 6 real hours starting 00, 01, 02 CEST, 02 CET, 03, 04
    expect(price(p, 'Car', at('2026-10-25T00:00:00+02:00'), at('2026-10-25T05:00:00+01:00'))).toMatchObject({ billableHours: 6, totalCents: 4000 });
  });

  it('the daily max covers 24 real hours across a DST change', () => {
    const p = plan({ hourlyRate: 1000, dailyMaxCents: 5000, bands: [night] });
    const entry = at('2026-03-07T12:00:00-05:00');
    expect(price(p, 'Car', entry, at('2026-03-08T13:00:00-04:00'))).toMatchObject({ billableHours: 24, totalCents: 5000 }); // 13:00 EDT is 24 h later
    expect(price(p, 'Car', entry, at('2026-03-08T14:00:00-04:00'))).toMatchObject({ billableHours: 25, totalCents: 6000 });
  });

  it('an evening special across spring forward: out by 06:00 EDT', () => {
    const entry = at('2026-03-07T18:00:00-05:00');
    expect(qualifiesFor(evening, 'Car', entry, at('2026-03-08T06:00:00-04:00'), NY)).toBe(true);
    expect(qualifiesFor(evening, 'Car', entry, at('2026-03-08T06:01:00-04:00'), NY)).toBe(false);
  });

  it('out-by time in the repeated hour of fall back: the first time the clock shows it after the entry', () => {
    // in 01:40 EDT on 2026-11-01; 01:30 comes again at 01:30 EST, 50 minutes later
    const s = { ...evening, entryFrom: '01:00', entryTo: '02:00', exitBy: '01:30' };
    const entry = at('2026-11-01T01:40:00-04:00');
    expect(qualifiesFor(s, 'Car', entry, at('2026-11-01T01:25:00-05:00'), NY)).toBe(true);
    expect(qualifiesFor(s, 'Car', entry, at('2026-11-01T02:00:00-05:00'), NY)).toBe(false);
    // in 01:10 EST (the second 01:10): the next 01:30 is 20 minutes later
    const second = at('2026-11-01T01:10:00-05:00');
    expect(qualifiesFor(s, 'Car', second, at('2026-11-01T01:30:00-05:00'), NY)).toBe(true);
    expect(qualifiesFor(s, 'Car', second, at('2026-11-01T02:00:00-05:00'), NY)).toBe(false);
  });

  it('out-by time in the repeated hour, Sydney (2026-04-05, 03:00 AEDT → 02:00 AEST): the first 02:30 counts', () => {
    const s = { ...evening, entryFrom: '20:00', entryTo: '03:00', exitBy: '02:30' };
    const entry = at('2026-04-05T00:30:00+11:00');
    expect(qualifiesFor(s, 'Car', entry, at('2026-04-05T02:20:00+11:00'), 'Australia/Sydney')).toBe(true);
    expect(qualifiesFor(s, 'Car', entry, at('2026-04-05T02:35:00+11:00'), 'Australia/Sydney')).toBe(false);
    // in after the first 02:30 (02:40 AEDT): the second 02:30 (AEST) is the deadline
    const late = at('2026-04-05T02:40:00+11:00');
    expect(qualifiesFor(s, 'Car', late, at('2026-04-05T02:20:00+10:00'), 'Australia/Sydney')).toBe(true);
    expect(qualifiesFor(s, 'Car', late, at('2026-04-05T03:00:00+10:00'), 'Australia/Sydney')).toBe(false);
  });

  it('out-by time the clocks skip (spring forward): leaving before the jump qualifies, well after it does not', () => {
    const s = { ...evening, entryFrom: '20:00', entryTo: '01:00', exitBy: '02:30' };
    // New York 2026-03-08: 01:59 EST → 03:00 EDT
    expect(qualifiesFor(s, 'Car', at('2026-03-07T22:00:00-05:00'), at('2026-03-08T01:45:00-05:00'), NY)).toBe(true);
    expect(qualifiesFor(s, 'Car', at('2026-03-07T22:00:00-05:00'), at('2026-03-08T03:31:00-04:00'), NY)).toBe(false);
    // Sydney 2026-10-04: 01:59 AEST → 03:00 AEDT
    expect(qualifiesFor(s, 'Car', at('2026-10-03T22:00:00+10:00'), at('2026-10-04T01:45:00+10:00'), 'Australia/Sydney')).toBe(true);
    expect(qualifiesFor(s, 'Car', at('2026-10-03T22:00:00+10:00'), at('2026-10-04T03:31:00+11:00'), 'Australia/Sydney')).toBe(false);
  });
});

describe('applyValidation', () => {
  const p = plan({ hourlyRate: 1000, bands: [night] });
  const entry = at('2026-11-23T10:00:00-05:00');
  /** Priced as the API and the exit do: the stay that many minutes shorter, free when it is no longer. */
  const validate = (minutesStayed: number, kind: ValidationTerms['kind'], value: number) => {
    const exit = plus(entry, minutesStayed * MIN);
    const fee = price(p, 'Car', entry, exit);
    const shorter = (m: number) => (exit.getTime() - entry.getTime() <= m * MIN ? 0 : price(p, 'Car', entry, plus(exit, -m * MIN)).totalCents);
    return applyValidation(fee, { code: 'CINEMA5', merchant: 'Cinema', kind, value }, shorter);
  };

  it.each([
    ['minutes: 30 min stay, 60 free', 30, 'minutes', 60, 0],
    ['minutes: 60 min stay, 60 free', 60, 'minutes', 60, 0],
    ['minutes: 3 h stay, 60 free → priced as 2 h', 180, 'minutes', 60, 2000],
    ['minutes: 3 h 10 min stay, 60 free → priced as 2 h 10 min', 190, 'minutes', 60, 3000],
    ['amount: 4 h, 15.00 off', 240, 'amount', 1500, 2500],
    ['amount larger than the fee: 0', 120, 'amount', 5000, 0],
    ['percent: 3 h, 25 %', 180, 'percent', 25, 2250],
    ['percent 100', 180, 'percent', 100, 0],
    ['flat 5.00 on a 30.00 stay', 180, 'flat', 500, 500],
    ['flat 50.00 on a 30.00 stay never raises it', 180, 'flat', 5000, 3000],
    ['flat 0 makes it free', 180, 'flat', 0, 0],
  ] as [string, number, ValidationTerms['kind'], number, number][])('%s → %i', (_name, minutes, kind, value, total) => {
    const fee = validate(minutes, kind, value);
    const before = price(p, 'Car', entry, plus(entry, minutes * MIN)).totalCents;
    expect(fee.totalCents).toBe(total);
    expect(fee.validation).toEqual({ code: 'CINEMA5', merchant: 'Cinema', kind, value, discountCents: before - total });
    expect(fee.lines?.at(-1)).toEqual({ kind: 'validation', code: 'CINEMA5', merchant: 'Cinema', cents: -(before - total) });
    expect(sum(fee.lines)).toBe(fee.totalCents);
  });

  it('percent is rounded to the cent', () => {
    const fee = (cents: number) => ({ ...price(plan({ hourlyRate: cents }), 'Car', entry, plus(entry, HOUR)) });
    const pct = (cents: number, value: number) => applyValidation(fee(cents), { code: 'X1', merchant: 'M', kind: 'percent', value }, () => 0);
    expect(pct(999, 33)).toMatchObject({ totalCents: 999 - 330, validation: { discountCents: 330 } }); // 329.67 → 330
    expect(pct(1001, 50)).toMatchObject({ totalCents: 1001 - 501, validation: { discountCents: 501 } }); // 500.5 → 501
    expect(pct(1, 10).totalCents).toBe(1); // 0.1 → 0
  });

  it('bands: a minutes validation takes the last hours off, at their own rates', () => {
    // 20:00 → 02:00: 2 day + 4 night = 2800; 120 minutes off → 20:00 → 00:00 = 2 day + 2 night = 2400
    const e = at('2026-11-23T20:00:00-05:00');
    const x = at('2026-11-24T02:00:00-05:00');
    const fee = applyValidation(price(p, 'Car', e, x), { code: 'SHOP', merchant: 'Shop', kind: 'minutes', value: 120 }, (m) => price(p, 'Car', e, plus(x, -m * MIN)).totalCents);
    expect(fee).toMatchObject({ totalCents: 2400, validation: { discountCents: 400 } });
  });

  it('keeps a fee already free at 0', () => {
    const free = price(plan({ hourlyRate: 1000, graceMinutes: 10 }), 'Car', entry, plus(entry, 5 * MIN));
    for (const kind of VALIDATION_KINDS) {
      const fee = applyValidation(free, { code: 'X1', merchant: 'M', kind, value: 50 }, () => 0);
      expect(fee).toMatchObject({ totalCents: 0, validation: { discountCents: 0 } });
      expect(sum(fee.lines)).toBe(0);
    }
  });
});

describe('planAtEntry', () => {
  it('keeps the specials of the entry weekday, time and vehicle type, and the events the entry is in', () => {
    const p = plan({
      hourlyRate: 1000,
      specials: [earlyBird, evening, { ...earlyBird, name: 'Trucks', vehicleTypes: ['Truck'] }, { ...earlyBird, name: 'Weekend', weekdays: [6, 7] }],
      events: [concert, { ...concert, name: 'Other day', from: '2026-12-13T22:00:00.000Z', to: '2026-12-14T04:00:00.000Z' }],
    });
    expect(planAtEntry(p, 'Car', at('2026-11-23T07:30:00-05:00')).specials.map((s) => s.name)).toEqual(['Early bird']);
    expect(planAtEntry(p, 'Truck', at('2026-11-23T07:30:00-05:00')).specials.map((s) => s.name)).toEqual(['Early bird', 'Trucks']);
    const cut = planAtEntry(p, 'Car', at('2026-12-12T18:00:00-05:00'));
    expect(cut.specials.map((s) => s.name)).toEqual(['Evening']);
    expect(cut.events.map((e) => e.name)).toEqual(['Concert']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random plans and stays
// ---------------------------------------------------------------------------------------------

const TIME_ZONES = ['UTC', NY, BERLIN, 'Australia/Sydney'] as const;
/** DST changes of 2026 in the zones above (UTC instants). */
const DST_CHANGES = [
  '2026-03-08T07:00:00Z', // New York, spring forward
  '2026-11-01T06:00:00Z', // New York, fall back
  '2026-03-29T01:00:00Z', // Berlin, spring forward
  '2026-10-25T01:00:00Z', // Berlin, fall back
  '2026-04-04T16:00:00Z', // Sydney, fall back
  '2026-10-03T16:00:00Z', // Sydney, spring forward
].map(Date.parse);
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_END = Date.parse('2027-01-01T00:00:00Z');

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
/** A minute of the day, often on the hour. */
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 23 }).map((h) => h * 60),
  fc.integer({ min: 0, max: 1439 }),
);
const rate = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 1_000_000 }), weight: 1 });
const vehicleRates = fc.record(Object.fromEntries(VEHICLE_TYPES.map((t) => [t, rate])) as Record<VehicleType, typeof rate>, { requiredKeys: [] });
const vehicleType = fc.constantFrom(...VEHICLE_TYPES);

/** Up to 3 bands that never overlap: 2k distinct points on the day's circle, every other arc a band. */
const bands = fc
  .integer({ min: 0, max: 3 })
  .chain((k) =>
    fc.tuple(
      fc.uniqueArray(minuteOfDay, { minLength: 2 * k, maxLength: 2 * k }).map((ps) => [...ps].sort((a, b) => a - b)),
      fc.boolean(),
      fc.array(fc.record({ hourlyRate: rate, vehicleRates }), { minLength: k, maxLength: k }),
    ),
  )
  .map(([points, shift, rates]) =>
    rates.map((r, i) => {
      const n = points.length;
      const from = points[(2 * i + (shift ? 1 : 0)) % n]!;
      const to = points[(2 * i + 1 + (shift ? 1 : 0)) % n]!;
      return { name: `Band ${i + 1}`, from: hhmm(from), to: hhmm(to), ...r };
    }),
  );

const special = fc
  .record({
    entryFrom: minuteOfDay,
    entryTo: minuteOfDay,
    exitBy: minuteOfDay,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    priceCents: fc.integer({ min: 0, max: 50_000 }),
    vehicleTypes: fc.option(fc.uniqueArray(vehicleType, { minLength: 1, maxLength: VEHICLE_TYPES.length }), { nil: undefined }),
  })
  .filter((s) => s.entryFrom !== s.entryTo)
  .map(({ vehicleTypes, ...s }) => ({
    ...s,
    entryFrom: hhmm(s.entryFrom),
    entryTo: hhmm(s.entryTo),
    exitBy: hhmm(s.exitBy),
    ...(vehicleTypes ? { vehicleTypes } : {}),
  }));
/** A special whose entry window and weekdays take in an entry at `minute` of local weekday `weekday`. */
const specialAround = (minute: number, weekday: number) =>
  fc
    .record({
      before: fc.integer({ min: 0, max: 180 }),
      after: fc.integer({ min: 1, max: 180 }),
      exitBy: minuteOfDay,
      others: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
      priceCents: fc.integer({ min: 0, max: 5000 }),
    })
    .map((r) => ({
      entryFrom: hhmm((minute - r.before + 1440) % 1440),
      entryTo: hhmm((minute + r.after) % 1440),
      exitBy: hhmm(r.exitBy),
      weekdays: [...new Set([weekday, ...r.others])],
      priceCents: r.priceCents,
    }));
/** Up to 3 specials, some fitted to the entry so that the stay often qualifies. */
const specials = (entry: number, tz: string) => {
  const w = wallClock(new Date(entry), tz);
  const weekday = ((new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7) + 1;
  return fc
    .array(fc.oneof(special, specialAround(w.hour * 60 + w.minute, weekday)), { maxLength: 3 })
    .map((ss) => ss.map((s, i) => ({ ...s, name: `Special ${i + 1}` })));
};

/** Up to 2 events, anywhere in 2026 or placed around the entry so that it often falls in one. */
const events = (entry: number) =>
  fc
    .array(
      fc.record({
        start: fc.oneof(
          fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }).map((m) => entry + m * MIN),
          fc.integer({ min: YEAR_START / MIN, max: YEAR_END / MIN }).map((m) => m * MIN),
        ),
        minutes: fc.oneof(fc.integer({ min: 1, max: 12 * 60 }), fc.integer({ min: 1, max: 14 * 24 * 60 })),
        priceCents: fc.integer({ min: 0, max: 50_000 }),
      }),
      { maxLength: 2 },
    )
    .map((es) =>
      es.map((e, i) => ({ name: `Event ${i + 1}`, from: new Date(e.start).toISOString(), to: new Date(e.start + e.minutes * MIN).toISOString(), priceCents: e.priceCents })),
    );

/** An entry in 2026: anywhere, or within 36 hours of a DST change; to the second. */
const entryMs = fc.oneof(
  fc.integer({ min: YEAR_START / 1000, max: YEAR_END / 1000 }).map((s) => s * 1000),
  fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -36 * 3600, max: 36 * 3600 })).map(([t, s]) => t + s * 1000),
  fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -36, max: 36 })).map(([t, h]) => t + h * HOUR),
);
/** A stay's length in ms: mostly up to 72 h (some near the grace minutes), some up to 40 days. */
const durationMs = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 72 * 3600 }).map((s) => s * 1000), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 24 * 3600 }).map((s) => s * 1000), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 130 * 60 }).map((s) => s * 1000), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 40 * 24 * 3600 }).map((s) => s * 1000), weight: 1 },
);

type Scenario = { plan: RatePlanSnapshot; vt: VehicleType; entry: Date; exit: Date; tz: string };

const planFor = (entry: number, tz: string, parts: { specials?: boolean; events?: boolean } = {}) =>
  fc
    .record({
      hourlyRate: rate,
      vehicleRates,
      graceMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
      dailyMaxCents: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      bands,
      specials: parts.specials === false ? fc.constant([]) : specials(entry, tz),
      events: parts.events === false ? fc.constant([]) : events(entry),
    })
    .map((fields) => ({ ...RatePlanBody.parse(fields), version: 3, timezone: tz }));

const scenario = (parts: { specials?: boolean; events?: boolean } = {}): fc.Arbitrary<Scenario> =>
  fc
    .tuple(entryMs, durationMs, fc.constantFrom(...TIME_ZONES), vehicleType)
    .chain(([entry, duration, tz, vt]) => planFor(entry, tz, parts).map((p) => ({ plan: p, vt, entry: new Date(entry), exit: new Date(entry + duration), tz })));

const priced = (s: Scenario) => priceStay(s.plan, s.vt, s.entry, s.exit, s.tz);
const RUNS = { numRuns: 150 };

const validationTerms = fc.constantFrom(...VALIDATION_KINDS).chain((kind) =>
  fc.record({
    code: fc.constant('CODE-1'),
    merchant: fc.constant('Cinema'),
    kind: fc.constant(kind),
    value: { minutes: fc.integer({ min: 1, max: 10_080 }), amount: fc.integer({ min: 1, max: 100_000 }), percent: fc.integer({ min: 1, max: 100 }), flat: fc.integer({ min: 0, max: 100_000 }) }[kind],
  }),
);
const lostRule: fc.Arbitrary<LostTicketRule> = fc.record({ policy: fc.constantFrom('actual_plus_fee' as const, 'daily_max_per_day' as const, 'flat' as const), feeCents: fc.integer({ min: 0, max: 100_000 }) });

const isCentsInteger = (fee: FeeBreakdown) => Number.isInteger(fee.totalCents) && (fee.lines ?? []).every((l) => Number.isInteger(l.cents));

describe('priceStay properties', () => {



  it('is never negative, in whole cents, and its lines add up to the total', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const fee = priced(s);
        expect(fee.totalCents).toBeGreaterThanOrEqual(0);
        expect(isCentsInteger(fee)).toBe(true);
        expect(fee.lines?.length).toBeGreaterThan(0);
        expect(sum(fee.lines)).toBe(fee.totalCents);
      }),
      RUNS,
    );
  });

  it('the lines still add up after a lost ticket and after a validation, and neither goes below 0', () => {
    fc.assert(
      fc.property(scenario(), lostRule, fc.boolean(), validationTerms, (s, rule, waived, terms) => {
        const ticket = { entryTime: s.entry.toISOString(), vehicleType: s.vt, tariff: { hourlyRate: s.plan.hourlyRate, graceMinutes: s.plan.graceMinutes, dailyMaxCents: s.plan.dailyMaxCents, plan: s.plan } };
        const lost = quoteLostTicket(ticket, s.exit, rule, waived);
        expect(sum(lost.lines)).toBe(lost.totalCents);
        expect(lost.totalCents).toBeGreaterThanOrEqual(waived ? 0 : lost.lostTicket.stayCents);
        expect(lost.lostTicket.stayCents).toBe(priceStay(s.plan, s.vt, s.entry, s.exit, s.plan.timezone).totalCents);

        const stayMs = s.exit.getTime() - s.entry.getTime();
        const shorter = (m: number) => (stayMs <= m * MIN ? 0 : priceStay(s.plan, s.vt, s.entry, plus(s.exit, -m * MIN), s.tz).totalCents);
        for (const fee of [priced(s), lost]) {
          const validated = applyValidation(fee, terms, shorter);
          expect(sum(validated.lines)).toBe(validated.totalCents);
          expect(validated.totalCents).toBeGreaterThanOrEqual(0);
          expect(validated.totalCents).toBeLessThanOrEqual(fee.totalCents);
          expect(Number.isInteger(validated.totalCents)).toBe(true);
          expect(validated.validation?.discountCents).toBe(fee.totalCents - validated.totalCents);
        }
      }),
      RUNS,
    );
  });

  it('without specials, a longer stay with the same entry never costs less (events allowed)', () => {
    fc.assert(
      fc.property(scenario({ specials: false }), durationMs, (s, extra) => {
        const longer = priceStay(s.plan, s.vt, s.entry, plus(s.exit, extra), s.tz);
        expect(longer.totalCents).toBeGreaterThanOrEqual(priced(s).totalCents);
      }),
      RUNS,
    );
  });

  it('charges the lowest applicable price: never more than the regular fee unless an event applies, and always the regular fee or a qualifying special', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const fee = priced(s);
        const regular = priceStay({ ...s.plan, specials: [], events: [] }, s.vt, s.entry, s.exit, s.tz).totalCents;
        const seconds = Math.max(0, Math.floor((s.exit.getTime() - s.entry.getTime()) / 1000));
        const inGrace = s.plan.graceMinutes > 0 && seconds <= s.plan.graceMinutes * 60;
        const events = s.plan.events.filter((e) => Date.parse(e.from) <= s.entry.getTime() && s.entry.getTime() < Date.parse(e.to));
        if (inGrace) {
          expect(fee.totalCents).toBe(0);
          return;
        }
        if (events.length > 0) {
          // the cheapest event for the first 24 hours, then the regular fee of the hours after them
          const firstDay = priceStay({ ...s.plan, specials: [], events: [] }, s.vt, s.entry, plus(s.entry, 24 * HOUR), s.tz).totalCents;
          const later = seconds > 24 * 3600 ? regular - firstDay : 0;
          expect(fee.totalCents).toBe(Math.min(...events.map((e) => e.priceCents)) + later);
          expect(fee.applied?.kind).toBe('event');
          return;
        }
        const qualifying = s.plan.specials.filter((sp) => qualifiesFor(sp, s.vt, s.entry, s.exit, s.tz)).map((sp) => sp.priceCents);
        expect(fee.totalCents).toBeLessThanOrEqual(regular);
        expect([regular, ...qualifying]).toContain(fee.totalCents);
        expect(fee.totalCents).toBe(Math.min(regular, ...qualifying));
      }),
      RUNS,
    );
  });

  it('qualifiesFor agrees with a reading of the garage clock, DST nights included', () => {
    /** The wall clock's offset from UTC at an instant, in ms. */
    const offsetAt = (t: number, tz: string) => {
      const w = wallClock(new Date(t), tz);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
    };
    const shows = (t: number, tz: string, y: number, mo: number, d: number, minute: number) => {
      const w = wallClock(new Date(t), tz);
      return w.year === y && w.month === mo && w.day === d && w.hour * 60 + w.minute === minute;
    };
    /** The instants a local date shows a clock time: none when the clocks skip it (then read with the offset before the change), two when they repeat it. */
    const occurrences = (y: number, mo: number, d: number, minute: number, tz: string) => {
      const wall = Date.UTC(y, mo - 1, d, 0, minute);
      const before = offsetAt(wall - 14 * HOUR, tz);
      const found = [...new Set([before, offsetAt(wall + 14 * HOUR, tz)])].map((o) => wall - o).filter((t) => shows(t, tz, y, mo, d, minute));
      return found.length > 0 ? found.sort((a, b) => a - b) : [wall - before];
    };
    const reference = (sp: Special, vt: VehicleType, entry: Date, exit: Date, tz: string) => {
      if (sp.vehicleTypes && !sp.vehicleTypes.includes(vt)) return false;
      const w = wallClock(entry, tz);
      const weekday = ((new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7) + 1;
      const minute = w.hour * 60 + w.minute;
      const [f, t] = [sp.entryFrom, sp.entryTo].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)));
      const inWindow = f! < t! ? minute >= f! && minute < t! : minute >= f! || minute < t!;
      if (!sp.weekdays.includes(weekday) || !inWindow) return false;
      const exitBy = Number(sp.exitBy.slice(0, 2)) * 60 + Number(sp.exitBy.slice(3));
      const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
      const deadline = [...occurrences(w.year, w.month, w.day, exitBy, tz), ...occurrences(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), exitBy, tz)].find((x) => x > entry.getTime())!;
      return exit.getTime() <= deadline;
    };
    /** An entry and a zone: anywhere in 2026, or within hours of one of the zone's own DST changes. */
    const DST_ZONES = [NY, NY, BERLIN, BERLIN, 'Australia/Sydney', 'Australia/Sydney'];
    const entryAndZone = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: DST_CHANGES.length - 1 }), fc.integer({ min: -3 * 60, max: 3 * 60 })).map(([i, m]) => ({ entry: DST_CHANGES[i]! + m * MIN, tz: DST_ZONES[i]! })),
      fc.tuple(fc.integer({ min: 0, max: DST_CHANGES.length - 1 }), fc.integer({ min: -30 * 60, max: 30 * 60 })).map(([i, m]) => ({ entry: DST_CHANGES[i]! + m * MIN, tz: DST_ZONES[i]! })),
      fc.tuple(entryMs, fc.constantFrom(...TIME_ZONES)).map(([entry, tz]) => ({ entry, tz })),
    );
    const smallHours = fc.integer({ min: 0, max: 4 * 60 }).map(hhmm);
    const tzSpecial = fc.record({
      special: fc.record({
        entryFrom: fc.oneof(smallHours, minuteOfDay.map(hhmm)),
        entryTo: fc.oneof(smallHours, minuteOfDay.map(hhmm)),
        exitBy: fc.oneof(smallHours, minuteOfDay.map(hhmm)),
        weekdays: fc.constant<number[]>([1, 2, 3, 4, 5, 6, 7]),
      }),
      at: entryAndZone,
      minutes: fc.oneof(fc.integer({ min: 0, max: 3 * 60 }), fc.integer({ min: 0, max: 30 * 60 })),
      vt: vehicleType,
    });
    fc.assert(
      fc.property(tzSpecial, ({ special: raw, at: { entry, tz }, minutes, vt }) => {
        fc.pre(raw.entryFrom !== raw.entryTo);
        const sp = { ...raw, name: 'S', priceCents: 100 };
        const e = new Date(entry);
        const x = plus(e, minutes * MIN);
        expect(qualifiesFor(sp, vt, e, x, tz)).toBe(reference(sp, vt, e, x, tz));
      }),
      { numRuns: 500 },
    );
  });

  it('planAtEntry prices every exit exactly as the whole plan does', () => {
    fc.assert(
      fc.property(scenario(), fc.array(durationMs, { minLength: 1, maxLength: 4 }), (s, durations) => {
        const cut = planAtEntry(s.plan, s.vt, s.entry);
        for (const d of durations) {
          const exit = plus(s.entry, d);
          expect(priceStay(cut, s.vt, s.entry, exit, s.plan.timezone)).toEqual(priceStay(s.plan, s.vt, s.entry, exit, s.plan.timezone));
        }
      }),
      RUNS,
    );
  });

  it('a plain plan (no bands, specials, events or vehicle rates) prices exactly as the old formula', () => {
    /** The formula before rate plans, written out again. */
    const oldFee = (rate: number, grace: number, cap: number | null, seconds: number) => {
      if (grace > 0 && seconds <= grace * 60) return 0;
      const hours = Math.max(1, Math.ceil(seconds / 3600));
      if (cap === null) return hours * rate;
      const fullDays = Math.floor(hours / 24);
      const rest = hours % 24;
      return fullDays * Math.min(24 * rate, cap) + Math.min(rest * rate, cap);
    };
    fc.assert(
      fc.property(
        rate,
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        entryMs,
        durationMs,
        fc.constantFrom(...TIME_ZONES),
        vehicleType,
        (hourlyRate, graceMinutes, dailyMaxCents, entry, duration, tz, vt) => {
          const p = RatePlanBody.parse({ hourlyRate, graceMinutes, dailyMaxCents });
          const e = new Date(entry);
          const x = new Date(entry + duration);
          const expected = oldFee(hourlyRate, graceMinutes, dailyMaxCents, Math.floor(duration / 1000));
          expect(priceStay(p, vt, e, x, tz).totalCents).toBe(expected);
          expect(quoteFee(e, x, { hourlyRate, graceMinutes, dailyMaxCents }).totalCents).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
