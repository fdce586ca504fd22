import { showExceptions } from '../../api/corrections/use-cases.js';
import type { Deps } from '../../api/deps.js';
import { buildExceptionList, LISTED_REQUESTS } from '../blocks/approvals.js';
import type { ExceptionGarage } from '../blocks/exception.js';
import type { Reply } from '../blocks/reply.js';
import { namedByStaff } from '../staff-names.js';
import { requireSlackAccess } from './access.js';
import type { SlackContext } from './context.js';

/**
 * A garage's requests that wait for a manager, newest first, each with Approve / Deny (the list of
 * GET /api/exceptions?status=pending). `notice` heads it (what a click just did); `replaceOriginal`
 * when it replaces the list a click came from.
 */
export async function listWaitingRequests(
  deps: Pick<Deps, 'sql' | 'now'>,
  garage: ExceptionGarage,
  options: { notice?: string; replaceOriginal?: boolean } = {},
): Promise<Reply> {
  const now = deps.now();
  const page = await showExceptions({ sql: deps.sql, garageId: garage.id, now: () => now }, { status: 'pending', limit: LISTED_REQUESTS + 1 });
  const waiting = await namedByStaff(deps.sql, page.exceptions.slice(0, LISTED_REQUESTS));
  return buildExceptionList(waiting, garage, now, { ...options, more: page.exceptions.length > LISTED_REQUESTS });
}

/** `/park approvals` (managers): the channel's garage's requests that wait, with their buttons, only for the asker. */
export async function approvalsCommand(ctx: SlackContext): Promise<Reply> {
  requireSlackAccess(ctx, 'exceptions.decide', 'see and decide the requests that wait for a manager');
  return listWaitingRequests(ctx.deps, ctx.garage);
}
