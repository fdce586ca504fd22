import { escapeText } from './reply.js';

const SLACK_ACTOR = /^slack:([UW][A-Z0-9]{2,20})$/;

/**
 * The Slack user behind an audit actor (`slack:U0123ABCD` -> `U0123ABCD`), or null for any other actor.
 * @example slackUserOf('slack:U0123ABCD') // 'U0123ABCD'
 */
export function slackUserOf(actor: string): string | null {
  return SLACK_ACTOR.exec(actor)?.[1] ?? null;
}

/**
 * Who did something, as Slack shows people: a mention (`<@U0123ABCD>`) for a Slack user, else the
 * name people know them by (a username), escaped for mrkdwn.
 * @example personOf('user:3', 'sam') // 'sam'
 */
export function personOf(actor: string, name: string): string {
  const slackUser = slackUserOf(actor);
  return slackUser ? `<@${slackUser}>` : escapeText(name);
}
