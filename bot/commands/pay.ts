import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../api/deps.js';
import { buildError } from '../blocks/error.js';
import { PAY_ACTION_PREFIX, readPayChoice } from '../blocks/exit.js';
import { replyToFailure, type SlackContext } from './context.js';
import { payCommand } from './exit.js';

/** The quote's payment buttons: acknowledged at once; the receipt replaces the quote through `response_url`. */
export function registerPayButtons(app: App, deps: Deps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^${PAY_ACTION_PREFIX}`) }, async ({ ack, action, body, respond }) => {
    await ack();
    const ctx: SlackContext = { deps, userId: body.user.id, triggerId: body.trigger_id, command: '/park' };
    const choice = readPayChoice(action.value);
    if (!choice) {
      await respond(buildError('This button is not one ParkOps made; run the exit command again.'));
      return;
    }
    let reply;
    try {
      reply = await payCommand(ctx, choice);
    } catch (error) {
      reply = replyToFailure(ctx, error, 'pay');
    }
    await respond(reply);
  });
}
