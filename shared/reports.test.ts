import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDayRange } from './garage-day.js';
import { addUpSums, addUpTallies, decideReportPeriod, partsOfDay, reportBounds, roundedAverage, type PeriodTally } from './reports.js';

describe('reportBounds', () => {
  it.each([
    ['set up on a day, no tickets yet', '2026-11-20T15:00:00Z', null, '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-20', lastDay: '2026-11-25' }],
    ['history older than the set-up (imported, or an offline entry dated back)', '2026-11-20T15:00:00Z', '2026-11-19T23:30:00Z', '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-19', lastDay: '2026-11-25' }],
    ["in the garage's timezone", '2026-11-20T03:00:00Z', null, '2026-11-24T03:00:00Z', 'America/New_York', { firstDay: '2026-11-19', lastDay: '2026-11-24' }],
    ['today is always reportable, whatever the database clock says', '2026-12-01T00:00:00Z', null, '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-24', lastDay: '2026-11-25' }],
  ])('%s', (_name, createdAt, firstEntryAt, now, tz, expected) => {
    const g = { createdAt: new Date(createdAt), firstEntryAt: firstEntryAt ? new Date(firstEntryAt) : null };
    expect(reportBounds(g, new Date(now), tz)).toEqual(expected);
  });
});

describe('decideReportPeriod', () => {
  const today = '2026-11-24';
  const bounds = { firstDay: '2024-06-01', lastDay: '2026-11-25' };
  it.each([
    ['nothing asked: today', {}, { ok: true, from: today, to: today, days: 1 }],
    ['one date', { date: '2026-11-23' }, { ok: true, from: '2026-11-23', to: '2026-11-23', days: 1 }],
    ['tomorrow', { date: '2026-11-25' }, { ok: true, from: '2026-11-25', to: '2026-11-25', days: 1 }],
    ['the first day', { date: '2024-06-01' }, { ok: true, from: '2024-06-01', to: '2024-06-01', days: 1 }],
    ['a range of 366 days', { from: '2025-11-25', to: '2026-11-25' }, { ok: true, from: '2025-11-25', to: '2026-11-25', days: 366 }],
  ])('%s', (_name, q, expected) => expect(decideReportPeriod(q, today, bounds)).toEqual(expected));

  it.each([
    ['a date and a range', { date: '2026-11-01', from: '2026-11-01', to: '2026-11-02' }, 'Ask for either date, or from and to — not both'],
    ['from without to', { from: '2026-11-01' }, 'A range needs both from and to (YYYY-MM-DD)'],
    ['to before from', { from: '2026-11-10', to: '2026-11-01' }, 'to (2026-11-01) is before from (2026-11-10)'],
    ['the year 9999', { date: '9999-12-31' }, 'There are no figures for 9999-12-31 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['a range into the year 9999', { from: '2026-11-01', to: '9999-12-31' }, 'There are no figures for 9999-12-31 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['the day after tomorrow', { date: '2026-11-26' }, 'There are no figures for 2026-11-26 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['a day before the garage', { date: '2024-05-31' }, "2024-05-31 is before this garage's first day, 2024-06-01: ask for a date from 2024-06-01 to 2026-11-25."],
    ['a range of 367 days', { from: '2025-11-24', to: '2026-11-25' }, 'A report covers at most 366 days; 2025-11-24 to 2026-11-25 is 367 days. Ask for a shorter range.'],
    ['a range of 670 days', { from: '2025-01-01', to: '2026-11-01' }, 'A report covers at most 366 days; 2025-01-01 to 2026-11-01 is 670 days. Ask for a shorter range.'],
  ])('refuses %s with a sentence', (_name, q, message) => expect(decideReportPeriod(q, today, bounds)).toEqual({ ok: false, message }));
});

describe('roundedAverage (as PostgreSQL rounds avg: half away from zero)', () => {
  it.each([
    ['no values', '0', 0, null],
    ['exact', '6', 3, 2],
    ['below a half', '4', 3, 1],
    ['a half rounds up', '5', 2, 3],
    ['above a half', '5', 3, 2],
    ['a negative half rounds down', '-5', 2, -3],
    ['a sum past 2^53', '18014398509481985', 1_048_576, 17_179_869_184],
  ])('%s', (_name, sum, count, expected) => expect(roundedAverage(sum, count)).toBe(expected));
});

/** A tally with no money and no moves: what a quiet hour looks like. */
const quiet = (over: Partial<PeriodTally> = {}): PeriodTally => ({
  revenue: '0',
  revenueByMethod: {},
  vehiclesIn: 0,
  vehiclesOut: 0,
  stayMinutes: '0',
  stays: 0,
  refunds: '0',
  refundsByMethod: {},
  refundCount: 0,
  voids: 0,
  corrections: 0,
  lostTickets: 0,
  occupiedAtStart: 0,
  peakDelta: null,
  peakAt: null,
  stillParked: 0,
  openOver24h: 0,
  ...over,
});
const at = (hh: string) => new Date(`2026-11-23T${hh}:00Z`);

describe('addUpTallies', () => {
  it('adds money to the cent past 2^53 and by method, whatever methods each period had', () => {
    const sums = addUpSums([
      quiet({ revenue: '9007199254740991', revenueByMethod: { Cash: '9007199254740991' }, stayMinutes: '10', stays: 1, vehiclesOut: 1 }),
      quiet({ revenue: '1500', revenueByMethod: { Cash: '1', Mobile: '1499' }, stayMinutes: '5', stays: 1, vehiclesOut: 1, vehiclesIn: 3, refunds: '9007199254740991', refundsByMethod: { Mobile: '9007199254740991' }, refundCount: 1, voids: 2 }),
      quiet({ refunds: '2', refundsByMethod: { Mobile: '1', Cash: '1' }, refundCount: 2, corrections: 1, lostTickets: 1 }),
    ]);
    expect(sums).toEqual({
      revenue: '9007199254742491',
      revenueByMethod: { Cash: '9007199254740992', Mobile: '1499' },
      vehiclesIn: 3,
      vehiclesOut: 2,
      stayMinutes: '15',
      stays: 2,
      refunds: '9007199254740993',
      refundsByMethod: { Mobile: '9007199254740992', Cash: '1' },
      refundCount: 3,
      voids: 2,
      corrections: 1,
      lostTickets: 1,
    });
  });

  it.each([
    [
      'the highest level of any period, from its own start',
      [quiet({ occupiedAtStart: 5, peakDelta: 2, peakAt: at('09') }), quiet({ occupiedAtStart: 6, peakDelta: 3, peakAt: at('13') })],
      { peakDelta: 4, peakAt: at('13') },
    ],
    [
      'a tie goes to the earlier period (first reached)',
      [quiet({ occupiedAtStart: 5, peakDelta: 2, peakAt: at('09') }), quiet({ occupiedAtStart: 7, peakDelta: 0, peakAt: at('13') })],
      { peakDelta: 2, peakAt: at('09') },
    ],
    [
      'periods where nobody came or went have no peak of their own',
      [quiet({ occupiedAtStart: 5 }), quiet({ occupiedAtStart: 5, peakDelta: -1, peakAt: at('13') })],
      { peakDelta: -1, peakAt: at('13') },
    ],
    ['nobody came or went at all', [quiet({ occupiedAtStart: 4 }), quiet({ occupiedAtStart: 4 })], { peakDelta: null, peakAt: null }],
  ])('peak: %s', (_name, parts, expected) => expect(addUpTallies(parts)).toMatchObject({ occupiedAtStart: parts[0]!.occupiedAtStart, ...expected }));

  it('cars inside: at the start of the first period, at the end of the last', () => {
    const t = addUpTallies([quiet({ occupiedAtStart: 3, stillParked: 9, openOver24h: 9 }), quiet({ occupiedAtStart: 4, stillParked: 2, openOver24h: 1 })]);
    expect(t).toMatchObject({ occupiedAtStart: 3, stillParked: 2, openOver24h: 1 });
  });

  it('refuses an empty list (a bug in the caller)', () => {
    expect(() => addUpTallies([])).toThrow(/at least one/);
  });

  /** The tally of moves in [start, end) walked as the report's SQL does: exits first at one instant, the earliest highest level. */
  function walk(moves: { at: number; delta: 1 | -1 }[], start: number, end: number, inside: number): PeriodTally {
    const mine = moves.filter((m) => m.at >= start && m.at < end).sort((a, b) => a.at - b.at || a.delta - b.delta);
    let level = 0;
    let peak: { level: number; at: number } | null = null;
    for (const m of mine) {
      level += m.delta;
      if (!peak || level > peak.level) peak = { level, at: m.at };
    }
    const ins = mine.filter((m) => m.delta === 1).length;
    return quiet({
      vehiclesIn: ins,
      vehiclesOut: mine.length - ins,
      occupiedAtStart: inside,
      peakDelta: peak?.level ?? null,
      peakAt: peak ? new Date(peak.at) : null,
      stillParked: inside + level,
    });
  }

  it('any split of a period into back-to-back parts adds up to the whole, peak included', () => {
    const moves = fc.array(fc.record({ at: fc.integer({ min: 0, max: 99 }), delta: fc.constantFrom(1 as const, -1 as const) }), { maxLength: 40 });
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 6 });
    fc.assert(
      fc.property(moves, cuts, fc.integer({ min: 0, max: 20 }), (ms, cs, inside) => {
        const bounds = [0, ...cs.sort((a, b) => a - b), 100];
        const parts = bounds.slice(1).map((end, i) => {
          const start = bounds[i]!;
          const before = ms.filter((m) => m.at < start).reduce((n, m) => n + m.delta, inside);
          return walk(ms, start, end, before);
        });
        expect(addUpTallies(parts)).toEqual(walk(ms, 0, 100, inside));
      }),
    );
  });
});

describe('partsOfDay', () => {
  const day = localDayRange('2026-11-23', '2026-11-23', 'UTC');
  const hours = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => {
      const start = new Date(day.start.getTime() + (from + i) * 3_600_000);
      const end = new Date(start.getTime() + 3_600_000);
      return { start, end, asOf: end, closed: true };
    });

  it.each([
    ['a day that is over: the whole day, stored', new Date('2026-11-24T00:00:00Z'), [{ ...day, asOf: day.end, closed: true }]],
    ['today: its hours that are over, then the rest live as of now', new Date('2026-11-23T02:30:00Z'), [...hours(0, 2), { start: at('02'), end: day.end, asOf: new Date('2026-11-23T02:30:00Z'), closed: false }]],
    ['on the hour', at('02'), [...hours(0, 2), { start: at('02'), end: day.end, asOf: at('02'), closed: false }]],
    ['just after midnight: all live', new Date('2026-11-23T00:10:00Z'), [{ ...day, asOf: new Date('2026-11-23T00:10:00Z'), closed: false }]],
    ['tomorrow: all live, cars counted now', new Date('2026-11-22T20:00:00Z'), [{ ...day, asOf: new Date('2026-11-22T20:00:00Z'), closed: false }]],
  ])('%s', (_name, now, expected) => expect(partsOfDay(day, now)).toEqual(expected));

  it('a 25-hour day (DST ends in New York): 24 stored hours, then its last hour live', () => {
    const long = localDayRange('2026-11-01', '2026-11-01', 'America/New_York');
    const parts = partsOfDay(long, new Date('2026-11-02T04:30:00Z'));
    expect(parts).toHaveLength(25);
    expect(parts.filter((p) => p.closed)).toHaveLength(24);
    expect(parts.at(-1)).toEqual({ start: new Date('2026-11-02T04:00:00Z'), end: long.end, asOf: new Date('2026-11-02T04:30:00Z'), closed: false });
    parts.slice(1).forEach((p, i) => expect(p.start).toEqual(parts[i]!.end));
  });
});
