import { describe, expect, it } from 'vitest';
import { buildDayReport } from './report.js';
import { dayReport } from './fixtures.js';

const text = (r: unknown) => JSON.stringify(r);

describe('buildDayReport', () => {
  const before = dayReport({ from: '2026-11-16', to: '2026-11-16', totalRevenue: 100000, vehiclesIn: 100, vehiclesOut: 118, averageStayMinutes: 110 });
  const reply = buildDayReport(dayReport(), before, { title: 'Daily summary' });

  it('posts in the channel with a plain-text summary line', () => {
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toBe('Daily summary for Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out');
  });

  it.each([
    ['the title and day', 'Daily summary — Mon 23 Nov 2026'],
    ['revenue against the week before', '$1,234.50  _(+23% vs $1,000.00)_'],
    ['vehicles in against the week before', '120  _(+20% vs 100)_'],
    ['vehicles out unchanged', '118  _(no change vs 118)_'],
    ['average stay and the week before', '2 h 05 min  _(was 1 h 50 min)_'],
    ['peak occupancy and its hour', '87 at 14:00'],
    ['still parked and open over 24 h', '22 (3 over 24 h)'],
    ['revenue by payment method', 'Cash $500.00 · Credit Card $600.00 · Debit Card $134.50 · Mobile $0.00'],
    ['the day compared with', 'Changes are against Mon 16 Nov 2026'],
    ['the timezone', 'Times in America/New_York'],
  ])('shows %s', (_name, part) => {
    expect(text(reply.blocks)).toContain(part);
  });

  it('names the garage in the title and the text line when given (several garages may share a channel)', () => {
    const r = buildDayReport(dayReport(), before, { title: 'Daily summary', garage: 'Harbour' });
    expect(r.text).toBe('Daily summary for Harbour, Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out');
    expect(text(r.blocks)).toContain('Daily summary — Harbour — Mon 23 Nov 2026');
  });

  it('an empty day: no peak hour, no average stay', () => {
    const empty = dayReport({ totalRevenue: 0, vehiclesIn: 0, vehiclesOut: 0, averageStayMinutes: null, peakOccupancy: 0, peakHour: null, peakAt: null, stillParked: 0, openOver24h: 0 });
    const r = buildDayReport(empty, empty, { title: 'Report', visibility: 'ephemeral' });
    expect(r.response_type).toBe('ephemeral');
    expect(text(r.blocks)).toContain('*Peak occupancy*\\n0');
    expect(text(r.blocks)).toContain('—  _(was —)_');
    expect(text(r.blocks)).toContain('$0.00  _(no change vs $0.00)_');
  });

  it('lists late changes to earlier days: how many, per day, and the revenue they moved', () => {
    const r = buildDayReport(dayReport(), before, {
      title: 'Daily summary',
      lateChanges: [
        { day: '2026-11-21', entries: 0, exits: 2, revenueCents: 4500 },
        { day: '2026-11-22', entries: 2, exits: 1, revenueCents: 1000 },
        { day: '2026-11-20', entries: 1, exits: 0, revenueCents: 0 },
      ],
    });
    expect(r.text).toBe('Daily summary for Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out · 6 late changes to earlier days (+$55.00)');
    for (const line of ['Sat 21 Nov 2026: 2 exits (+$45.00)', 'Sun 22 Nov 2026: 1 exit (+$10.00), 2 entries', 'Fri 20 Nov 2026: 1 entry']) {
      expect(text(r.blocks)).toContain(line);
    }
  });

  it('says nothing of late changes when there were none', () => {
    expect(text(buildDayReport(dayReport(), before, { title: 'Daily summary', lateChanges: [] }))).not.toContain('Late changes');
  });

  it('money past 2^31 cents to the cent', () => {
    const big = dayReport({ totalRevenue: 4_584_995_415, revenueByPaymentMethod: { Cash: 1_199_998_800, 'Credit Card': 1_199_998_800, 'Debit Card': 0, Mobile: 2_184_997_815 } });
    const r = buildDayReport(big, before, { title: 'Daily summary' });
    expect(r.text).toContain('$45,849,954.15 revenue');
    expect(text(r.blocks)).toContain('Cash $11,999,988.00 · Credit Card $11,999,988.00 · Debit Card $0.00 · Mobile $21,849,978.15');
  });
  it('counts the payments still waiting for a manager, with the money they took; nothing when none wait', () => {
    const r = buildDayReport(dayReport(), before, { title: 'Daily summary', toResolve: { count: 2, amountCents: 8550 } });
    expect(r.text).toBe('Daily summary for Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out · 2 payments to resolve ($85.50 taken)');
    expect(text(r.blocks)).toContain('Settings › Payments to resolve');
    const none = buildDayReport(dayReport(), before, { title: 'Daily summary', toResolve: { count: 0, amountCents: 0 } });
    expect(none.text).not.toContain('to resolve');
  });

  it('says nothing of corrections on a day without any: revenue is what was taken', () => {
    expect(text(reply)).not.toContain('Corrections');
  });

  it('a day with refunds and corrections: revenue is net, and gross − refunds = net with the counts that are not zero', () => {
    const r = buildDayReport(dayReport({ refunds: 2500, refundCount: 2, voids: 1, lostTickets: 3 }), before, { title: 'Daily summary' });
    expect(r.text).toBe('Daily summary for Mon 23 Nov 2026: $1,209.50 revenue ($1,234.50 taken, $25.00 refunded), 120 in, 118 out · 1 void, 2 refunds, 3 lost tickets');
    expect(text(r.blocks)).toContain('$1,209.50  _(+21% vs $1,000.00)_');
    expect(text(r.blocks)).toContain('Gross $1,234.50 − refunds $25.00 = *net $1,209.50*  _(refunded: Cash $25.00)_');
    expect(text(r.blocks)).toContain('1 void · 2 refunds · 3 lost tickets');
    expect(text(r.blocks)).not.toContain('correction');
  });

  it('a day with only voids and corrections: the counts, no money line', () => {
    const r = buildDayReport(dayReport({ voids: 2, corrections: 1 }), before, { title: 'Report' });
    expect(r.text).toBe('Report for Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out · 2 voids, 1 correction');
    expect(text(r.blocks)).toContain('*Corrections*\\n2 voids · 1 correction');
    expect(text(r.blocks)).not.toContain('Gross');
  });

  it('more refunded than taken: net revenue below zero, to the cent', () => {
    const r = buildDayReport(dayReport({ totalRevenue: 1000, refunds: 4000, refundCount: 1 }), before, { title: 'Daily summary' });
    expect(r.text).toContain('-$30.00 revenue ($10.00 taken, $40.00 refunded)');
  });
});

describe('the cash variance line', () => {
  const before = dayReport({ from: '2026-11-16', to: '2026-11-16' });
  const line = (shiftsClosed: { closed: number; unclosed: number; counted: number; varianceCents: number }) =>
    buildDayReport(dayReport(), before, { title: 'Daily summary', shiftsClosed }).blocks.map((b) => JSON.stringify(b)).find((b) => b.includes('Cash variance today'));

  it.each([
    ['short over two closed shifts', { closed: 2, unclosed: 0, counted: 2, varianceCents: -350 }, '*Cash variance today:* −$3.50 over 2 closed shifts'],
    ['over on one', { closed: 1, unclosed: 0, counted: 1, varianceCents: 120 }, '*Cash variance today:* +$1.20 over 1 closed shift'],
    ['balanced', { closed: 3, unclosed: 0, counted: 3, varianceCents: 0 }, '*Cash variance today:* $0.00 over 3 closed shifts'],
    [
      'with a shift the server closed unclosed',
      { closed: 3, unclosed: 1, counted: 2, varianceCents: -250 },
      '*Cash variance today:* −$2.50 over 2 counted shifts · 3 shifts closed, 1 left open 24 h and closed by the server without a count',
    ],
  ])('%s', (_name, shifts, expected) => {
    expect(line(shifts)).toContain(expected);
  });

  it('is left out when no shift was closed that day, or not given (a /park report)', () => {
    expect(line({ closed: 0, unclosed: 0, counted: 0, varianceCents: 0 })).toBeUndefined();
    expect(JSON.stringify(buildDayReport(dayReport(), before, { title: 'Report' }).blocks)).not.toContain('Cash variance');
  });

  it('keeps the text line as it was', () => {
    const r = buildDayReport(dayReport(), before, { title: 'Daily summary', shiftsClosed: { closed: 2, unclosed: 0, counted: 2, varianceCents: -350 } });
    expect(r.text).toBe('Daily summary for Mon 23 Nov 2026: $1,234.50 revenue, 120 in, 118 out');
  });
});
