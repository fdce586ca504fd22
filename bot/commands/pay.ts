import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../api/deps.js';
import { buildError } from '../blocks/error.js';
import { PAY_ACTION_PREFIX, readPayChoice } from '../blocks/exit.js';
import { clickRequest } from './context.js';
import { payCommand } from './exit.js';
import { answerInGarage } from './garage.js';
import type { SlackReceipts } from './receipt.js';

/**
 * The quote's payment buttons: acknowledged at once; the receipt replaces the quote through
 * `response_url`. The ticket is completed in the garage its button carries (whatever channel the
 * quote is in), under the same rule as every command: a staff account may only use its garages.
 * A button made before garages were carried acts on the channel's garage. `receipts`: how the
 * receipt gets the driver's link.
 */
export function registerPayButtons(app: App, deps: Deps, receipts: SlackReceipts): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^${PAY_ACTION_PREFIX}`) }, async ({ ack, action, body, respond }) => {
    await ack();
    const request = clickRequest(deps, body);
    const choice = readPayChoice(action.value);
    if (!choice) {
      await respond(buildError('This button is not one ParkOps made; run the exit command again.'));
      return;
    }
    await respond(await answerInGarage(request, 'pay', (ctx) => payCommand(ctx, choice, receipts), { given: choice.garageId ?? null }));
  });
}
