import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Logger } from '../api/logger.js';
import { MAX_BODY_BYTES } from '../api/http/guards.js';
import { INTERNAL_ERROR_MESSAGE } from './blocks/error.js';
import { verifySlackSignature } from './signature.js';

/** How long a request may wait for its listener's ack before it is answered anyway (Slack gives up at 3 s). */
export const ACK_DEADLINE_MS = 2500;

type Options = {
  signingSecret: string;
  log: Logger;
  /** The clock requests are checked against (the app's clock, so tests can fix it). */
  now: () => Date;
  ackDeadlineMs?: number;
};

const SlackJsonBody = z.record(z.string(), z.unknown());

/** An ack's payload as the HTTP answer Slack reads: nothing, text, or JSON. */
function answerWith(response: unknown): Response {
  if (response === undefined || response === null || response === '') return new Response(null, { status: 200 });
  if (typeof response === 'string') return new Response(response, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return Response.json(response, { status: 200 });
}

/** Reads a verified body: form fields, the `payload` JSON of interactive requests, or JSON. Null when unreadable. */
export function readSlackBody(rawBody: string, contentType: string | undefined): Record<string, unknown> | null {
  try {
    if (contentType?.toLowerCase().startsWith('application/json')) {
      const parsed = SlackJsonBody.safeParse(JSON.parse(rawBody));
      return parsed.success ? parsed.data : null;
    }
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return readSlackBody(payload, 'application/json');
    return Object.fromEntries(form);
  } catch {
    return null; // malformed JSON in the body or in `payload`: the caller answers 400
  }
}

/**
 * Bolt's `Receiver` for a fetch-style server: `POST /events` verifies the signature over the raw
 * body, parses it, hands it to `app.processEvent`, and answers the HTTP request as soon as the
 * listener calls `ack()`. The listener goes on after that (its work answers through `response_url`);
 * what it throws later is logged, never thrown into the server; what it throws before its ack is
 * logged and answered with an apology. Give the App an `error` handler that rethrows, so failures
 * reach this receiver instead of being swallowed.
 */
export class HonoReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: Options) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<this> {
    return this;
  }

  /** Waits for every event in flight, listener work after the ack included. */
  async stop(): Promise<void> {
    await this.settled();
  }

  /** Resolves once nothing is in flight (tests wait on this before reading what was answered). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The sub-app the composition root mounts at `/slack`. */
  routes(): Hono {
    const routes = new Hono();
    routes.post(
      '/events',
      bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Payload too large', 413) }),
      async (c) => this.handle(await c.req.text(), c.req.raw.headers),
    );
    return routes;
  }

  /** Answers one request from Slack. */
  async handle(rawBody: string, headers: Headers): Promise<Response> {
    const { log } = this.options;
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestamp: headers.get('x-slack-request-timestamp') ?? undefined,
      signature: headers.get('x-slack-signature') ?? undefined,
      rawBody,
      nowSeconds: Math.floor(this.options.now().getTime() / 1000),
    });
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'slack request refused: signature check failed');
      return new Response('invalid signature', { status: 401 });
    }
    const body = readSlackBody(rawBody, headers.get('content-type') ?? undefined);
    if (!body) return new Response('unreadable body', { status: 400 });
    if (body.ssl_check !== undefined) return new Response(null, { status: 200 });
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    if (!this.app) throw new Error('HonoReceiver used before Bolt called init()');
    return this.dispatch(this.app, body, headers);
  }

  private async dispatch(app: App, body: Record<string, unknown>, headers: Headers): Promise<Response> {
    const { log } = this.options;
    let acked = false;
    let answer!: (response: Response) => void;
    const answered = new Promise<Response>((resolve) => (answer = resolve));
    const retryNum = headers.get('x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      ...(retryNum !== null && /^\d+$/.test(retryNum) ? { retryNum: Number(retryNum) } : {}),
      ...(headers.get('x-slack-retry-reason') ? { retryReason: headers.get('x-slack-retry-reason')! } : {}),
      ack: async (response?: unknown) => {
        if (acked) return; // late ack after the deadline answer, or a second ack: Slack already has its answer
        acked = true;
        answer(answerWith(response));
      },
    };
    const deadline = setTimeout(() => {
      if (acked) return;
      acked = true;
      log.error({ type: body.type ?? body.command }, `slack event not acknowledged within ${this.options.ackDeadlineMs ?? ACK_DEADLINE_MS} ms; answered empty`);
      answer(answerWith(undefined));
    }, this.options.ackDeadlineMs ?? ACK_DEADLINE_MS);

    const processing = app
      .processEvent(event)
      .then(() => {
        if (acked) return;
        acked = true;
        log.warn({ type: body.type ?? body.command }, 'no slack listener acknowledged this request');
        answer(new Response('no handler', { status: 404 }));
      })
      .catch((error: unknown) => {
        log.error({ err: error, answered: acked }, 'slack request failed');
        if (acked) return;
        acked = true;
        answer(answerWith({ response_type: 'ephemeral', text: INTERNAL_ERROR_MESSAGE }));
      })
      .finally(() => {
        clearTimeout(deadline);
        this.inFlight.delete(processing);
      });
    this.inFlight.add(processing);
    return answered;
  }
}
