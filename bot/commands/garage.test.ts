import { describe, expect, it } from 'vitest';
import { reportDiscard } from '../../api/discards/use-cases.js';
import { updateGarage } from '../../api/garages/queries.js';
import { linkSlackChannel } from '../../api/slack/link-channel.js';
import { refusedCashExit } from '../../api/test/discards.js';
import { GarageStats } from '../../shared/garage.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, payButtons, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';
import { decideRequestGarage } from './garage.js';

describe('decideRequestGarage', () => {
  const ana = { garageIds: [1], defaultGarageId: 1 };
  const both = { garageIds: [1, 2], defaultGarageId: 2 };
  const none = { garageIds: [], defaultGarageId: 0 };
  it.each([
    ['a linked channel acts on its garage', { given: null, linked: 2, staff: both, first: 1 }, { ok: true, garageId: 2, source: 'linked' }],
    ['an unlinked channel: the staff account’s default garage', { given: null, linked: null, staff: both, first: 1 }, { ok: true, garageId: 2, source: 'default' }],
    ['an unlinked channel, no staff account: the first garage', { given: null, linked: null, staff: null, first: 1 }, { ok: true, garageId: 1, source: 'first' }],
    ['no staff account: any linked garage (the rights Slack always gave)', { given: null, linked: 7, staff: null, first: 1 }, { ok: true, garageId: 7, source: 'linked' }],
    ['a button’s garage comes before the channel’s', { given: 1, linked: 2, staff: both, first: 1 }, { ok: true, garageId: 1, source: 'given' }],
    ['a garage the account may not use, by link', { given: null, linked: 2, staff: ana, first: 1 }, { ok: false }],
    ['a garage the account may not use, by button', { given: 2, linked: 1, staff: ana, first: 1 }, { ok: false }],
    ['an account with no garage: the first garage is not theirs', { given: null, linked: null, staff: none, first: 1 }, { ok: false }],
    ['no garage at all', { given: null, linked: null, staff: null, first: null }, { ok: false }],
  ] as const)('%s', (_name, input, expected) => {
    expect(decideRequestGarage(input)).toEqual(expected);
  });
});

const { start } = slackSuite();

/** A harness with two garages: North (the first, 140 spaces) and South (7 spaces, linked to channel C0SOUTH). */
async function twoGarages(): Promise<{ h: SlackHarness; north: number; south: number }> {
  const h = await start({ totalSpaces: 140, timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
  const north = h.deps.garageId;
  await updateGarage(h.db.sql, north, { name: 'North' });
  const south = (await h.addGarage('South', { totalSpaces: 7, timezone: 'America/Chicago' })).id;
  await linkSlackChannel(h.deps, { channelId: 'C0SOUTH', garageId: south }, { actor: 'system', source: 'system' });
  return { h, north, south };
}

/** The garage a ticket is in, read straight from the table. */
async function garageOfTicket(h: SlackHarness, ticketNumber: string): Promise<number | undefined> {
  const [row] = await h.db.sql<{ garageId: number }[]>`select garage_id from tickets where ticket_number = ${ticketNumber}`;
  return row?.garageId;
}

const refusal = "may not use this channel's garage";

describe('/park in a channel linked to a garage', () => {
  it("an entry lands in the channel's garage, and the card shows that garage's occupancy and name", async () => {
    const { h, north, south } = await twoGarages();
    await h.addUser('root1', 'admin');
    await h.command('enter NORTH1'); // C0GARAGE, not linked: the first garage
    const reply = onlyReply((await h.command('enter SOUTH1', { channelId: 'C0SOUTH' })).replies);
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toContain('South 1/7');
    expect(said(reply)).toContain('1/7');
    expect(said(reply)).toContain('Garage: *South*');
    expect(said(reply)).not.toContain('not linked');
    const number = ticketNumberIn(reply);
    expect(await garageOfTicket(h, number)).toBe(south);
    expect((await h.tickets(south)).map((t) => t.licensePlate)).toEqual(['SOUTH1']);
    expect((await h.tickets(north)).map((t) => t.licensePlate)).toEqual(['NORTH1']);
    const stats = await h.apiGet(`/api/garages/${south}/stats`, 'root1');
    expect(GarageStats.parse(stats.json)).toMatchObject({ totalSpaces: 7, occupiedSpaces: 1 });
    expect((await h.audit('ticket.enter')).find((a) => a.subject === number)).toMatchObject({ actor: 'slack:U0ATTEND', source: 'slack' });
  });

  it("a full garage is the channel's garage: South refuses at 7/7 while North has room", async () => {
    const { h } = await twoGarages();
    for (let i = 1; i <= 7; i++) await h.command(`enter FULL${i}`, { channelId: 'C0SOUTH' });
    const reply = onlyReply((await h.command('enter FULL8', { channelId: 'C0SOUTH' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'Garage is full — 7/7' });
    expect(said(reply)).toContain('Garage: *South*');
    expect(said(onlyReply((await h.command('enter FULL8')).replies))).toContain('1/140');
  });

  it("stats, find and exit act on the channel's garage", async () => {
    const { h } = await twoGarages();
    const number = ticketNumberIn(onlyReply((await h.command('enter FIND1', { channelId: 'C0SOUTH' })).replies));
    const stats = onlyReply((await h.command('stats', { channelId: 'C0SOUTH' })).replies);
    expect(stats.text).toMatch(/^South: Occupancy 1\/7/);
    expect(onlyReply((await h.command('stats')).replies).text).toMatch(/^North: Occupancy 0\/140/);
    expect(onlyReply((await h.command('find FIND1')).replies).text).toBe('No ticket for plate FIND1.');
    expect(said(onlyReply((await h.command('find FIND1', { channelId: 'C0SOUTH' })).replies))).toContain(number);
    h.clock.advance(30 * 60_000);
    const receipt = onlyReply((await h.command(`exit ${number} cash`, { channelId: 'C0SOUTH' })).replies);
    expect(said(receipt)).toContain('Paid $10.00');
    expect(said(receipt)).toContain('Garage: *South*');
  });

  it('a Slack user whose staff account may not use the garage is refused, politely and only to them; nothing is made', async () => {
    const { h, north } = await twoGarages();
    await h.addUser('ana', 'attendant', 'U0ANA', { garageIds: [north] });
    for (const text of ['enter ANA1', 'stats', 'find ANA1', 'exit ANA1 cash', 'link']) {
      const reply = onlyReply((await h.command(text, { userId: 'U0ANA', channelId: 'C0SOUTH' })).replies);
      expect(reply.response_type, text).toBe('ephemeral');
      expect(reply.text, text).toBe(
        "Your ParkOps account (ana) may not use this channel's garage. Use `/park` in a channel linked to one of your garages, or ask an admin to give you this one.",
      );
      expect(said(reply), text).not.toContain('South');
    }
    expect(await h.db.sql`select 1 from tickets`).toHaveLength(0);
    expect(said(onlyReply((await h.command('enter ANA1', { userId: 'U0ANA' })).replies))).toContain('1/140'); // her own garage still works
  });

  it("a manager of garage A gets neither B's report nor its payments in B's channel", async () => {
    const { h, north } = await twoGarages();
    await h.addUser('maria', 'manager', 'U0MARIA', { garageIds: [north] });
    for (const text of ['report', 'payments']) {
      const reply = onlyReply((await h.command(text, { userId: 'U0MARIA', channelId: 'C0SOUTH' })).replies);
      expect(reply.text).toContain(refusal);
      expect(said(reply)).not.toContain('Revenue');
    }
  });

  it("a Slack user with no staff account keeps today's rights: attendant commands in any channel", async () => {
    const { h, south } = await twoGarages();
    const reply = onlyReply((await h.command('enter NOACC1', { userId: 'U0STRANGER', channelId: 'C0SOUTH' })).replies);
    expect(await garageOfTicket(h, ticketNumberIn(reply))).toBe(south);
    expect(onlyReply((await h.command('report', { userId: 'U0STRANGER', channelId: 'C0SOUTH' })).replies).text).toContain('Only managers can see reports');
  });

  it("report and payments act on the channel's garage, for a manager of both", async () => {
    const { h, north, south } = await twoGarages();
    const maria = await h.addUser('maria', 'manager', 'U0MARIA', { garageIds: [north, south] });
    await h.command('enter REP1', { channelId: 'C0SOUTH' });
    await h.command('enter REP2', { channelId: 'C0SOUTH' });
    await h.command('enter REP3');
    const south1 = onlyReply((await h.command('report', { userId: 'U0MARIA', channelId: 'C0SOUTH' })).replies);
    expect(south1.text).toMatch(/^Report for South, Mon 23 Nov 2026: \$0\.00 revenue, 2 in, 0 out/);
    expect(said(south1)).toContain('Report — South — Mon 23 Nov 2026');
    expect(onlyReply((await h.command('report', { userId: 'U0MARIA' })).replies).text).toMatch(/^Report for North, .*1 in/);

    const by = { userId: maria.id, by: { actor: `user:${maria.id}` as const, source: 'pwa' as const } };
    await reportDiscard({ ...h.deps, garageId: south }, refusedCashExit('s1', { amountCents: 4200 }), by);
    await h.slack.alerts?.settled();
    expect(onlyReply((await h.command('payments', { userId: 'U0MARIA', channelId: 'C0SOUTH' })).replies).text).toBe('1 payments to resolve ($42.00)');
    expect(onlyReply((await h.command('payments', { userId: 'U0MARIA' })).replies).text).toBe('No payments to resolve.');
  });
});

describe('/park in a channel not linked to a garage', () => {
  it('acts on the staff account’s default garage and says so, with how to link the channel', async () => {
    const { h, north, south } = await twoGarages();
    await h.addUser('ben', 'attendant', 'U0BEN', { garageIds: [north, south], defaultGarageId: south });
    const reply = onlyReply((await h.command('enter BEN1', { userId: 'U0BEN', channelId: 'C0ELSEWHERE' })).replies);
    expect(await garageOfTicket(h, ticketNumberIn(reply))).toBe(south);
    expect(said(reply)).toContain('Garage: *South* (this channel is not linked; `/park link <garage>`)');
  });

  it('acts on the first garage for a Slack user with no staff account, and says so', async () => {
    const { h, north } = await twoGarages();
    const reply = onlyReply((await h.command('stats', { channelId: 'C0ELSEWHERE' })).replies);
    expect(said(reply)).toContain('Garage: *North* (this channel is not linked');
    expect(reply.text).toMatch(/^North: /);
    const entered = onlyReply((await h.command('enter FIRST1', { channelId: 'C0ELSEWHERE' })).replies);
    expect(await garageOfTicket(h, ticketNumberIn(entered))).toBe(north);
  });

  it('help and words it does not understand need no garage, and name none', async () => {
    const { h } = await twoGarages();
    expect(said(onlyReply((await h.command('help', { channelId: 'C0SOUTH', userId: 'U0NOBODY' })).replies))).not.toContain('Garage:');
  });
});

describe("a quote's payment buttons", () => {
  /** A car parked 61 minutes in South, and the quote a person got for it in South's channel. */
  async function quotedInSouth(h: SlackHarness) {
    const number = ticketNumberIn(onlyReply((await h.command('enter PAY1', { channelId: 'C0SOUTH' })).replies));
    h.clock.advance(61 * 60_000);
    const quote = onlyReply((await h.command(`exit ${number}`, { channelId: 'C0SOUTH' })).replies);
    const cash = payButtons(quote).find((b) => b.text === 'Cash')!;
    return { number, cash };
  }

  it("carry the ticket's garage: a click completes it there, wherever the message is", async () => {
    const { h, south } = await twoGarages();
    const { number, cash } = await quotedInSouth(h);
    expect(JSON.parse(cash.value)).toEqual({ ticketNumber: number, paymentMethod: 'Cash', garageId: south });
    const reply = onlyReply((await h.click(cash.actionId, cash.value, { channelId: 'C0GARAGE' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(said(reply)).toContain('Paid $20.00');
    expect(said(reply)).toContain('Garage: *South*');
    expect((await h.tickets(south))[0]).toMatchObject({ ticketNumber: number, status: 'completed', paymentMethod: 'Cash' });
  });

  it('refuse a person whose staff account may not use that garage, in the same words whether or not it exists', async () => {
    const { h, north, south } = await twoGarages();
    await h.addUser('ana', 'attendant', 'U0ANA', { garageIds: [north] });
    const { number, cash } = await quotedInSouth(h);
    const theirs = onlyReply((await h.click(cash.actionId, cash.value, { userId: 'U0ANA', channelId: 'C0GARAGE' })).replies);
    const madeUp = JSON.stringify({ ...JSON.parse(cash.value), garageId: 999_999 });
    const nowhere = onlyReply((await h.click(cash.actionId, madeUp, { userId: 'U0ANA', channelId: 'C0GARAGE' })).replies);
    expect(theirs.text).toBe(
      "Your ParkOps account (ana) may not use this ticket's garage. Use `/park` in a channel linked to one of your garages, or ask an admin to give you this one.",
    );
    expect(nowhere.text).toBe(theirs.text);
    expect((await h.tickets(south))[0]).toMatchObject({ ticketNumber: number, status: 'active' });
  });

  it("made before garages were carried: act on the channel's garage", async () => {
    const { h, south } = await twoGarages();
    const { number, cash } = await quotedInSouth(h);
    const old = JSON.stringify({ ticketNumber: number, paymentMethod: 'Cash' });
    expect(onlyReply((await h.click(cash.actionId, old, { channelId: 'C0GARAGE' })).replies).text).toBe(`No ticket ${number}.`);
    expect(said(onlyReply((await h.click(cash.actionId, old, { channelId: 'C0SOUTH' })).replies))).toContain('Paid $20.00');
    expect((await h.tickets(south))[0]).toMatchObject({ status: 'completed' });
  });
});
