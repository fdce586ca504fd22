import { garageStats } from '../../api/garage/stats.js';
import { runIdempotent } from '../../api/idempotency/run.js';
import { issueTicket } from '../../api/tickets/use-cases.js';
import type { Plate } from '../../shared/plate.js';
import type { VehicleType } from '../../shared/tickets.js';
import { context, type Reply } from '../blocks/reply.js';
import { buildEntryCard } from '../blocks/ticket.js';
import { attribution, type SlackContext } from './context.js';

/**
 * `/park enter <plate> [type]`: issues a ticket through the same use case as POST /api/tickets and
 * shows it in the channel with the occupancy after it. The command's trigger id is its
 * idempotency key, so a re-sent delivery of the same command replays the ticket instead of making
 * a second one (and says so only to the person who sent it).
 */
export async function enterCommand(ctx: SlackContext, input: { plate: Plate; vehicleType: VehicleType }): Promise<Reply> {
  const { deps } = ctx;
  const request = { licensePlate: input.plate.normalized, vehicleType: input.vehicleType };
  const answer = await runIdempotent(
    deps.sql,
    deps.garageId,
    ctx.triggerId ? { key: `slack:enter:${ctx.triggerId}`, operation: 'ticket.enter', request } : undefined,
    deps.now(),
    async (tx) => ({ status: 201 as const, body: await issueTicket(tx, deps, input, attribution(ctx)) }),
  );
  const stats = await garageStats(deps.sql, deps.garageId, deps.now());
  const card = buildEntryCard(answer.body, { occupied: stats.occupiedSpaces, total: stats.totalSpaces }, stats.timezone);
  if (!answer.replayed) return card;
  return {
    ...card,
    response_type: 'ephemeral',
    blocks: [...card.blocks, context('This command had already been handled: no second ticket was made.')],
  };
}
