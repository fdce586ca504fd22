import { listDiscards } from '../../api/discards/queries.js';
import { buildPaymentsToResolve } from '../blocks/discard.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import type { SlackContext } from './context.js';

/** How many payments one answer lists (Slack's section text is bounded). */
const SHOWN = 15;

/** `/park payments` (managers): the channel's garage's paid exits handed over from phones that wait for a manager (GET /api/discards?status=needs_manager). */
export async function paymentsCommand(ctx: SlackContext): Promise<Reply> {
  requireSlackAccess(ctx, 'discards.resolve', 'see payments to resolve');
  const { sql, garageId } = ctx.deps;
  const found = await listDiscards(sql, garageId, { status: 'needs_manager', limit: SHOWN + 1 });
  return buildPaymentsToResolve(found.slice(0, SHOWN), ctx.garage.timezone, found.length > SHOWN);
}
