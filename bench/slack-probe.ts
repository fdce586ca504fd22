import { signedSlashCommand } from './slack.js';

/** Whether this build answers signed Slack commands at POST /slack/events, and if not, why. */
export type SlackRoute = { available: true } | { available: false; reason: string };

/** Sends one signed `/park help` and reads the answer. */
export async function probeSlackRoute(baseUrl: string, slack: { signingSecret: string; responseUrl: string }): Promise<SlackRoute> {
  const request = signedSlashCommand({ ...slack, text: 'help', nowSeconds: Math.floor(Date.now() / 1000) });
  const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status === 200) return { available: true };
  if (response.status === 404) {
    return { available: false, reason: 'POST /slack/events answered 404: this build does not mount the Slack route (server/main.ts does not wire bot/ in yet)' };
  }
  return { available: false, reason: `a signed /park help answered ${response.status} ${text.slice(0, 200)}` };
}
