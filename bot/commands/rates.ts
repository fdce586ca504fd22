import { loadRatePlan } from '../../api/rates/queries.js';
import { buildRateBoard } from '../blocks/rates.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import type { SlackContext } from './context.js';

/** `/park rates`: the channel garage's rate plan in force (as GET /api/garages/:id/rate-plan), in words, for any staff member who asks. */
export async function ratesCommand(ctx: SlackContext): Promise<Reply> {
  requireSlackAccess(ctx, 'rates.read', 'see the rates');
  const plan = await loadRatePlan(ctx.deps.sql, ctx.deps.garageId);
  if (!plan) throw new Error(`garage ${ctx.deps.garageId} does not exist`);
  return buildRateBoard(plan, ctx.garage.name, ctx.deps.now());
}
