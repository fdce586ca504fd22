import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from our clock, either way (Slack's rule: 5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Why a request was refused, for the log; the caller answers 401 whatever the reason. */
export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale' | 'future' | 'bad_signature' };

/**
 * The v0 signature Slack puts in `X-Slack-Signature`: HMAC-SHA256 of `v0:<timestamp>:<raw body>`.
 * @example slackSignature('secret', 1700000000, 'a=b') // 'v0=…64 hex…'
 */
export function slackSignature(signingSecret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Checks a request the way Slack asks, over the raw body and before anything parses it.
 * Invariants: the timestamp is whole seconds within 5 minutes of `nowSeconds` in either direction
 * (Bolt's own check lets future ones through); the signature is compared in constant time.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowSeconds: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const ts = Number(timestamp);
  if (ts < input.nowSeconds - MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (ts > input.nowSeconds + MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = Buffer.from(slackSignature(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
