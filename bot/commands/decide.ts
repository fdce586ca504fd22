import type { App, BlockButtonAction } from '@slack/bolt';
import { decideException } from '../../api/corrections/use-cases.js';
import type { Deps } from '../../api/deps.js';
import { loadGarage } from '../../api/garages/queries.js';
import { mayUseGarage } from '../../api/garages/scope.js';
import { AppError } from '../../api/http/app-error.js';
import { loadUserBySlackId } from '../../api/users/queries.js';
import { GarageException, type GarageException as Decided } from '../../shared/corrections.js';
import { SlackUserId } from '../../shared/auth.js';
import { buildError } from '../blocks/error.js';
import { APPROVE_ACTION, askedText, buildDecisionNotice, buildExceptionDecided, DENY_ACTION, readExceptionChoice, type ExceptionChoice, type ExceptionGarage } from '../blocks/exception.js';
import type { Reply } from '../blocks/reply.js';
import { publishHome } from '../home/app-home.js';
import { namedRequest } from '../staff-names.js';
import { requireSlackAccess } from './access.js';
import { listWaitingRequests } from './approvals.js';
import { attribution, clickRequest, replyToFailure, type SlackRequest } from './context.js';

/** A refusal only the clicker sees, leaving the message clicked as it was. */
const refusal = (message: string): Reply => ({
  ...buildError(`Sorry — ${message.charAt(0).toLowerCase()}${message.slice(1)} Your click changed nothing.`),
  replace_original: false,
});

/** The request a refusal of `decideException` says was already decided or has expired, if it is one. */
function settledOf(error: unknown): Decided | null {
  if (!(error instanceof AppError) || (error.code !== 'already_decided' && error.code !== 'request_expired')) return null;
  const [detail] = (error.details ?? []) as { exception?: unknown }[];
  const parsed = GarageException.safeParse(detail?.exception);
  return parsed.success ? parsed.data : null;
}

/** The message clicked, as it should now read: the decided request, or — clicked in `/park approvals` — the list again, headed by what happened. */
async function finalState(request: SlackRequest, choice: ExceptionChoice, e: Decided, garage: ExceptionGarage, notice: string): Promise<Reply> {
  if (choice.list) return listWaitingRequests(request.deps, garage, { notice, replaceOriginal: true });
  return { ...buildExceptionDecided(e, garage), replace_original: true };
}

/**
 * A click on Approve or Deny. It counts only from a Slack user linked to a staff account that may
 * decide requests (`exceptions.decide`, the one permission rule) and use the request's garage;
 * anyone else is told why, only themselves, and nothing changes. A click that counts calls
 * `decideException`, which locks the request: of any number of clicks, people or servers, exactly
 * one decides. The message clicked is replaced by the outcome (the managers' channel message is
 * also replaced by the decision's alert, whichever door decided); a click on a request already
 * decided or expired is told so as well. Gives the answers to send through `response_url`, in order.
 */
export async function decideClick(request: SlackRequest, choice: ExceptionChoice, approve: boolean): Promise<Reply[]> {
  const { deps } = request;
  const staff = SlackUserId.safeParse(request.userId).success ? await loadUserBySlackId(deps.sql, request.userId) : null;
  try {
    requireSlackAccess({ staff, userId: request.userId }, 'exceptions.decide', 'approve or deny requests');
  } catch (error) {
    if (error instanceof AppError) return [refusal(error.message)];
    throw error;
  }
  if (!staff || !mayUseGarage(staff, choice.garageId)) {
    return [refusal(`your ParkOps account (${staff?.username}) may not use this request's garage, so it cannot decide it.`)];
  }
  const now = deps.now();
  /** The request's own garage (the button names it too), for its name and clock. */
  const garageOf = async (e: Decided): Promise<ExceptionGarage> => {
    const garage = await loadGarage(deps.sql, e.garageId);
    if (!garage) throw new Error(`garage ${e.garageId} of request ${e.id} does not exist`);
    return garage;
  };
  try {
    const decided = await namedRequest(deps.sql, await decideException(deps, choice.exceptionId, { approve, note: null }, { by: attribution(request), garageIds: staff.garageIds }));
    return [await finalState(request, choice, decided, await garageOf(decided), `You ${decided.status} request #${decided.id}: ${askedText(decided)}.`)];
  } catch (error) {
    const found = settledOf(error);
    if (found) {
      const [settled, garage] = await Promise.all([namedRequest(deps.sql, found), garageOf(found)]);
      const notice = buildDecisionNotice(settled, garage.timezone, now);
      const state = await finalState(request, choice, settled, garage, notice.text);
      return choice.list ? [state] : [state, notice];
    }
    if (error instanceof AppError && error.code === 'not_found') return [refusal(`there is no request ${choice.exceptionId} that you may decide.`)];
    if (error instanceof AppError) return [refusal(`${error.message.replace(/\.$/, '')}. The request still waits; deny it if it no longer applies.`)];
    throw error;
  }
}

/**
 * The Approve / Deny buttons of a request (the managers' channel message, `/park approvals`, the
 * app's Home tab): acknowledged at once, so Slack hears back within its 3 seconds; the answers
 * follow through `response_url` — or, clicked on the Home tab (which has none), the tab is published
 * again, headed by what the click did. An unexpected failure is answered with an apology, never silence.
 */
export function registerDecisionButtons(app: App, deps: Deps): void {
  const actionId = new RegExp(`^(${APPROVE_ACTION}|${DENY_ACTION})$`);
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: actionId }, async ({ ack, action, body, respond, client }) => {
    await ack();
    const request = clickRequest(deps, body);
    const onHome = body.view?.type === 'home';
    const choice = readExceptionChoice(action.value);
    let replies: Reply[];
    if (!choice) {
      replies = [{ ...buildError('This button is not one ParkOps made; `/park approvals` lists the requests that wait.'), replace_original: false }];
    } else {
      try {
        replies = await decideClick(request, choice, action.action_id === APPROVE_ACTION);
      } catch (error) {
        replies = [{ ...replyToFailure(request, error, 'decide'), replace_original: false }];
      }
    }
    if (onHome) {
      await publishHome(client, deps, request.userId, replies.at(-1)?.text);
      return;
    }
    for (const reply of replies) await respond(reply);
  });
}
