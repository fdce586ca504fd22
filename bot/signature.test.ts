import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from './signature.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const now = 1_531_420_618;
const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

describe('slackSignature', () => {
  it("matches Slack's documented example", () => {
    // https://api.slack.com/authentication/verifying-requests-from-slack (the worked example)
    expect(slackSignature(secret, now, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('is HMAC-SHA256 over v0:timestamp:body', () => {
    expect(slackSignature('s', 1, 'a=b')).toBe(`v0=${createHmac('sha256', 's').update('v0:1:a=b').digest('hex')}`);
  });
});

describe('verifySlackSignature', () => {
  const good = slackSignature(secret, now, body);
  const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
    verifySlackSignature({ signingSecret: secret, timestamp: String(now), signature: good, rawBody: body, nowSeconds: now, ...over });

  it.each([
    ['a good request', {}, { ok: true }],
    ['no timestamp', { timestamp: undefined }, { ok: false, reason: 'missing_headers' }],
    ['no signature', { signature: undefined }, { ok: false, reason: 'missing_headers' }],
    ['a timestamp that is not a number', { timestamp: '1e9' }, { ok: false, reason: 'bad_timestamp' }],
    ['a negative timestamp', { timestamp: '-5' }, { ok: false, reason: 'bad_timestamp' }],
    ['5 minutes old', { nowSeconds: now + 300 }, { ok: true }],
    ['5 minutes 1 second old', { nowSeconds: now + 301 }, { ok: false, reason: 'stale' }],
    ['5 minutes ahead', { nowSeconds: now - 300 }, { ok: true }],
    ['5 minutes 1 second ahead', { nowSeconds: now - 301 }, { ok: false, reason: 'future' }],
    ['another secret', { signingSecret: 'other' }, { ok: false, reason: 'bad_signature' }],
    ['a changed body', { rawBody: body.replace('roadrunner', 'coyote') }, { ok: false, reason: 'bad_signature' }],
    ['a signature of another length', { signature: 'v0=abc' }, { ok: false, reason: 'bad_signature' }],
    ['an unknown version', { signature: good.replace('v0=', 'v1=') }, { ok: false, reason: 'bad_signature' }],
    ['upper-case hex', { signature: good.toUpperCase() }, { ok: false, reason: 'bad_signature' }],
  ])('%s', (_name, over, expected) => {
    expect(check(over)).toEqual(expected);
  });
});
