import type { App } from '@slack/bolt';
import type { Deps } from '../../api/deps.js';
import { buildError } from '../blocks/error.js';
import { buildHelp } from '../blocks/help.js';
import type { Reply } from '../blocks/reply.js';
import { parseParkCommand } from '../parse.js';
import { replyToFailure, type SlackContext } from './context.js';
import { enterCommand } from './enter.js';
import { exitCommand } from './exit.js';
import { findCommand } from './find.js';
import { paymentsCommand } from './payments.js';
import { reportCommand } from './report.js';
import { statsCommand } from './stats.js';

/** Answers the text after `/park`; every failure becomes an ephemeral, human answer. */
export async function answerPark(ctx: SlackContext, text: string): Promise<Reply> {
  const parsed = parseParkCommand(text, ctx.command);
  try {
    switch (parsed.kind) {
      case 'help':
        return buildHelp(ctx.command, parsed.notUnderstood);
      case 'invalid':
        return buildError(parsed.message);
      case 'enter':
        return await enterCommand(ctx, parsed);
      case 'exit':
        return await exitCommand(ctx, parsed);
      case 'find':
        return await findCommand(ctx, parsed.target);
      case 'stats':
        return await statsCommand(ctx);
      case 'report':
        return await reportCommand(ctx, parsed.date);
      case 'payments':
        return await paymentsCommand(ctx);
    }
  } catch (error) {
    return replyToFailure(ctx, error, parsed.kind);
  }
}

/**
 * The slash command (`/park`, or a renamed `/park-…`): acknowledged at once, with nothing, so Slack
 * hears back within its 3 seconds whatever the database does; the answer follows through `response_url`.
 */
export function registerParkCommand(app: App, deps: Deps): void {
  app.command(/^\/park/, async ({ command, ack, respond }) => {
    await ack();
    const ctx: SlackContext = { deps, userId: command.user_id, triggerId: command.trigger_id || undefined, command: command.command };
    await respond(await answerPark(ctx, command.text));
  });
}
