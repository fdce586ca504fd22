import { describe, expect, it } from 'vitest';
import { dailyReport } from '../../api/reports/daily.js';
import { updateUser } from '../../api/users/queries.js';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { formatCents } from '../../shared/format.js';

const { slack, start } = slackSuite();
let h: SlackHarness;

/** A day with known tickets in New York: three in, two out (cash 90 min, card 200 min), one still parked. */
async function knownDay() {
  h.clock.set('2026-11-23T14:00:00.000Z'); // 09:00 in New York
  const a = ticketNumberIn(onlyReply((await h.command('enter DAY1')).replies));
  const b = ticketNumberIn(onlyReply((await h.command('enter DAY2')).replies));
  h.clock.advance(30 * 60_000);
  await h.command('enter DAY3');
  h.clock.advance(60 * 60_000);
  await h.command(`exit ${a} cash`); // 90 min: $20
  h.clock.advance(110 * 60_000);
  await h.command(`exit ${b} credit card`); // 200 min: $40
}

describe('/park report', () => {
  it("a manager gets the day's figures: those of dailyReport and GET /api/reports/daily, to the cent", async () => {
    h = await start({ timezone: 'America/New_York' });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await knownDay();
    h.clock.set('2026-11-24T15:00:00.000Z');
    const reply = onlyReply((await h.command('report 2026-11-23', { userId: 'U0MANAGER' })).replies);
    expect(reply.response_type).toBe('ephemeral');

    const report = await dailyReport(h.deps.sql, h.deps.garageId, '2026-11-23', '2026-11-23', h.deps.now());
    const api = await h.apiGet('/api/reports/daily?date=2026-11-23', 'maria');
    expect(api.json).toEqual(report);
    expect(report).toMatchObject({
      totalRevenue: 6000,
      revenueByPaymentMethod: { Cash: 2000, 'Credit Card': 4000, 'Debit Card': 0, Mobile: 0 },
      vehiclesIn: 3,
      vehiclesOut: 2,
      averageStayMinutes: 145,
      peakOccupancy: 3,
      peakHour: '09:00',
      stillParked: 1,
      openOver24h: 0,
    });
    for (const part of [
      'Report — Garage — Mon 23 Nov 2026',
      `${formatCents(report.totalRevenue)}  _(new vs $0.00)_`,
      '*Vehicles in*\\n3  _(new vs 0)_',
      '*Vehicles out*\\n2  _(new vs 0)_',
      '2 h 25 min',
      '3 at 09:00',
      '1 (0 over 24 h)',
      'Cash $20.00 · Credit Card $40.00 · Debit Card $0.00 · Mobile $0.00',
    ]) {
      expect(said(reply)).toContain(part);
    }
  });

  it('a day with corrections: net revenue, gross − refunds = net, and the counts of voids, refunds, corrections and lost tickets, as dailyReport has them', async () => {
    h = await start({ timezone: 'America/New_York' });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await knownDay(); // $20.00 cash and $40.00 card taken; DAY3 still inside
    await h.command('refund ' + (await h.tickets()).find((t) => t.licensePlate === 'DAY1')!.ticketNumber + ' 5 goodwill', { userId: 'U0MANAGER' });
    await h.command('void DAY3 test', { userId: 'U0MANAGER' });
    const lost = ticketNumberIn(onlyReply((await h.command('enter DAY4')).replies));
    h.clock.advance(30 * 60_000);
    await h.command(`exit ${lost} mobile lost`); // $10.00 + $25.00
    const reply = onlyReply((await h.command('report 2026-11-23', { userId: 'U0MANAGER' })).replies);
    const report = await dailyReport(h.deps.sql, h.deps.garageId, '2026-11-23', '2026-11-23', h.deps.now());
    expect(report).toMatchObject({ grossRevenue: 9500, refunds: 500, netRevenue: 9000, refundCount: 1, voids: 1, lostTickets: 1 });
    expect(reply.text).toBe('Report for Garage, Mon 23 Nov 2026: $90.00 revenue ($95.00 taken, $5.00 refunded), 4 in, 3 out · 1 void, 1 refund, 1 lost ticket');
    expect(said(reply)).toContain('Gross $95.00 − refunds $5.00 = *net $90.00*  _(refunded: Cash $5.00)_');
    expect(said(reply)).toContain('1 void · 1 refund · 1 lost ticket');
  });

  it('an admin may too; without a date it is today in the garage timezone', async () => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-24T03:30:00.000Z' }); // 22:30 on the 23rd in New York
    await h.addUser('root1', 'admin', 'U0ADMIN');
    const reply = onlyReply((await h.command('report', { userId: 'U0ADMIN' })).replies);
    expect(said(reply)).toContain('Report — Garage — Mon 23 Nov 2026');
  });

  it.each([
    ['not linked to a staff account', null, "your Slack account (U0SOMEONE) is not linked to a ParkOps staff account"],
    ['an attendant', 'attendant', 'Only managers can see reports; your ParkOps account (sam) is an attendant.'],
    ['a disabled manager', 'disabled', 'Your ParkOps account (sam) is disabled, so you cannot see reports.'],
  ] as const)('refused plainly when %s', async (_name, kind, message) => {
    h = await start();
    if (kind === 'attendant') await h.addUser('sam', 'attendant', 'U0SOMEONE');
    if (kind === 'disabled') {
      const user = await h.addUser('sam', 'manager', 'U0SOMEONE');
      await updateUser(h.deps.sql, user.id, { disabled: true });
    }
    const reply = onlyReply((await h.command('report', { userId: 'U0SOMEONE' })).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(message);
    expect(said(reply)).not.toContain('Revenue');
  });

  it.each([
    ['the year 9999', 'report 9999-12-31', 'There are no figures for 9999-12-31 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['the day after tomorrow', 'report 2026-11-26', 'There are no figures for 2026-11-26 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['a day before the garage existed', 'report 2000-01-01', "2000-01-01 is before this garage's first day, 2026-11-23: ask for a date from 2026-11-23 to 2026-11-25."],
  ])('a day out of bounds (%s) is answered, only to the asker, with the days it can have', async (_name, text, message) => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-24T15:00:00.000Z' });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await knownDay();
    h.clock.set('2026-11-24T15:00:00.000Z');
    const reply = onlyReply((await h.command(text, { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: message });
    expect(said(reply)).not.toContain('Revenue');
  });

  it('a date it cannot read is answered with how to write it', async () => {
    h = await start();
    const reply = onlyReply((await h.command('report 23/11/2026', { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('write it as YYYY-MM-DD');
  });
});
