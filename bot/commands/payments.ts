import { listDiscards } from '../../api/discards/queries.js';
import { loadGarageTimezone } from '../../api/garage/queries.js';
import { buildPaymentsToResolve } from '../blocks/discard.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import type { SlackContext } from './context.js';

/** How many payments one answer lists (Slack's section text is bounded). */
const SHOWN = 15;

/** `/park payments` (managers): the paid exits handed over from phones that wait for a manager (GET /api/discards?status=needs_manager). */
export async function paymentsCommand(ctx: SlackContext): Promise<Reply> {
  await requireSlackAccess(ctx, 'discards.resolve', 'payments to resolve');
  const { sql, garageId } = ctx.deps;
  const [found, timeZone] = await Promise.all([
    listDiscards(sql, garageId, { status: 'needs_manager', limit: SHOWN + 1 }),
    loadGarageTimezone(sql, garageId),
  ]);
  return buildPaymentsToResolve(found.slice(0, SHOWN), timeZone, found.length > SHOWN);
}
