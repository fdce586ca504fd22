import type { webApi } from '@slack/bolt';
import type { Block } from '../blocks/reply.js';

/** Replaces a message the bot posted (its channel and `ts`) with new text and blocks. */
export type MessageUpdater = (message: { channel: string; ts: string; text: string; blocks: Block[] }) => Promise<void>;

/** `chat.update` through a client made by `createSummaryClient` (its timeout and bounded retries); failures throw as the client gives them. */
export function createMessageUpdater(client: webApi.WebClient): MessageUpdater {
  return async ({ channel, ts, text, blocks }) => {
    await client.chat.update({ channel, ts, text, blocks });
  };
}
