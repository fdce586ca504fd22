import { randomBytes } from 'node:crypto';
import { slackSignature } from '../signature.js';

/** The signing secret the tests' Slack app is configured with. */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
/** The workspace the tests' Slack app belongs to. */
export const TEST_TEAM = 'T0PARKOPS';

/**
 * A request as Slack sends it: the raw body with `X-Slack-Request-Timestamp` and the v0 signature
 * over `v0:<timestamp>:<body>` (https://api.slack.com/authentication/verifying-requests-from-slack).
 */
export function signedRequest(
  body: string,
  options: { timestamp: number; secret?: string; contentType?: string; headers?: Record<string, string> },
): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(options.timestamp),
      'x-slack-signature': slackSignature(options.secret ?? TEST_SIGNING_SECRET, options.timestamp, body),
      ...options.headers,
    },
    body,
  };
}

let sequence = 0;
const token = () => randomBytes(6).toString('hex');

/** A fresh `response_url` for one request, on Slack's hooks host (msw answers it). */
export function responseUrl(kind: 'commands' | 'actions' = 'commands'): string {
  return `https://hooks.slack.com/${kind}/${TEST_TEAM}/${++sequence}/${token()}`;
}

/** A trigger id as Slack makes them: unique per command or click. */
export function triggerId(): string {
  return `${Date.now()}.${++sequence}.${token()}`;
}

/** The form body of a slash command, with the fields Slack sends. */
export function slashCommandBody(input: { text: string; userId?: string; teamId?: string; triggerId?: string; responseUrl?: string; command?: string; channelId?: string }) {
  const url = input.responseUrl ?? responseUrl();
  const fields = {
    token: 'deprecated-verification-token',
    team_id: input.teamId ?? TEST_TEAM,
    team_domain: 'parkops-test',
    channel_id: input.channelId ?? 'C0GARAGE',
    channel_name: 'garage',
    user_id: input.userId ?? 'U0ATTEND',
    user_name: 'attendant',
    command: input.command ?? '/park',
    text: input.text,
    api_app_id: 'A0PARKOPS',
    is_enterprise_install: 'false',
    response_url: url,
    trigger_id: input.triggerId ?? triggerId(),
  };
  return { body: new URLSearchParams(fields).toString(), responseUrl: url, triggerId: fields.trigger_id };
}

/** The form body of a block button click (`payload=<json>`), as Slack sends interactivity. */
export function buttonClickBody(input: { actionId: string; value: string; userId?: string; teamId?: string; responseUrl?: string; channelId?: string }) {
  const url = input.responseUrl ?? responseUrl('actions');
  const team = input.teamId ?? TEST_TEAM;
  const channel = input.channelId ?? 'C0GARAGE';
  const payload = {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0ATTEND', username: 'attendant', name: 'attendant', team_id: team },
    api_app_id: 'A0PARKOPS',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: true },
    trigger_id: triggerId(),
    team: { id: team, domain: 'parkops-test' },
    channel: { id: channel, name: 'garage' },
    response_url: url,
    actions: [
      {
        type: 'button',
        block_id: 'pay',
        action_id: input.actionId,
        text: { type: 'plain_text', text: 'Cash' },
        value: input.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), responseUrl: url };
}

/** The JSON body of an `app_home_opened` event (Events API), as Slack sends it when someone opens the app's Home tab. */
export function appHomeOpenedBody(input: { userId: string; tab?: 'home' | 'messages'; teamId?: string }): string {
  const team = input.teamId ?? TEST_TEAM;
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A0PARKOPS',
    event: { type: 'app_home_opened', user: input.userId, channel: 'D0PARKOPS', tab: input.tab ?? 'home', event_ts: '1700000002.000300' },
    type: 'event_callback',
    event_id: `Ev${++sequence}${token()}`,
    event_time: 1_700_000_002,
    authorizations: [{ team_id: team, user_id: 'U0PARKOPSBOT', is_bot: true }],
  });
}

/** The form body of a button click on the app's Home tab: no `response_url`, a `view` container. */
export function homeButtonClickBody(input: { actionId: string; value: string; userId: string; teamId?: string }): string {
  const team = input.teamId ?? TEST_TEAM;
  const payload = {
    type: 'block_actions',
    user: { id: input.userId, username: 'manager', name: 'manager', team_id: team },
    api_app_id: 'A0PARKOPS',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: triggerId(),
    team: { id: team, domain: 'parkops-test' },
    view: { id: 'V0HOME', type: 'home', blocks: [], private_metadata: '', callback_id: '', hash: 'h', app_id: 'A0PARKOPS', team_id: team },
    actions: [{ type: 'button', block_id: 'exception', action_id: input.actionId, text: { type: 'plain_text', text: 'Approve' }, value: input.value, action_ts: '1700000003.000400' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
