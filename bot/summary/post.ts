import { setTimeout as sleepFor } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Block } from '../blocks/reply.js';

/** Posts one message to a channel and gives its `ts`. */
export type SummaryPoster = (message: { channel: string; text: string; blocks: Block[] }) => Promise<{ ts: string }>;

/** How the summary's Web API client retries: a few quick tries on 5xx and network errors, never for half an hour. */
export const SUMMARY_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000, randomize: true };
/** How long one call to Slack may take. */
export const SUMMARY_TIMEOUT_MS = 10_000;

/** A Slack rate limit answer: how long Slack asks us to wait. */
export class SlackRateLimited extends Error {
  override name = 'SlackRateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Slack rate limited the summary; it asks to wait ${retryAfterSeconds} s`);
  }
}

/** The seconds a Web API error asks us to wait, when it is a rate limit. */
function rateLimitWait(error: unknown): number | null {
  if (!(error instanceof Error) || !('code' in error) || error.code !== webApi.ErrorCode.RateLimitedError) return null;
  return 'retryAfter' in error && typeof error.retryAfter === 'number' ? error.retryAfter : null;
}

/**
 * A Web API client for the summary: a timeout on every call, `SUMMARY_RETRY` (not the default
 * policy, which keeps going for about 30 minutes) and rate limits handed back to us instead of
 * waited out inside the client. `fetch` is looked up at each call, so a test's msw sees it.
 */
export function createSummaryClient(
  token: string,
  options: { retry?: webApi.RetryOptions; timeoutMs?: number; logger?: webApi.WebClientOptions['logger']; slackApiUrl?: string | undefined } = {},
) {
  return new webApi.WebClient(token, {
    fetch: (input, init) => globalThis.fetch(input, init),
    timeout: options.timeoutMs ?? SUMMARY_TIMEOUT_MS,
    retryConfig: options.retry ?? SUMMARY_RETRY,
    rejectRateLimitedCalls: true,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
  });
}

/**
 * Posts with `chat.postMessage`. A 429 is waited out (Retry-After, at most `maxWaitSeconds`) and
 * tried again, `maxAttempts` calls in all; a longer wait, or the last 429, throws SlackRateLimited
 * so the caller can give the day back until then. Other failures throw as the client gives them.
 */
export function createSummaryPoster(
  client: webApi.WebClient,
  options: { maxAttempts?: number; maxWaitSeconds?: number; sleep?: (ms: number) => Promise<unknown> } = {},
): SummaryPoster {
  const maxAttempts = options.maxAttempts ?? 3;
  const maxWait = options.maxWaitSeconds ?? 30;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  return async ({ channel, text, blocks }) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
        if (!result.ts) throw new Error('Slack accepted the summary but sent no message ts');
        return { ts: result.ts };
      } catch (error) {
        const wait = rateLimitWait(error);
        if (wait === null) throw error;
        if (attempt >= maxAttempts || wait > maxWait) throw new SlackRateLimited(wait);
        await sleep(wait * 1000);
      }
    }
  };
}
