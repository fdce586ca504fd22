import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { LoginAnswer } from '../../shared/auth.js';
import { refusedCashExit } from '../../api/test/discards.js';
import { capturedLog } from '../test/captured-log.js';
import type { SlackHarness } from '../test/harness.js';
import { slackSuite } from '../test/slack-suite.js';

const { slack, start } = slackSuite();

/** Signs `username` in through the API, as the phone does; the token. */
async function signIn(h: SlackHarness, username: string): Promise<string> {
  const login = await h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'correct horse battery' }),
  });
  return LoginAnswer.parse(await login.json()).token;
}

/** Reports a discarded outbox item as the phone does (in the user's default garage, or under `path`), and waits for the alerts it set off. */
async function report(h: SlackHarness, token: string, over: Record<string, unknown> = {}, path = '/api/discards') {
  const res = await h.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(refusedCashExit('item-1', { happenedAt: '2026-11-23T14:40:00.000Z', ...over })),
  });
  await h.slack.alerts?.settled();
  return res;
}

/** Signs `username` in and reports one item. */
const discard = async (h: SlackHarness, username: string, over: Record<string, unknown> = {}) => report(h, await signIn(h, username), over);

const posts = () => slack.apiCalls.filter((c) => c.method === 'chat.postMessage');

describe("the managers' channel hears about money to account for", () => {
  it('a paid exit discarded on a phone is posted once to the managers, in the garage time, with the amount and who', async () => {
    const h = await start({ timezone: 'America/New_York' });
    await h.addUser('ana', 'attendant');
    expect((await discard(h, 'ana')).status).toBe(201);
    expect(posts()).toHaveLength(1);
    const [post] = posts();
    expect(post!.args.channel).toBe('C0MANAGERS');
    expect(post!.args.text).toBe('Payment to resolve at Garage: $60.00 (Cash) taken by ana for OFF-3F9A1C · ABC 123 could not be recorded');
    expect(JSON.stringify(post!.args.blocks)).toContain('9:40'); // 14:40 UTC is 9:40 in New York
    // the same item reported again is the same record: no second post
    expect((await discard(h, 'ana')).headers.get('idempotent-replayed')).toBe('true');
    expect(posts()).toHaveLength(1);
  });

  it('reported ten times at once, the payment is posted once', async () => {
    const h = await start();
    await h.addUser('dee', 'attendant');
    const token = await signIn(h, 'dee');
    const answers = await Promise.all(Array.from({ length: 10 }, () => report(h, token, { key: 'burst-1' })));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    await h.slack.alerts?.settled();
    expect(posts()).toHaveLength(1);
  });

  it('a discarded entry (no money taken) is recorded without a post', async () => {
    const h = await start();
    await h.addUser('ben', 'attendant');
    expect((await discard(h, 'ben', { kind: 'entry', paymentMethod: null, amountCents: null, key: 'entry-1' })).status).toBe(201);
    expect(posts()).toHaveLength(0);
  });

  it('Slack refusing the post: the record is kept and the failure logged with what it was about', async () => {
    const { log, lines } = capturedLog();
    const h = await start({ log });
    await h.addUser('cyd', 'attendant');
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'channel_not_found' })));
    const res = await discard(h, 'cyd');
    expect(res.status).toBe(201);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'slack alert could not be posted', alert: 'payment_needs_manager', channel: 'C0MANAGERS' }));
  });
});

describe("each garage's managers hear about their own garage", () => {
  it("a paid exit discarded in a garage with its own managers' channel goes there, naming the garage; another garage's goes to SLACK_SUMMARY_CHANNEL", async () => {
    const h = await start({ timezone: 'America/New_York' });
    const south = (await h.addGarage('South', { timezone: 'America/Chicago', slackManagersChannel: 'C0SOUTHMGR' })).id;
    await h.addUser('ana', 'attendant', null, { garageIds: [h.deps.garageId, south] });
    const token = await signIn(h, 'ana');
    expect((await report(h, token, { key: 'south-1' }, `/api/garages/${south}/discards`)).status).toBe(201);
    expect((await report(h, token, { key: 'first-1' })).status).toBe(201);
    expect(posts().map((p) => [p.args.channel, p.args.text])).toEqual([
      ['C0SOUTHMGR', 'Payment to resolve at South: $60.00 (Cash) taken by ana for OFF-3F9A1C · ABC 123 could not be recorded'],
      ['C0MANAGERS', 'Payment to resolve at Garage: $60.00 (Cash) taken by ana for OFF-3F9A1C · ABC 123 could not be recorded'],
    ]);
    expect(JSON.stringify(posts()[0]!.args.blocks)).toContain('8:40'); // 14:40 UTC in Chicago: South's own timezone
  });

  it("without SLACK_SUMMARY_CHANNEL: a garage with its own channel is alerted, one without is not, and the log says why", async () => {
    const { log, lines } = capturedLog();
    const h = await start({ log, config: { SLACK_SUMMARY_CHANNEL: undefined } });
    const south = (await h.addGarage('South', { slackManagersChannel: 'C0SOUTHMGR' })).id;
    await h.addUser('ana', 'attendant', null, { garageIds: [h.deps.garageId, south] });
    const token = await signIn(h, 'ana');
    expect((await report(h, token, { key: 'first-1' })).status).toBe(201);
    expect((await report(h, token, { key: 'south-1' }, `/api/garages/${south}/discards`)).status).toBe(201);
    expect(posts().map((p) => p.args.channel)).toEqual(['C0SOUTHMGR']);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "slack alert not posted: the garage has no managers' channel and SLACK_SUMMARY_CHANNEL is not set", garageId: h.deps.garageId }),
    );
  });
});

describe('requests for a manager, asked in the app', () => {
  /** A paid ticket in the first garage and an attendant's refund request for it through the API (the phone's way): the request. */
  async function refundAskedInTheApp(h: SlackHarness) {
    await h.addUser('ana', 'attendant');
    await h.addUser('maria', 'manager', 'U0MANAGER');
    const token = await signIn(h, 'ana');
    const call = (method: string, path: string, body: unknown) =>
      h.app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ticket = (await (await call('POST', '/api/tickets', { licensePlate: 'APP 1' })).json()) as { ticketNumber: string };
    h.clock.advance(60 * 60_000);
    await call('PUT', `/api/tickets/${ticket.ticketNumber}/exit`, { paymentMethod: 'Cash' });
    const asked = await call('POST', `/api/tickets/${ticket.ticketNumber}/refunds`, { amountCents: 300, reason: 'goodwill' });
    expect(asked.status).toBe(202);
    await h.slack.alerts?.settled();
    return ((await asked.json()) as { exception: { id: number } }).exception;
  }

  it("are posted to the managers' channel with Approve / Deny, named by the asker's username; decided, the message is replaced and nobody is sent a DM", async () => {
    const h = await start();
    const request = await refundAskedInTheApp(h);
    const [post] = posts();
    expect(post!.args).toMatchObject({ channel: 'C0MANAGERS', text: expect.stringMatching(/^Approval needed at Garage: refund of PS-\w+ \(APP 1\), \$3\.00 — asked by ana, expires /) });
    expect(JSON.stringify(post!.args.blocks)).toContain('exception_approve');
    const decided = await h.apiSend('POST', `/api/exceptions/${request.id}/approve`, 'maria');
    expect(decided.status).toBe(200);
    const updates = slack.apiCalls.filter((c) => c.method === 'chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args.text).toMatch(/^Approved by maria at /);
    expect(posts()).toHaveLength(1); // no direct message: ana asked in the app, where she sees the outcome
  });

  it("a garage with no managers' channel: not posted, and the log says why; deciding it still works", async () => {
    const { log, lines } = capturedLog();
    const h = await start({ log, config: { SLACK_SUMMARY_CHANNEL: undefined } });
    const request = await refundAskedInTheApp(h);
    expect(posts()).toHaveLength(0);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "slack alert not posted: the garage has no managers' channel and SLACK_SUMMARY_CHANNEL is not set", alert: 'exception_requested' }));
    expect((await h.apiSend('POST', `/api/exceptions/${request.id}/deny`, 'maria')).status).toBe(200);
    expect(slack.apiCalls.filter((c) => c.method === 'chat.update')).toHaveLength(0);
  });

  it('Slack refusing the post: the request still waits in the app, and the failure is logged with what it was about', async () => {
    const { log, lines } = capturedLog();
    const h = await start({ log });
    slack.server.use(http.post('https://slack.com/api/chat.postMessage', () => HttpResponse.json({ ok: false, error: 'not_in_channel' })));
    const request = await refundAskedInTheApp(h);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'slack alert could not be posted', alert: 'exception_requested', subject: String(request.id), channel: 'C0MANAGERS' }));
    const [row] = await h.db.sql<{ status: string; slackTs: string | null }[]>`select status, slack_ts from exceptions where id = ${request.id}`;
    expect(row).toEqual({ status: 'pending', slackTs: null });
  });
});

