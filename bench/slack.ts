import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { slackSignature } from '../bot/signature.js';

/** A local stand-in for Slack's `response_url`: counts the answers the bot sends after its ack. */
export type ResponseSink = { url: string; received: () => number; close: () => Promise<void> };

/** Listens on 127.0.0.1 so the bot's follow-up answers never leave the machine. */
export async function startResponseSink(): Promise<ResponseSink> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the response sink has no address');
  return {
    url: `http://127.0.0.1:${address.port}/commands`,
    received: () => received,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

let sequence = 0;

/**
 * A `/park <text>` slash command as Slack sends it: the form body and its v0 signature over
 * `v0:<timestamp>:<body>`, made fresh for each request (timestamp now, its own trigger id).
 */
export function signedSlashCommand(input: { signingSecret: string; text: string; responseUrl: string; nowSeconds: number }) {
  const body = new URLSearchParams({
    token: 'unused-verification-token',
    team_id: 'T0PARKBENCH',
    team_domain: 'parkops-bench',
    channel_id: 'C0GARAGE',
    channel_name: 'garage',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/park',
    text: input.text,
    api_app_id: 'A0PARKOPS',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${input.nowSeconds}.${++sequence}.${randomBytes(6).toString('hex')}`,
  }).toString();
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(input.nowSeconds),
      'x-slack-signature': slackSignature(input.signingSecret, input.nowSeconds, body),
    },
  };
}
