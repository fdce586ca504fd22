import type { App, BlockButtonAction } from '@slack/bolt';
import type { Deps } from '../../api/deps.js';
import { AppError } from '../../api/http/app-error.js';
import { buildError } from '../blocks/error.js';
import type { Reply } from '../blocks/reply.js';
import { CANCEL_RESERVATION_ACTION, readCancelChoice, reservationWords, type CancelChoice } from '../blocks/reservations.js';
import { clickRequest, type SlackContext } from './context.js';
import { answerInGarage } from './garage.js';
import { cancelReservation, listTodaysReservations } from './reservations.js';

/**
 * A click on a reservation's Cancel (in `/park reservations`), in the garage the button names: the
 * clicker must be linked to a staff account that may use reservations (`reservations.use`) and that
 * garage. The list clicked is replaced by today's list again, headed by what happened — cancelled,
 * or why not (already arrived, cancelled or released): of two clicks at once, one cancels.
 */
export async function cancelClick(ctx: SlackContext, choice: CancelChoice): Promise<Reply> {
  const again = (notice: string) => listTodaysReservations(ctx.deps, ctx.garage, { notice, replaceOriginal: true, command: ctx.command });
  try {
    const cancelled = await cancelReservation(ctx, choice.reservationId);
    return await again(`You cancelled reservation ${reservationWords(cancelled, ctx.garage.timezone)}: its space is free again.`);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'already_resolved' || error.code === 'not_found')) return again(`${error.message.replace(/\.?$/, '.')} Your click changed nothing.`);
    throw error;
  }
}

/**
 * The Cancel buttons of `/park reservations`: acknowledged at once, so Slack hears back within its
 * 3 seconds; the answer follows through `response_url`. A refusal (who may not, a garage not
 * theirs) is told only to the clicker and leaves the list as it was.
 */
export function registerCancelReservationButtons(app: App, deps: Deps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: CANCEL_RESERVATION_ACTION }, async ({ ack, action, body, respond }) => {
    await ack();
    const request = clickRequest(deps, body);
    const choice = readCancelChoice(action.value);
    if (!choice) {
      await respond({ ...buildError('This button is not one ParkOps made; `/park reservations` lists today’s reservations.'), replace_original: false });
      return;
    }
    const reply = await answerInGarage(request, 'cancel-reservation', (ctx) => cancelClick(ctx, choice), { given: choice.garageId, givenBy: 'reservation' });
    await respond(reply.replace_original ? reply : { ...reply, replace_original: false });
  });
}
