import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { decideException, expireExceptions } from '../../api/corrections/use-cases.js';
import type { SlackHarness } from '../test/harness.js';
import { buttonsOf, onlyReply, said, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';
import { slashCommandBody } from '../test/slack-requests.js';

/**
 * Approval in Slack: a request that waits is posted to the garage's managers' channel with
 * Approve / Deny; only a linked manager of that garage decides, once; the message is replaced by
 * the decision, from whichever door it came, or by its expiry; a requester in Slack hears the outcome.
 */
const { slack, start } = slackSuite();

const calls = (method: string) => slack.apiCalls.filter((c) => c.method === method);
const requestPosts = () => calls('chat.postMessage').filter((c) => String(c.args.text).startsWith('Approval needed'));
const updates = () => calls('chat.update');
const dms = (user: string) => calls('chat.postMessage').filter((c) => c.args.channel === user);

/** What the request row says now. */
async function requestRow(h: SlackHarness, id: number) {
  const [row] = await h.db.sql<{ status: string; decidedBy: string | null; slackChannel: string | null; slackTs: string | null }[]>`
    select status, decided_by, slack_channel, slack_ts from exceptions where id = ${id}`;
  return row!;
}
const count = async (h: SlackHarness, query: 'refunds' | 'decisions', id: number) => {
  const [row] =
    query === 'refunds'
      ? await h.db.sql<{ n: number }[]>`select count(*)::int as n from refunds where exception_id = ${id}`
      : await h.db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action in ('exception.approve', 'exception.deny') and subject = ${String(id)}`;
  return row!.n;
};

/**
 * A garage (New York, 10:00) with maria (manager, U0MANAGER), sam (attendant, U0SAM) and a paid ticket
 * ($20.00, 90 min); U0ATTEND (no staff account: an attendant) asks from Slack for $5.00 back.
 * Gives the request's id and buttons, and the ticket.
 */
async function refundWaiting(h: SlackHarness) {
  await h.addUser('maria', 'manager', 'U0MANAGER');
  await h.addUser('sam', 'attendant', 'U0SAM');
  const ticket = ticketNumberIn(onlyReply((await h.command('enter ABC 123')).replies));
  h.clock.advance(90 * 60_000);
  await h.command(`exit ${ticket} cash`);
  const asked = onlyReply((await h.command(`refund ${ticket} 5.00 wrong rate billed 3 hours`, { userId: 'U0ATTEND' })).replies);
  const [post] = requestPosts();
  if (!post) throw new Error(`no request was posted; the requester was told ${said(asked)}`);
  const [approve, deny] = buttonsOf(post.args);
  const id = (JSON.parse(approve!.value) as { exceptionId: number }).exceptionId;
  return { id, ticket, asked, post, approve: approve!, deny: deny! };
}

describe('a request that waits for a manager, in the managers’ channel', () => {
  it('is posted with what it is, who asked, when it expires, the garage, and Approve / Deny; its channel and ts are saved', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    const { id, ticket, asked, post, approve, deny } = await refundWaiting(h);
    expect(asked).toMatchObject({ response_type: 'ephemeral', text: 'Asked a manager: waiting until 12:00' });
    expect(post.args.channel).toBe('C0MANAGERS');
    expect(post.args.text).toBe(`Approval needed at Garage: refund of ${ticket} (ABC 123), $5.00 — asked by Slack user U0ATTEND, expires Mon 23 Nov 12:00`);
    for (const part of ['Approval needed — Garage', '*Refund* of', ticket, 'ABC 123', '$5.00 back to the driver', 'Wrong rate', 'billed 3 hours', '<@U0ATTEND>', 'Mon 23 Nov 11:30', '*Expires*\\nMon 23 Nov 12:00', `#${id}`]) {
      expect(said(post.args.blocks)).toContain(part);
    }
    expect([approve.text, deny.text]).toEqual(['Approve', 'Deny']);
    expect(JSON.parse(approve.value)).toEqual({ exceptionId: id, garageId: h.deps.garageId });
    expect(await requestRow(h, id)).toMatchObject({ status: 'pending', slackChannel: 'C0MANAGERS', slackTs: expect.stringMatching(/^\d+\.\d+$/) });
  });

  it("a manager's Approve carries it out once, replaces the message by who decided what and when, and tells the requester", async () => {
    const h = await start();
    const { id, ticket, approve } = await refundWaiting(h);
    h.clock.advance(5 * 60_000);
    const { res, replies } = await h.click(approve.actionId, approve.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' });
    expect(res.status).toBe(200);
    const replaced = onlyReply(replies);
    expect(replaced).toMatchObject({ replace_original: true, text: `Approved by maria at Mon 23 Nov 11:35: refund of ${ticket} (ABC 123), $5.00 — Garage` });
    expect(buttonsOf(replaced)).toEqual([]);
    expect(await requestRow(h, id)).toMatchObject({ status: 'approved', decidedBy: 'slack:U0MANAGER' });
    expect(await count(h, 'refunds', id)).toBe(1);
    expect((await h.tickets()).find((t) => t.ticketNumber === ticket)).toMatchObject({ refundedCents: 500 });
    const { slackTs } = await requestRow(h, id);
    expect(updates()).toEqual([{ method: 'chat.update', args: expect.objectContaining({ channel: 'C0MANAGERS', ts: slackTs, text: replaced.text }) }]);
    const updated = updates()[0]!.args;
    expect(said(updated.blocks)).toContain(':white_check_mark: *Approved* by <@U0MANAGER> at Mon 23 Nov 11:35');
    expect(said(updated.blocks)).toContain('Carried out: $5.00 refunded.');
    expect(buttonsOf(updated)).toEqual([]);
    expect(dms('U0ATTEND')).toHaveLength(1);
    expect(dms('U0ATTEND')[0]!.args.text).toBe(`Your request at Garage: refund of ${ticket} (ABC 123), $5.00 — Approved by maria at Mon 23 Nov 11:35`);
    expect(await h.audit('exception.approve')).toEqual([expect.objectContaining({ actor: 'slack:U0MANAGER', source: 'slack', subject: String(id) })]);
  });

  it("Deny records the decision and changes nothing on the ticket", async () => {
    const h = await start();
    const { id, ticket, deny } = await refundWaiting(h);
    const replaced = onlyReply((await h.click(deny.actionId, deny.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' })).replies);
    expect(replaced.text).toMatch(/^Denied by maria at /);
    expect(said(updates()[0]!.args.blocks)).toContain('Nothing was changed.');
    expect(await requestRow(h, id)).toMatchObject({ status: 'denied' });
    expect(await count(h, 'refunds', id)).toBe(0);
    expect((await h.tickets()).find((t) => t.ticketNumber === ticket)).toMatchObject({ refundedCents: 0 });
  });

  it.each([
    ['an attendant’s account', 'U0SAM', 'Sorry — only managers can approve or deny requests; your ParkOps account (sam) is an attendant. Your click changed nothing.'],
    ['a Slack user with no staff account', 'U0NOBODY', 'Sorry — only managers can approve or deny requests, and your Slack account (U0NOBODY) is not linked to a ParkOps staff account.'],
    ['a manager of another garage', 'U0SOUTH', "Sorry — your ParkOps account (sol) may not use this request's garage, so it cannot decide it. Your click changed nothing."],
  ])('a click by %s is refused politely, only to them, and nothing changes', async (_who, userId, message) => {
    const h = await start();
    const south = await h.addGarage('South');
    await h.addUser('sol', 'manager', 'U0SOUTH', { garageIds: [south.id] });
    const { id, approve } = await refundWaiting(h);
    const reply = onlyReply((await h.click(approve.actionId, approve.value, { userId, channelId: 'C0MANAGERS' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toContain(message);
    expect(await requestRow(h, id)).toMatchObject({ status: 'pending', decidedBy: null });
    expect(updates()).toEqual([]);
    expect(await count(h, 'refunds', id)).toBe(0);
    expect(await count(h, 'decisions', id)).toBe(0);
  });

  it('a click on an expired request says so, only to the clicker; the message shows it expired, nobody decided', async () => {
    const h = await start();
    const { id, approve } = await refundWaiting(h);
    h.clock.advance(31 * 60_000); // the default 30 minutes have passed; housekeeping has not run yet
    const replies = (await h.click(approve.actionId, approve.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' })).replies;
    expect(replies).toHaveLength(2);
    const [state, notice] = replies;
    expect(state).toMatchObject({ replace_original: true });
    expect(said(state)).toContain('*Expired* at Mon 23 Nov 12:00, nobody decided');
    expect(notice).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'This request expired at 12:00; nobody decided, and nothing changed.' });
    expect(await requestRow(h, id)).toMatchObject({ status: 'expired', decidedBy: 'system' });
    expect(updates()).toHaveLength(1);
    expect(updates()[0]!.args.text).toMatch(/^Expired at Mon 23 Nov 12:00, nobody decided/);
    expect(dms('U0ATTEND')[0]!.args.text).toContain('Expired at Mon 23 Nov 12:00, nobody decided');
    expect(await count(h, 'refunds', id)).toBe(0);
  });

  it('expired by housekeeping: the message is replaced and its buttons then only say so', async () => {
    const h = await start();
    const { id, approve } = await refundWaiting(h);
    h.clock.advance(45 * 60_000);
    expect(await expireExceptions(h.deps)).toBe(1);
    await h.settled();
    expect(updates()).toHaveLength(1);
    expect(said(updates()[0]!.args.blocks)).toContain('nobody decided');
    const replies = (await h.click(approve.actionId, approve.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' })).replies;
    expect(replies[1]).toMatchObject({ text: 'This request expired at 12:00; nobody decided, and nothing changed.' });
    expect(updates()).toHaveLength(1); // the decision was told to Slack once
    expect(await requestRow(h, id)).toMatchObject({ status: 'expired' });
  });

  it('decided in the app: the Slack message is replaced, and a later click says who decided what, when', async () => {
    const h = await start();
    await h.addUser('lee', 'manager', 'U0LEE');
    const { id, approve } = await refundWaiting(h);
    h.clock.advance(2 * 60_000);
    const denied = await h.apiSend('POST', `/api/exceptions/${id}/deny`, 'maria', { note: 'The rate was right' });
    expect(denied.status).toBe(200);
    expect(updates()).toHaveLength(1);
    expect(updates()[0]!.args.text).toMatch(/^Denied by maria at Mon 23 Nov 11:32/);
    expect(said(updates()[0]!.args.blocks)).toContain('The rate was right');
    expect(dms('U0ATTEND')[0]!.args.text).toContain('Denied by maria');
    const replies = (await h.click(approve.actionId, approve.value, { userId: 'U0LEE', channelId: 'C0MANAGERS' })).replies;
    expect(replies.map((r) => r.replace_original)).toEqual([true, false]);
    expect(replies[1]!.text).toBe('Already denied by maria at 11:32; your click changed nothing.');
    expect(await requestRow(h, id)).toMatchObject({ status: 'denied', decidedBy: expect.stringMatching(/^user:/) });
    expect(await count(h, 'refunds', id)).toBe(0);
    expect(updates()).toHaveLength(1);
  });

  it('an approval that can no longer be carried out (the car left meanwhile) is refused with the reason; the request still waits', async () => {
    const h = await start();
    await h.addUser('maria', 'manager', 'U0MANAGER');
    const ticket = ticketNumberIn(onlyReply((await h.command('enter GONE 1')).replies));
    await h.command(`void ${ticket} duplicate`, { userId: 'U0ATTEND' });
    const [approve] = buttonsOf(requestPosts()[0]!.args);
    const id = (JSON.parse(approve!.value) as { exceptionId: number }).exceptionId;
    await h.command(`exit ${ticket} cash`);
    const reply = onlyReply((await h.click(approve!.actionId, approve!.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' })).replies);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toMatch(new RegExp(`^Sorry — ticket ${ticket} is paid at .*: only a car still inside can be voided\\. The request still waits; deny it if it no longer applies\\.`));
    expect(await requestRow(h, id)).toMatchObject({ status: 'pending' });
    expect(updates()).toEqual([]);
  });

  it('two managers clicking at once, twice each: one decision, one audit row, one refund', async () => {
    const h = await start();
    await h.addUser('lee', 'manager', 'U0LEE');
    const { id, approve, deny } = await refundWaiting(h);
    const clicks = await Promise.all([
      h.click(approve.actionId, approve.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' }),
      h.click(deny.actionId, deny.value, { userId: 'U0LEE', channelId: 'C0MANAGERS' }),
      h.click(approve.actionId, approve.value, { userId: 'U0MANAGER', channelId: 'C0MANAGERS' }),
      h.click(deny.actionId, deny.value, { userId: 'U0LEE', channelId: 'C0MANAGERS' }),
    ]);
    await h.settled();
    const row = await requestRow(h, id);
    expect(['approved', 'denied']).toContain(row.status);
    expect(await count(h, 'decisions', id)).toBe(1);
    expect(await count(h, 'refunds', id)).toBe(row.status === 'approved' ? 1 : 0);
    const notices = clicks.flatMap((c) => c.replies).filter((r) => String(r.text).startsWith('Already'));
    expect(notices).toHaveLength(3);
    expect(updates()).toHaveLength(1);
    expect(dms('U0ATTEND')).toHaveLength(1);
  });

  it('decided before its message was saved (the post still on its way): the message still ends up showing the decision', async () => {
    const h = await start();
    const maria = await h.addUser('maria', 'manager', 'U0MANAGER');
    const ticket = ticketNumberIn(onlyReply((await h.command('enter SLOW 1')).replies));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    slack.server.use(
      http.post('https://slack.com/api/chat.postMessage', async ({ request }) => {
        const args = Object.fromEntries(new URLSearchParams(await request.text()));
        slack.apiCalls.push({ method: 'chat.postMessage', args });
        await released; // Slack is slow to answer
        return HttpResponse.json({ ok: true, channel: args.channel, ts: '1700000999.000100' });
      }),
    );
    const req = slashCommandBody({ text: `void ${ticket} duplicate`, userId: 'U0ATTEND' });
    await h.send(req.body);
    await h.slack.receiver!.settled(); // the command is answered; its alert waits for Slack
    const [waiting] = await h.db.sql<{ id: number }[]>`select id from exceptions where status = 'pending'`;
    await decideException(h.deps, waiting!.id, { approve: false, note: null }, { by: { actor: `user:${maria.id}`, source: 'api' }, garageIds: maria.garageIds });
    release();
    await h.settled();
    expect(await requestRow(h, waiting!.id)).toMatchObject({ status: 'denied', slackTs: '1700000999.000100' });
    expect(updates()).toEqual([{ method: 'chat.update', args: expect.objectContaining({ channel: 'C0MANAGERS', ts: '1700000999.000100', text: expect.stringMatching(/^Denied by maria/) }) }]);
  });
});
