import type { types } from '@slack/bolt';

/** A Block Kit block. */
export type Block = types.KnownBlock;

/** What the bot answers with through `response_url`: text for notifications, blocks for the message. */
export type Reply = {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  text: string;
  blocks: Block[];
};

/** Escapes the three characters Slack's mrkdwn gives meaning to. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A section of mrkdwn text. */
export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A section of label/value fields, two columns on wide screens (Slack allows at most 10). */
export function fields(pairs: [label: string, value: string][]): Block {
  return { type: 'section', fields: pairs.slice(0, 10).map(([label, value]) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` })) };
}

/** Small grey text under a message. */
export function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** A message header (plain text, at most 150 characters). */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } };
}
