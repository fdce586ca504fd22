import { garageStats } from '../../api/garage/stats.js';
import type { Reply } from '../blocks/reply.js';
import { buildStats } from '../blocks/stats.js';
import type { SlackContext } from './context.js';

/** `/park stats`: the dashboard's figures of the channel's garage (GET /api/garages/:id/stats), for the person who asked. */
export async function statsCommand(ctx: SlackContext): Promise<Reply> {
  return buildStats(await garageStats(ctx.deps.sql, ctx.deps.garageId, ctx.deps.now()), ctx.garage.name);
}
