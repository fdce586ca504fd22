import { App } from '@slack/bolt';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { boltLogger } from './bolt-logger.js';
import { INTERNAL_ERROR_MESSAGE } from './blocks/error.js';
import { HonoReceiver, readSlackBody } from './receiver.js';
import { capturedLog } from './test/captured-log.js';
import { signedRequest, slashCommandBody } from './test/slack-requests.js';

// Nothing here may reach the network: an App that called Slack at start or per request would fail.
const network = setupServer();
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterAll(() => network.close());

const now = new Date('2026-11-23T12:00:00.000Z');

/** A receiver and a bare Bolt app with test listeners, behind the receiver's real route. */
function receiverWith(register: (app: App) => void) {
  const { log, lines } = capturedLog();
  const receiver = new HonoReceiver({ signingSecret: 'test-signing-secret-0123456789abcdef', log, now: () => now, ackDeadlineMs: 200 });
  const app = new App({ receiver, authorize: async () => ({}), logger: boltLogger(log), ignoreSelf: false, convoStore: false });
  app.error(async (error) => {
    throw error; // as in slack-app.ts: the receiver logs and answers
  });
  register(app);
  const routes = receiver.routes();
  const send = (text: string, command = '/test', headers: Record<string, string> = {}) =>
    routes.request('/events', signedRequest(slashCommandBody({ text, command }).body, { timestamp: Math.floor(now.getTime() / 1000), headers }));
  return { receiver, lines, send };
}

describe('HonoReceiver', () => {
  it('answers with what ack() was given, as soon as it is called, while the listener goes on', async () => {
    let finished = false;
    const { receiver, send } = receiverWith((app) =>
      app.command('/test', async ({ ack }) => {
        await ack({ response_type: 'ephemeral', text: 'got it' });
        await sleep(300);
        finished = true;
      }),
    );
    const res = await send('x');
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'got it' });
    expect(finished).toBe(false);
    await receiver.stop(); // waits for the listener's work
    expect(finished).toBe(true);
  });

  it('a listener that does not ack in time: Slack still gets an answer at the deadline, and the log says why', async () => {
    const { receiver, send, lines } = receiverWith((app) =>
      app.command('/test', async ({ ack }) => {
        await sleep(500);
        await ack('too late');
      }),
    );
    const started = Date.now();
    const res = await send('x');
    expect(Date.now() - started).toBeLessThan(450);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await receiver.settled();
    expect(lines.some((l) => l.level === 50 && l.msg.includes('not acknowledged within 200 ms'))).toBe(true);
  });

  it('a listener that throws before its ack: the person is told something went wrong', async () => {
    const { receiver, send, lines } = receiverWith((app) =>
      app.command('/test', async () => {
        throw new Error('bug');
      }),
    );
    const res = await send('x');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: INTERNAL_ERROR_MESSAGE });
    await receiver.settled();
    expect(lines.find((l) => l.msg === 'slack request failed')).toMatchObject({ level: 50, answered: false });
  });

  it('a listener that throws after its ack is logged and does not reach the server', async () => {
    const { receiver, send, lines } = receiverWith((app) =>
      app.command('/test', async ({ ack }) => {
        await ack();
        throw new Error('after the ack');
      }),
    );
    expect((await send('x')).status).toBe(200);
    await receiver.settled();
    expect(lines.find((l) => l.msg === 'slack request failed')).toMatchObject({ level: 50, answered: true, err: expect.objectContaining({ message: 'after the ack' }) });
  });

  it('a request no listener takes: 404, logged', async () => {
    const { receiver, send, lines } = receiverWith(() => {});
    expect((await send('x', '/other')).status).toBe(404);
    await receiver.settled();
    expect(lines.some((l) => l.msg === 'no slack listener acknowledged this request')).toBe(true);
  });

  it("passes Slack's retry headers to the listener's context", async () => {
    const { send } = receiverWith((app) => app.command('/test', async ({ ack, context }) => ack(`${context.retryNum}/${context.retryReason}`)));
    expect(await (await send('x', '/test', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).text()).toBe('2/http_timeout');
    expect(await (await send('x')).text()).toBe('undefined/undefined');
  });
});

describe('readSlackBody', () => {
  it.each([
    ['a slash command form', 'command=%2Fpark&text=enter+ABC+123', 'application/x-www-form-urlencoded', { command: '/park', text: 'enter ABC 123' }],
    ['an interactive payload', `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`, 'application/x-www-form-urlencoded', { type: 'block_actions', actions: [] }],
    ['a broken payload', 'payload=%7Bnope', 'application/x-www-form-urlencoded', null],
    ['a payload that is not an object', `payload=${encodeURIComponent('[1]')}`, 'application/x-www-form-urlencoded', null],
    ['JSON (events)', '{"type":"url_verification","challenge":"c"}', 'application/json', { type: 'url_verification', challenge: 'c' }],
    ['broken JSON', '{', 'application/json; charset=utf-8', null],
  ])('%s', (_name, raw, type, expected) => {
    expect(readSlackBody(raw, type)).toEqual(expected);
  });
});
