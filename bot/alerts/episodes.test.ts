import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../api/alert-episodes/evaluate.js';
import { createSummaryClient, createSummaryPoster } from '../summary/post.js';
import { runDailySummary } from '../summary/run.js';
import { capturedLog } from '../test/captured-log.js';
import type { SlackHarness } from '../test/harness.js';
import { onlyReply, ticketNumberIn } from '../test/replies.js';
import { slackSuite } from '../test/slack-suite.js';

/**
 * Alert episodes in Slack: each posted once, in words, to its garage's managers' channel; the
 * message's channel and ts saved; its end written over it ("Ended at …"), or posted when it has none.
 */
const { slack, start } = slackSuite();

const calls = (method: string) => slack.apiCalls.filter((c) => c.method === method);
/** The minute's check, as housekeeping runs it, and the Slack work it set off. */
const check = async (h: SlackHarness) => {
  const done = await checkAlerts({ sql: h.db.sql, now: h.clock.now, alerts: h.deps.alerts });
  await h.settled();
  return done;
};
/** Fills `n` spaces from Slack; the ticket numbers. */
const park = async (h: SlackHarness, n: number, from = 0) => {
  const tickets: string[] = [];
  for (let i = 0; i < n; i++) tickets.push(ticketNumberIn(onlyReply((await h.command(`enter AL ${from + i}`)).replies)));
  return tickets;
};
const savedMessage = async (h: SlackHarness, kind: string) => {
  const [row] = await h.db.sql<{ channel: string | null; messageTs: string | null }[]>`select channel, message_ts from alert_episodes where kind = ${kind}`;
  return row;
};

describe('alert episodes in the managers’ channel', () => {
  it('a garage at 95% is posted once, in words and garage time; its ts is saved; its end replaces it', async () => {
    const h = await start({ totalSpaces: 20, timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    const tickets = await park(h, 19);
    await check(h);
    await check(h);
    expect(calls('chat.postMessage').map((c) => [c.args.channel, c.args.text])).toEqual([['C0MANAGERS', 'Garage is 95% full — 19 of 20 spaces taken']]);
    expect(JSON.stringify(calls('chat.postMessage')[0]!.args.blocks)).toContain('Since Mon 23 Nov 10:00');
    const saved = await savedMessage(h, 'occupancy_high');
    expect(saved).toEqual({ channel: 'C0MANAGERS', messageTs: expect.stringMatching(/^\d+\.\d+$/) });

    h.clock.advance(42 * 60_000);
    for (const t of tickets.slice(0, 2)) await h.command(`exit ${t} cash`);
    await check(h);
    expect(calls('chat.update').map((c) => [c.args.channel, c.args.ts, c.args.text])).toEqual([['C0MANAGERS', saved!.messageTs, 'Ended at 10:42: Garage is below 90% again']]);
    expect(calls('chat.postMessage')).toHaveLength(1);
  });

  it('a garage with its own managers’ channel: its alerts go there, named by it', async () => {
    const h = await start();
    const south = await h.addGarage('South', { totalSpaces: 1, timezone: 'America/Chicago', slackManagersChannel: 'C0SOUTHMGR' });
    await h.addUser('ana', 'attendant', 'U0ANA', { garageIds: [south.id], defaultGarageId: south.id });
    await h.command('enter SOU 1', { userId: 'U0ANA' });
    await check(h);
    expect(calls('chat.postMessage').map((c) => [c.args.channel, c.args.text]).sort()).toEqual([
      ['C0SOUTHMGR', 'South is 100% full — 1 of 1 spaces taken'],
      ['C0SOUTHMGR', 'South is full (1 of 1)'],
    ]);
  });

  it('an end with no message saved (its post failed) is posted on its own; the failure was logged with what it was about', async () => {
    const { log, lines } = capturedLog();
    const h = await start({ totalSpaces: 1, log, start: '2026-11-23T15:00:00.000Z' });
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'channel_not_found' }), { once: true }));
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'channel_not_found' }), { once: true }));
    const [ticket] = await park(h, 1);
    await check(h);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'slack alert could not be posted', alert: 'alert_raised', channel: 'C0MANAGERS' }));
    h.clock.advance(5 * 60_000);
    await h.command(`exit ${ticket} cash`);
    await check(h);
    expect(calls('chat.update')).toEqual([]);
    expect(calls('chat.postMessage').map((c) => c.args.text).sort()).toEqual(['Ended at 10:05: Garage has spaces free again (below 95%)', 'Ended at 10:05: Garage is below 90% again']);
  });

  it('a muted kind is neither posted nor ended in Slack', async () => {
    const h = await start({ totalSpaces: 1 });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await h.command('alerts mute full', { userId: 'U0MANAGER' });
    const [ticket] = await park(h, 1);
    await check(h);
    expect(calls('chat.postMessage').map((c) => c.args.text)).toEqual(['Garage is 100% full — 1 of 1 spaces taken']);
    await h.command(`exit ${ticket} cash`);
    expect((await check(h)).cleared.map((e) => e.kind).sort()).toEqual(['garage_full', 'occupancy_high']);
    expect(calls('chat.update').map((c) => c.args.text)).toEqual(['Ended at 10:00: Garage is below 90% again']);
    expect(calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('a daily summary not posted, and a public feed that stopped changing', () => {
  /** A summary poster as production builds it (through msw), without retries. */
  const poster = () => createSummaryPoster(createSummaryClient('xoxb-test-token', { retry: { retries: 0 } }));

  it('a summary Slack refused is an alert an hour after it became due, posted once; posting the summary ends it on the same message', async () => {
    const h = await start({ start: '2026-11-24T12:00:00.000Z' }); // 07:00 in New York: the 23rd is due
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'channel_not_found' }), { once: true }));
    expect(await runDailySummary({ deps: h.deps, day: '2026-11-23', channel: 'C0MANAGERS', post: poster() })).toBe('failed');
    h.clock.advance(59 * 60_000);
    await check(h);
    expect(calls('chat.postMessage')).toEqual([]);
    h.clock.advance(2 * 60_000);
    await check(h);
    await check(h);
    const text = 'The daily summary of Mon 23 Nov 2026 for Garage has not been posted for over an hour (1 attempt; last error: An API error occurred: channel_not_found)';
    expect(calls('chat.postMessage').map((c) => [c.args.channel, c.args.text])).toEqual([['C0MANAGERS', text]]);
    expect(JSON.stringify(calls('chat.postMessage')[0]!.args.blocks)).toContain('/park alerts mute summary');
    const saved = await savedMessage(h, 'summary_unposted');

    expect(await runDailySummary({ deps: h.deps, day: '2026-11-23', channel: 'C0MANAGERS', post: poster() })).toBe('posted');
    await check(h);
    await check(h);
    expect(calls('chat.update').map((c) => [c.args.ts, c.args.text])).toEqual([[saved!.messageTs, "Ended at 08:01: Garage's daily summary is posted again"]]);
    expect(calls('chat.postMessage')).toHaveLength(2); // the alert, then the summary itself
  });

  it('a published garage whose cars inside have not changed for 6 hours: posted once; a car leaving ends it', async () => {
    const h = await start({ start: '2026-11-24T12:00:00.000Z' });
    await h.addUser('root', 'admin');
    expect((await h.apiSend('PATCH', `/api/garages/${h.deps.garageId}`, 'root', { publicFeed: true })).status).toBe(200);
    const [ticket] = await park(h, 1);
    h.clock.advance((5 * 60 + 59) * 60_000);
    await check(h);
    expect(calls('chat.postMessage')).toEqual([]);
    h.clock.advance(2 * 60_000);
    await check(h);
    await check(h);
    expect(calls('chat.postMessage').map((c) => c.args.text)).toEqual(["Garage's occupancy in the public feed has not changed for over 6 h (1 of 140 since Tue 24 Nov 07:00)"]);
    await h.command(`exit ${ticket} cash`);
    await check(h);
    expect(calls('chat.update').map((c) => c.args.text)).toEqual(["Ended at 13:01: Garage's occupancy has changed again (or it left the public feed)"]);
  });

  it('`/park alerts mute summary_unposted` and `mute feed` mute them for the garage: recorded, not posted', async () => {
    const h = await start({ start: '2026-11-24T12:00:00.000Z' });
    await h.addUser('maria', 'manager', 'U0MANAGER');
    await h.addUser('root', 'admin');
    const muted = await h.command('alerts mute summary_unposted', { userId: 'U0MANAGER' });
    expect(JSON.stringify(muted.replies)).toContain('daily summary not posted (`summary`)');
    await h.command('alerts mute feed', { userId: 'U0MANAGER' });
    await h.apiSend('PATCH', `/api/garages/${h.deps.garageId}`, 'root', { publicFeed: true });
    await park(h, 1);
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'not_in_channel' }), { once: true }));
    expect(await runDailySummary({ deps: h.deps, day: '2026-11-23', channel: 'C0MANAGERS', post: poster() })).toBe('failed');
    h.clock.advance(7 * 60 * 60_000);
    expect((await check(h)).opened.map((e) => [e.kind, e.muted])).toEqual([['summary_unposted', true], ['feed_stale', true]]);
    expect(calls('chat.postMessage')).toEqual([]);
  });
});

describe('a shift that needs a manager (cash_variance)', () => {
  /** `sam` opens a $100.00 shift through the API (the phone's way), takes $30.00 cash and closes counting `declared` cents: the shift id. */
  async function shiftClosedWith(h: SlackHarness, declared: number): Promise<number> {
    const opened = (await h.apiSend('POST', '/api/shifts', 'sam', { openingFloatCents: 10_000 })).json as { id: number };
    const car = (await h.apiSend('POST', '/api/tickets', 'sam', { licensePlate: 'CASH 1' })).json as { ticketNumber: string };
    h.clock.advance(150 * 60_000);
    expect((await h.apiSend('PUT', `/api/tickets/${car.ticketNumber}/exit`, 'sam', { paymentMethod: 'Cash' })).status).toBe(200);
    h.clock.advance(5 * 60_000);
    expect((await h.apiSend('POST', `/api/shifts/${opened.id}/close`, 'sam', { declaredCashCents: declared })).status).toBe(200);
    return opened.id;
  }
  /** The minute's check on three replicas at once. */
  const checkOnThree = async (h: SlackHarness) => {
    await Promise.all([0, 1, 2].map(() => checkAlerts({ sql: h.db.sql, now: h.clock.now, alerts: h.deps.alerts })));
    await h.settled();
  };

  it('a close $10.00 short is posted once at the close, with its figures; the checks of three replicas post nothing more; reconciling rewrites it', async () => {
    const h = await start({ timezone: 'America/New_York', start: '2026-11-23T15:00:00.000Z' });
    await h.addUser('sam', 'attendant');
    await h.addUser('maria', 'manager', 'U0MANAGER');
    const id = await shiftClosedWith(h, 12_000); // $130.00 expected
    const text = `Cash variance: Short $10.00 at Garage: sam's shift #${id} (counted $120.00, expected $130.00)`;
    expect(calls('chat.postMessage').map((c) => [c.args.channel, c.args.text])).toEqual([['C0MANAGERS', text]]);
    const blocks = JSON.stringify(calls('chat.postMessage')[0]!.args.blocks);
    expect(blocks).toContain('*Voids · refunds · lost tickets*\\n0 · 0 · 0');
    expect(blocks).toContain('*Cash taken*\\n$30.00');
    expect(blocks).toContain('*Closed*\\nMon 23 Nov 12:35'); // 17:35 UTC in New York
    expect(blocks).toContain('/park alerts mute cash');
    await checkOnThree(h);
    h.clock.advance(60_000);
    await checkOnThree(h);
    expect(calls('chat.postMessage')).toHaveLength(1);
    const saved = await savedMessage(h, 'cash_variance');
    expect(saved).toEqual({ channel: 'C0MANAGERS', messageTs: expect.stringMatching(/^\d+\.\d+$/) });

    h.clock.advance(20 * 60_000);
    expect((await h.apiSend('POST', `/api/shifts/${id}/reconcile`, 'maria', { note: 'A $10 note under the till' })).status).toBe(200);
    expect(calls('chat.update').map((c) => [c.args.channel, c.args.ts, c.args.text])).toEqual([['C0MANAGERS', saved!.messageTs, `Ended at 12:56: sam's shift #${id} at Garage has been reconciled`]]);
    await checkOnThree(h);
    expect(calls('chat.update')).toHaveLength(1);
    expect(calls('chat.postMessage')).toHaveLength(1);
  });

  it('a close within the threshold is not posted, at the close or by the checks', async () => {
    const h = await start();
    await h.addUser('sam', 'attendant');
    await shiftClosedWith(h, 12_800); // short $2.00: within $5.00
    await checkOnThree(h);
    expect(calls('chat.postMessage')).toEqual([]);
  });

  it('`/park alerts mute cash`: a short close is recorded, neither posted nor rewritten', async () => {
    const h = await start();
    await h.addUser('sam', 'attendant');
    await h.addUser('maria', 'manager', 'U0MANAGER');
    const muted = await h.command('alerts mute cash', { userId: 'U0MANAGER' });
    expect(JSON.stringify(muted.replies)).toContain('cash variance or unclosed shift (`cash`)');
    const id = await shiftClosedWith(h, 0);
    await checkOnThree(h);
    expect(calls('chat.postMessage')).toEqual([]);
    const view = (await h.apiSend('GET', `/api/garages/${h.deps.garageId}/alerts`, 'maria')).json as { open: { kind: string; subject: string; muted: boolean }[] };
    expect(view.open).toEqual([expect.objectContaining({ kind: 'cash_variance', subject: String(id), muted: true })]);
    await h.apiSend('POST', `/api/shifts/${id}/reconcile`, 'maria', { note: 'Drawer left in the safe' });
    expect(calls('chat.update')).toEqual([]);
    expect(calls('chat.postMessage')).toEqual([]);
  });
});
