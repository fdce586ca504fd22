import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../api/garage/queries.js';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';
import { onlyReply, payButtons, said, ticketNumberIn } from '../test/replies.js';
import { buttonClickBody, slashCommandBody } from '../test/slack-requests.js';

const { slack, start } = slackSuite();
let h: SlackHarness;

/** Parks a car at the harness's clock and moves the clock on by `minutes`; gives its ticket number. */
async function parked(plate: string, minutes: number): Promise<string> {
  const number = ticketNumberIn(onlyReply((await h.command(`enter ${plate}`)).replies));
  h.clock.advance(minutes * 60_000);
  return number;
}

async function ticket(number: string) {
  return (await h.tickets()).find((t) => t.ticketNumber === number)!;
}

describe('/park exit with a payment method', () => {
  it('completes the ticket and posts the receipt in the channel with the fee and its breakdown', async () => {
    h = await start({ timezone: 'America/New_York', start: '2026-11-23T19:05:00.000Z' });
    const number = await parked('ABC 123', 90);
    const reply = onlyReply((await h.command(`exit ${number} cash`, { userId: 'U0BOB' })).replies);
    expect(reply.response_type).toBe('in_channel');
    for (const part of ['Paid $20.00', number, 'ABC 123', 'Cash', 'Mon 23 Nov 14:05', 'Mon 23 Nov 15:35', '1 h 30 min', '2 h × $10.00/h = $20.00']) {
      expect(said(reply)).toContain(part);
    }
    expect(await ticket(number)).toMatchObject({ status: 'completed', amountPaid: 2000, paymentMethod: 'Cash', durationMinutes: 90 });
    expect(await h.audit('ticket.exit')).toEqual([expect.objectContaining({ actor: 'slack:U0BOB', source: 'slack', subject: number })]);
  });

  it('finds the car by plate (a lost ticket) and takes a two-word method', async () => {
    h = await start();
    const number = await parked('KL-9 9', 61);
    const reply = onlyReply((await h.command('exit kl 99 credit card')).replies);
    expect(said(reply)).toContain('Paid $20.00');
    expect(await ticket(number)).toMatchObject({ status: 'completed', paymentMethod: 'Credit Card', amountPaid: 2000 });
  });

  it.each([
    ['by ticket number', (n: string) => `exit ${n} mobile`],
    ['by plate, which has no active ticket by the time of the retry', () => 'exit RESEND 1 mobile'],
  ])('a re-sent command (%s) completes once; the repeat is told so, not charged', async (_name, text) => {
    h = await start();
    const number = await parked('RESEND 1', 30);
    const req = slashCommandBody({ text: text(number) });
    await h.send(req.body);
    await h.settled();
    h.clock.advance(120 * 60_000); // a late retry must not reprice either
    await h.send(req.body, { headers: { 'x-slack-retry-num': '1' } });
    await h.settled();
    const [first, again] = slack.sentTo(req.responseUrl);
    expect(first).toMatchObject({ response_type: 'in_channel' });
    expect(again).toMatchObject({ response_type: 'ephemeral' });
    expect(said(again)).toContain('already been handled');
    expect(said(again)).toContain('Paid $10.00');
    expect(await h.audit('ticket.exit')).toHaveLength(1);
  });

  it.each([
    ['exit PS-0000ZZ cash', 'No ticket PS-0000ZZ.'],
    ['exit NOPE 1 cash', 'No car with plate NOPE 1 is parked here.'],
    ['exit ABC999 cash', 'No car with plate ABC999 is parked here, and no ticket PS-ABC999.'],
  ])('"%s" -> "%s"', async (text, message) => {
    h = await start();
    expect(onlyReply((await h.command(text)).replies)).toMatchObject({ response_type: 'ephemeral', text: message });
  });

  it('a fee over 2^31 − 1 cents: the car leaves, and /park stats and /park enter still answer, to the cent', async () => {
    h = await start({ timezone: 'UTC', start: '2026-08-01T00:00:00.000Z' });
    await updateSettings(h.deps.sql, h.deps.garageId, { hourlyRate: 999_999 });
    const number = await parked('HUGE1', 2200 * 60); // 2200 h: 2,199,997,800 c
    const reply = onlyReply((await h.command(`exit ${number} cash`)).replies);
    expect(said(reply)).toContain('Paid $21,999,978.00');
    expect(await ticket(number)).toMatchObject({ status: 'completed', amountPaid: 2_199_997_800 });
    const stats = onlyReply((await h.command('stats')).replies);
    expect(stats.text).toContain('$21,999,978.00 today');
    const next = onlyReply((await h.command('enter NEXT1')).replies);
    expect(said(next)).not.toContain('Something went wrong');
    expect(ticketNumberIn(next)).toMatch(/^PS-/);
  });

  it('a ticket already paid shows its receipt to the asker, and charges nothing more', async () => {
    h = await start();
    const number = await parked('PAID1', 10);
    await h.command(`exit ${number} cash`);
    h.clock.advance(60 * 60_000);
    const reply = onlyReply((await h.command(`exit ${number} debit`)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(said(reply)).toContain('Already paid');
    expect(said(reply)).toContain('Paid $10.00');
    expect(await ticket(number)).toMatchObject({ paymentMethod: 'Cash', amountPaid: 1000 });
  });
});

describe('/park exit without a method: the quote and its buttons', () => {
  it('quotes the amount due, only to the asker, with one button per payment method; nothing is completed', async () => {
    h = await start();
    const number = await parked('QUOTE1', 181);
    const reply = onlyReply((await h.command(`exit ${number}`)).replies);
    expect(reply.response_type).toBe('ephemeral');
    expect(said(reply)).toContain('$40.00');
    expect(said(reply)).toContain('4 h × $10.00/h = $40.00');
    expect(payButtons(reply).map((b) => b.text)).toEqual(['Cash', 'Credit Card', 'Debit Card', 'Mobile']);
    expect(await ticket(number)).toMatchObject({ status: 'active' });
  });

  it('a click completes the ticket with that method and replaces the quote with the receipt', async () => {
    h = await start();
    const number = await parked('CLICK1', 45);
    const [, debit] = payButtons(onlyReply((await h.command(`exit ${number}`)).replies)).slice(1);
    const { res, replies } = await h.click(debit!.actionId, debit!.value, { userId: 'U0CAROL' });
    expect(res.status).toBe(200);
    const receipt = onlyReply(replies);
    expect(receipt).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(said(receipt)).toContain('Paid $10.00');
    expect(said(receipt)).toContain('Debit Card');
    expect(said(receipt)).not.toContain('Already paid');
    expect(await ticket(number)).toMatchObject({ status: 'completed', paymentMethod: 'Debit Card', amountPaid: 1000 });
    expect(await h.audit('ticket.exit')).toEqual([expect.objectContaining({ actor: 'slack:U0CAROL', source: 'slack' })]);
  });

  it('clicked twice (even on another method, an hour later) it completes once; the second click sees the same receipt', async () => {
    h = await start();
    const number = await parked('TWICE1', 30);
    const [cash, credit] = payButtons(onlyReply((await h.command(`exit ${number}`)).replies));
    const first = onlyReply((await h.click(cash!.actionId, cash!.value)).replies);
    h.clock.advance(60 * 60_000);
    const second = onlyReply((await h.click(credit!.actionId, credit!.value)).replies);
    for (const receipt of [first, second]) {
      expect(receipt).toMatchObject({ replace_original: true });
      expect(said(receipt)).toContain('Paid $10.00');
      expect(said(receipt)).toContain('Cash');
    }
    expect(said(second)).toContain('Already paid');
    expect(await ticket(number)).toMatchObject({ paymentMethod: 'Cash', amountPaid: 1000 });
    expect(await h.audit('ticket.exit')).toHaveLength(1);
  });

  it('two people clicking their quotes at the same moment: one completion, both see the receipt', async () => {
    h = await start();
    const number = await parked('RACE1', 75);
    const [cashA] = payButtons(onlyReply((await h.command(`exit ${number}`, { userId: 'U0ANN' })).replies));
    const [, cardB] = payButtons(onlyReply((await h.command(`exit RACE1`, { userId: 'U0BEN' })).replies));
    const a = buttonClickBody({ actionId: cashA!.actionId, value: cashA!.value, userId: 'U0ANN' });
    const b = buttonClickBody({ actionId: cardB!.actionId, value: cardB!.value, userId: 'U0BEN' });
    const [resA, resB] = await Promise.all([h.send(a.body), h.send(b.body)]);
    await h.settled();
    expect([resA.status, resB.status]).toEqual([200, 200]);
    const receiptA = onlyReply(slack.sentTo(a.responseUrl));
    const receiptB = onlyReply(slack.sentTo(b.responseUrl));
    const completed = await ticket(number);
    expect(completed).toMatchObject({ status: 'completed', amountPaid: 2000 });
    for (const receipt of [receiptA, receiptB]) {
      expect(receipt).toMatchObject({ replace_original: true });
      expect(said(receipt)).toContain('Paid $20.00');
      expect(said(receipt)).toContain(completed.paymentMethod!);
    }
    expect([said(receiptA), said(receiptB)].filter((r) => r.includes('Already paid'))).toHaveLength(1);
    expect(await h.audit('ticket.exit')).toHaveLength(1);
  });

  it('a click after the car was checked out some other way shows that receipt', async () => {
    h = await start();
    const number = await parked('ELSEWHERE1', 20);
    const [, , , mobile] = payButtons(onlyReply((await h.command(`exit ${number}`)).replies));
    await h.command(`exit ${number} cash`);
    const receipt = onlyReply((await h.click(mobile!.actionId, mobile!.value)).replies);
    expect(receipt).toMatchObject({ replace_original: true });
    expect(said(receipt)).toContain('Already paid');
    expect(said(receipt)).toContain('Cash');
    expect(await ticket(number)).toMatchObject({ paymentMethod: 'Cash' });
  });

  it('a button value ParkOps did not make is refused in words', async () => {
    h = await start();
    const reply = onlyReply((await h.click('pay_cash', '{"ticketNumber":"nope"}')).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('run the exit command again');
  });

  it('a click for a ticket that does not exist says so', async () => {
    h = await start();
    const reply = onlyReply((await h.click('pay_cash', JSON.stringify({ ticketNumber: 'PS-0000ZZ', paymentMethod: 'Cash' }))).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'No ticket PS-0000ZZ.' });
  });
});
