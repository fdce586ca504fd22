import { describe, expect, it } from 'vitest';
import { updateSettings } from '../../api/garage/queries.js';
import type { SlackHarness } from '../test/harness.js';
import { buttonsOf, onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { slashCommandBody } from '../test/slack-requests.js';
import { slackSuite } from '../test/slack-suite.js';

/**
 * `/park void`, `/park refund`, `/park exit … lost`, `/park waive` and `/park approvals`: the same
 * use cases as the API, in the channel's garage, with the requester's role from their staff
 * account — a manager's request is done at once, an attendant's waits for a manager.
 */
const { slack, start } = slackSuite();

const requestPosts = () => slack.apiCalls.filter((c) => c.method === 'chat.postMessage' && String(c.args.text).startsWith('Approval needed'));

/** maria (manager, U0MANAGER) and sam (attendant, U0SAM); U0ATTEND has no staff account. */
async function staff(h: SlackHarness) {
  await h.addUser('maria', 'manager', 'U0MANAGER');
  await h.addUser('sam', 'attendant', 'U0SAM');
}

/** Parks a car and moves the clock on; its ticket number. */
async function parked(h: SlackHarness, plate: string, minutes: number, channelId?: string): Promise<string> {
  const number = ticketNumberIn(onlyReply((await h.command(`enter ${plate}`, channelId ? { channelId } : {})).replies));
  h.clock.advance(minutes * 60_000);
  return number;
}

/** Parks a car for 90 min and checks it out in cash ($20.00); its ticket number. */
async function paid(h: SlackHarness, plate: string): Promise<string> {
  const number = await parked(h, plate, 90);
  await h.command(`exit ${number} cash`);
  return number;
}

const ticket = async (h: SlackHarness, number: string) => (await h.tickets()).find((t) => t.ticketNumber === number)!;

describe('/park void', () => {
  it("a manager's void, by plate, is done at once and said in the channel", async () => {
    const h = await start();
    await staff(h);
    const number = await parked(h, 'ABC 123', 30);
    const reply = onlyReply((await h.command('void abc 123 duplicate', { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'in_channel', text: `Voided ${number} (duplicate ticket)` });
    expect(said(reply)).toContain('never charged, its space is free again');
    expect(await ticket(h, number)).toMatchObject({ status: 'voided', amountPaid: null });
    expect(await h.audit('ticket.void')).toEqual([expect.objectContaining({ actor: 'slack:U0MANAGER', source: 'slack', subject: number, details: expect.objectContaining({ approval: 'role' }) })]);
    expect(requestPosts()).toEqual([]);
  });

  it("an attendant's void waits for a manager: the answer says until when, the managers' channel gets the request, the ticket is untouched", async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await staff(h);
    const number = await parked(h, 'ABC 123', 5);
    const reply = onlyReply((await h.command(`void ${number} wrong plate typed ABC 128`, { userId: 'U0SAM' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'Asked a manager: waiting until 10:35' });
    expect(said(reply)).toContain(`void of ${number} (ABC 123), $10.00`);
    expect(await ticket(h, number)).toMatchObject({ status: 'active' });
    expect(requestPosts()).toHaveLength(1);
    expect(requestPosts()[0]!.args).toMatchObject({ channel: 'C0MANAGERS', text: expect.stringContaining(`void of ${number} (ABC 123), $10.00 — asked by sam`) });
    expect(said(requestPosts()[0]!.args.blocks)).toContain('typed ABC 128');
  });

  it('a Slack user without a staff account is an attendant: under the garage limit their void is done at once', async () => {
    const h = await start();
    await updateSettings(h.deps.sql, h.deps.garageId, { approval: { autoApproveUnderCents: { void: 1500, refund: 0, lostTicketWaiver: 0 }, timeoutMinutes: 30 } });
    const number = await parked(h, 'TEST 1', 20);
    const reply = onlyReply((await h.command(`void ${number} test`, { userId: 'U0ATTEND' })).replies);
    expect(reply.text).toBe(`Voided ${number} (test ticket)`);
    expect(await h.audit('ticket.void')).toEqual([expect.objectContaining({ details: expect.objectContaining({ approval: 'under_limit' }) })]);
  });

  it('asking twice while a request waits gives the one that waits, and says so', async () => {
    const h = await start();
    await staff(h);
    const number = await parked(h, 'TWICE 1', 10);
    await h.command(`void ${number} duplicate`, { userId: 'U0SAM' });
    const again = onlyReply((await h.command(`void ${number} duplicate`, { userId: 'U0ATTEND' })).replies);
    expect(again.text).toMatch(/^A manager was already asked: waiting until/);
    expect(said(again)).toContain('by <@U0SAM> at');
    expect(requestPosts()).toHaveLength(1);
  });

  it('refusals are plain sentences, only to the asker', async () => {
    const h = await start();
    await staff(h);
    const number = await paid(h, 'GONE 1');
    expect(onlyReply((await h.command(`void ${number} duplicate`, { userId: 'U0MANAGER' })).replies)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(new RegExp(`^Ticket ${number} is paid at .*: only a car still inside can be voided`)),
    });
    expect(onlyReply((await h.command('void NOPE 1 duplicate', { userId: 'U0MANAGER' })).replies)).toMatchObject({ text: 'No ticket for plate NOPE 1.' });
    expect(onlyReply((await h.command(`void ${number} other`, { userId: 'U0MANAGER' })).replies).text).toContain('Say in a few words why, after "other"');
  });

  it('a disabled staff account may not ask', async () => {
    const h = await start();
    const sam = await h.addUser('sam', 'attendant', 'U0SAM');
    await h.db.sql`update users set disabled = true where id = ${sam.id}`;
    const number = await parked(h, 'DIS 1', 10);
    expect(onlyReply((await h.command(`void ${number} duplicate`, { userId: 'U0SAM' })).replies).text).toContain('Your ParkOps account (sam) is disabled');
    expect(await ticket(h, number)).toMatchObject({ status: 'active' });
  });
});

describe('/park refund', () => {
  it("a manager's refund is done at once: in the channel, given back as it was paid", async () => {
    const h = await start();
    await staff(h);
    const number = await paid(h, 'REF 1');
    const reply = onlyReply((await h.command(`refund ${number} $5 wrong rate charged the old rate`, { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'in_channel', text: `Refunded $5.00 on ${number} (wrong rate), Cash` });
    for (const part of ['charged the old rate', '*Ticket paid*\\n$20.00', '*Refunded in all*\\n$5.00']) expect(said(reply)).toContain(part);
    expect(await ticket(h, number)).toMatchObject({ refundedCents: 500 });
    expect(requestPosts()).toEqual([]);
  });

  it("an attendant's refund waits for a manager and is posted to the managers' channel", async () => {
    const h = await start();
    await staff(h);
    const number = await paid(h, 'REF 2');
    const reply = onlyReply((await h.command(`refund ${number} 20.00 goodwill`, { userId: 'U0ATTEND' })).replies);
    expect(reply.text).toMatch(/^Asked a manager: waiting until /);
    expect(await ticket(h, number)).toMatchObject({ refundedCents: 0 });
    expect(requestPosts()).toHaveLength(1);
    expect(requestPosts()[0]!.args.text).toContain(`refund of ${number} (REF 2), $20.00`);
  });

  it('never more than the ticket paid: the answer says how much may still go back', async () => {
    const h = await start();
    await staff(h);
    const number = await paid(h, 'REF 3');
    await h.command(`refund ${number} 15 overcharged`, { userId: 'U0MANAGER' });
    const reply = onlyReply((await h.command(`refund ${number} 10 overcharged`, { userId: 'U0MANAGER' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.text).toContain('at most $5.00 can be refunded, not $10.00');
    expect(await ticket(h, number)).toMatchObject({ refundedCents: 1500 });
  });

  it('a command Slack delivers twice (the same trigger id) refunds once; the repeat is told so', async () => {
    const h = await start();
    await staff(h);
    const number = await paid(h, 'REF 4');
    const req = slashCommandBody({ text: `refund ${number} 5 goodwill`, userId: 'U0MANAGER' });
    await h.send(req.body);
    await h.settled();
    await h.send(req.body, { headers: { 'x-slack-retry-num': '1' } });
    await h.settled();
    const [first, again] = slack.sentTo(req.responseUrl);
    expect(first).toMatchObject({ response_type: 'in_channel' });
    expect(again).toMatchObject({ response_type: 'ephemeral' });
    expect(said(again)).toContain('already been handled');
    expect(await ticket(h, number)).toMatchObject({ refundedCents: 500 });
    expect(await h.audit('ticket.refund')).toHaveLength(1);
  });
});

describe('lost tickets', () => {
  it('`/park exit <plate> cash lost` prices it by the garage rule and the receipt says so', async () => {
    const h = await start();
    const number = await parked(h, 'LOST 1', 90);
    const reply = onlyReply((await h.command('exit lost 1 cash lost')).replies);
    expect(reply.response_type).toBe('in_channel');
    expect(said(reply)).toContain('Paid $45.00');
    for (const line of ['Lost ticket, priced by the stay plus the lost-ticket fee:', 'Regular rate: 2 h from 10:00 × $10.00: $20.00', 'Lost ticket: $25.00', 'Total: $45.00']) {
      expect(said(reply)).toContain(line);
    }
    expect(await ticket(h, number)).toMatchObject({ status: 'completed', amountPaid: 4500, lostTicket: true });
  });

  it("a manager's `/park waive` checks the car out charging only the stay", async () => {
    const h = await start();
    await staff(h);
    const number = await parked(h, 'LOST 2', 90);
    const reply = onlyReply((await h.command('waive LOST 2 debit', { userId: 'U0MANAGER' })).replies);
    expect(said(reply)).toContain('Paid $20.00');
    expect(said(reply)).toContain('the $25.00 lost-ticket fee was waived');
    expect(await ticket(h, number)).toMatchObject({ status: 'completed', amountPaid: 2000, paymentMethod: 'Debit Card' });
  });

  it("an attendant's waiver waits; approved from Slack, the car leaves at the time it was asked, charged only the stay", async () => {
    const h = await start();
    await staff(h);
    const number = await parked(h, 'LOST 3', 90);
    const asked = onlyReply((await h.command('waive LOST 3 cash', { userId: 'U0SAM' })).replies);
    expect(asked.text).toMatch(/^Asked a manager/);
    expect(await ticket(h, number)).toMatchObject({ status: 'active' });
    h.clock.advance(20 * 60_000); // the manager decides 20 minutes later: the stay is priced when it was asked
    const [approve] = buttonsOf(requestPosts()[0]!.args);
    await h.click(approve!.actionId, approve!.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' });
    expect(await ticket(h, number)).toMatchObject({ status: 'completed', amountPaid: 2000, durationMinutes: 90 });
  });
});

describe('/park approvals', () => {
  it('a manager sees the requests that wait, each with its buttons; a click there decides and refreshes the list', async () => {
    const h = await start();
    await staff(h);
    const one = await parked(h, 'WAIT 1', 10);
    const two = await parked(h, 'WAIT 2', 10);
    await h.command(`void ${one} duplicate`, { userId: 'U0SAM' });
    await h.command(`void ${two} test`, { userId: 'U0ATTEND' });
    const list = onlyReply((await h.command('approvals', { userId: 'U0MANAGER' })).replies);
    expect(list).toMatchObject({ response_type: 'ephemeral', text: '2 requests wait for a manager at Garage' });
    expect(said(list)).toContain(one);
    expect(said(list)).toContain(two);
    const buttons = buttonsOf(list);
    expect(buttons.map((b) => b.text)).toEqual(['Approve', 'Deny', 'Approve', 'Deny']);
    expect(JSON.parse(buttons[0]!.value)).toMatchObject({ list: true });
    // the newest first: WAIT 2's request; approve it from the list
    const refreshed = onlyReply((await h.click(buttons[0]!.actionId, buttons[0]!.value, { userId: 'U0MANAGER' })).replies);
    expect(refreshed).toMatchObject({ replace_original: true, text: '1 requests wait for a manager at Garage' });
    expect(said(refreshed)).toContain(`You approved request`);
    expect(said(refreshed)).not.toContain(`*${two}*`);
    expect(await ticket(h, two)).toMatchObject({ status: 'voided' });
    expect(await ticket(h, one)).toMatchObject({ status: 'active' });
  });

  it('attendants are told it is for managers; none waiting is said plainly', async () => {
    const h = await start();
    await staff(h);
    expect(onlyReply((await h.command('approvals', { userId: 'U0SAM' })).replies).text).toContain('Only managers can see and decide the requests that wait for a manager');
    expect(onlyReply((await h.command('approvals', { userId: 'U0MANAGER' })).replies).text).toBe('No requests wait for a manager at Garage.');
  });
});

describe("the channel's garage", () => {
  it("a void typed in a channel linked to South acts on South's ticket and goes to South's managers' channel", async () => {
    const h = await start();
    const south = await h.addGarage('South', { slackManagersChannel: 'C0SOUTHMGR' });
    await h.addUser('maria', 'manager', 'U0MANAGER', { garageIds: [h.deps.garageId, south.id] });
    await h.command('link South', { userId: 'U0MANAGER', channelId: 'C0SOUTHGATE' });
    const number = await parked(h, 'SOUTH 1', 10, 'C0SOUTHGATE');
    const reply = onlyReply((await h.command('void south 1 duplicate', { userId: 'U0ATTEND', channelId: 'C0SOUTHGATE' })).replies);
    expect(reply.text).toMatch(/^Asked a manager/);
    expect(said(reply)).toContain('Garage: *South*');
    expect(requestPosts().map((p) => p.args.channel)).toEqual(['C0SOUTHMGR']);
    expect(requestPosts()[0]!.args.text).toMatch(/^Approval needed at South: void of /);
    expect((await h.tickets(south.id)).find((t) => t.ticketNumber === number)).toMatchObject({ status: 'active' });
    // in the first garage's channel the plate is not parked
    expect(onlyReply((await h.command('void south 1 duplicate', { userId: 'U0ATTEND' })).replies).text).toBe('No ticket for plate SOUTH 1.');
  });
});
