import { beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import type { SlackHarness } from './test/harness.js';
import { slackSuite } from './test/slack-suite.js';
import { buttonClickBody, signedRequest, slashCommandBody } from './test/slack-requests.js';
import { capturedLog } from './test/captured-log.js';
import { createApp } from '../api/app.js';
import { OTHER_WORKSPACE_MESSAGE } from './team.js';
import { INTERNAL_ERROR_MESSAGE } from './blocks/error.js';
import { createSlack } from './create-slack.js';

const { slack, start } = slackSuite();
let h: SlackHarness;

beforeEach(async () => {
  h = await start();
});

const text = (reply: Record<string, unknown> | undefined) => JSON.stringify(reply ?? {});

describe('POST /slack/events: signature', () => {
  it('answers a correctly signed command', async () => {
    const { res, replies } = await h.command('help');
    expect(res.status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(text(replies[0])).toContain('/park enter');
  });

  it('refuses a body signed with another secret (401) and does nothing', async () => {
    const { body } = slashCommandBody({ text: 'enter FORGED1' });
    const res = await h.send(body, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await h.settled();
    expect(slack.responses).toHaveLength(0);
    expect(await h.tickets()).toEqual([]);
  });

  it('refuses a body changed after signing (401)', async () => {
    const { body } = slashCommandBody({ text: 'enter ABC123' });
    const signed = signedRequest(body, { timestamp: h.clock.seconds() });
    const res = await h.app.request('/slack/events', { ...signed, body: body.replace('ABC123', 'XYZ999') });
    expect(res.status).toBe(401);
  });

  it('refuses missing signature headers (401)', async () => {
    const { body } = slashCommandBody({ text: 'help' });
    const res = await h.app.request('/slack/events', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(401);
  });

  it.each([
    ['stale: 5 min 1 s old', -301, 401],
    ['future: 5 min 1 s ahead', 301, 401],
    ['just inside: 5 min old', -300, 200],
    ['just inside: 5 min ahead', 300, 200],
  ])('timestamp %s -> %i', async (_name, offset, status) => {
    const { body } = slashCommandBody({ text: 'help' });
    const res = await h.send(body, { timestamp: h.clock.seconds() + offset });
    expect(res.status).toBe(status);
    await h.settled();
  });

  it('refuses a body over 64 KB with 413 before reading it', async () => {
    const { body } = slashCommandBody({ text: 'x'.repeat(70 * 1024) });
    const res = await h.send(body);
    expect(res.status).toBe(413);
  });

  it('answers 400 to a signed but unreadable interactive payload', async () => {
    const res = await h.send(new URLSearchParams({ payload: '{not json' }).toString());
    expect(res.status).toBe(400);
  });

  it('answers Slack\'s ssl_check', async () => {
    const res = await h.send(new URLSearchParams({ ssl_check: '1', token: 'x' }).toString());
    expect(res.status).toBe(200);
  });
});

describe('POST /slack/events: workspace and help', () => {
  it('refuses a command from another workspace, in its ack, and runs nothing', async () => {
    const { res, replies } = await h.command('enter OTHER1', { teamId: 'T0ELSEWHERE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: OTHER_WORKSPACE_MESSAGE });
    expect(replies).toHaveLength(0);
    expect(await h.tickets()).toEqual([]);
  });

  it('refuses a button click from another workspace', async () => {
    const { body, responseUrl } = buttonClickBody({ actionId: 'pay_cash', value: '{}', teamId: 'T0ELSEWHERE' });
    const res = await h.send(body);
    await h.settled();
    expect(res.status).toBe(200);
    expect(slack.sentTo(responseUrl)).toHaveLength(0);
  });

  it.each(['', 'help', 'HELP'])('"/park %s" lists the commands with examples', async (input) => {
    const { replies } = await h.command(input);
    const reply = text(replies[0]);
    for (const word of ['enter', 'exit', 'find', 'stats', 'report', 'help']) expect(reply).toContain(`/park ${word}`);
    expect(reply).toContain('e.g.');
  });

  it('answers anything else with the help, saying what it did not understand', async () => {
    const { replies } = await h.command('dance now');
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(text(replies[0])).toContain('I did not understand `dance now`');
    expect(text(replies[0])).toContain('/park enter');
  });
});

describe('POST /slack/events: ack first, work after', () => {
  it('acks within the deadline while the database is blocked, then answers through response_url', async () => {
    // Another transaction holds the tickets table against writes: an entry waits on it, as it would on a slow database.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = h.db.sql.begin(async (tx) => {
      await tx`lock table tickets in share mode`;
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    const { body, responseUrl } = slashCommandBody({ text: 'enter SLOW1' });
    const started = Date.now();
    const res = await h.send(body);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.sentTo(responseUrl)).toHaveLength(0); // the entry is still waiting on the lock
    release();
    await holder;
    await h.settled();
    expect(slack.sentTo(responseUrl)).toHaveLength(1);
    expect(slack.sentTo(responseUrl)[0]).toMatchObject({ response_type: 'in_channel' });
    expect((await h.tickets()).map((t) => t.licensePlate)).toEqual(['SLOW1']);
  });

  it('a response_url that fails after the ack is logged, and the server keeps answering', async () => {
    await h.close();
    const { log, lines } = capturedLog();
    h = await start({ log });
    slack.server.use(http.post('https://hooks.slack.com/*', () => new HttpResponse('expired_url', { status: 404 })));
    const first = await h.command('stats');
    expect(first.res.status).toBe(200);
    slack.server.resetHandlers();
    const second = await h.command('help');
    expect(second.res.status).toBe(200);
    expect(second.replies).toHaveLength(1);
    expect(lines.find((l) => l.msg === 'slack request failed')).toMatchObject({ level: 50, answered: true });
  });
});

describe('POST /slack/events: failures the person did not cause', () => {
  it('a database that is gone: the person gets an apology, the log gets the error', async () => {
    await h.close();
    const { log, lines } = capturedLog();
    h = await start({ log });
    await h.db.sql.end();
    const { res, replies } = await h.command('stats', { userId: 'U0UNLUCKY' });
    expect(res.status).toBe(200);
    expect(replies).toEqual([{ response_type: 'ephemeral', text: INTERNAL_ERROR_MESSAGE, blocks: expect.any(Array) }]);
    expect(lines.find((l) => l.msg === 'slack command failed')).toMatchObject({ level: 50, slackUser: 'U0UNLUCKY', what: 'stats' });
  });
});

describe('createSlack', () => {
  it('is off without a signing secret: no route, and the log says so', async () => {
    const { log, messages } = capturedLog();
    const off = createSlack({
      deps: h.deps,
      config: { SLACK_SIGNING_SECRET: undefined, SLACK_BOT_TOKEN: undefined, SLACK_TEAM_ID: undefined, SLACK_SUMMARY_CHANNEL: undefined, SUMMARY_SCHEDULE: '0 7 * * *' },
      log,
    });
    expect(off.routes).toEqual([]);
    expect(messages()).toContain('slack commands off: SLACK_SIGNING_SECRET is not set');
    expect(off.startSummaries()).toBeNull();
    const { body } = slashCommandBody({ text: 'help' });
    const res = await createApp(h.deps, off.routes).request('/slack/events', signedRequest(body, { timestamp: h.clock.seconds() }));
    expect(res.status).toBe(404);
  });

  it('refuses to start with a summary schedule that is not a cron pattern, naming the variable', () => {
    expect(() =>
      createSlack({
        deps: h.deps,
        config: { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_TEAM_ID: undefined, SLACK_SUMMARY_CHANNEL: 'C1', SUMMARY_SCHEDULE: 'every morning' },
        log: h.deps.log,
      }),
    ).toThrow(/SUMMARY_SCHEDULE "every morning"/);
  });
});
