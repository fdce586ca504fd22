import { enterVehicle } from '../../api/tickets/enter.js';
import type { Plate } from '../../shared/plate.js';
import type { VehicleType } from '../../shared/tickets.js';
import { context, type Reply } from '../blocks/reply.js';
import { buildEntryCard } from '../blocks/ticket.js';
import { attribution, requestKey, type SlackContext } from './context.js';

/**
 * `/park enter <plate> [type]`: the entry use case (as POST /api/tickets) in the channel's garage,
 * shown in the channel with that garage's occupancy just after it (counted in the entry's
 * transaction). The command's trigger id is its idempotency key, so a re-sent delivery of the same
 * command replays the ticket instead of making a second one (and says so only to the person who sent it).
 */
export async function enterCommand(ctx: SlackContext, input: { plate: Plate; vehicleType: VehicleType }): Promise<Reply> {
  const entry = await enterVehicle(ctx.deps, input, attribution(ctx), requestKey(ctx, 'enter'), { occupancy: true });
  const occupancy = entry.occupancy;
  if (!occupancy) throw new Error('the entry was asked for its occupancy and gave none');
  const card = buildEntryCard(entry.ticket, { occupied: occupancy.occupied, total: occupancy.totalSpaces }, entry.timezone, ctx.garage.name);
  if (!entry.replayed) return card;
  return {
    ...card,
    response_type: 'ephemeral',
    blocks: [...card.blocks, context('This command had already been handled: no second ticket was made.')],
  };
}
