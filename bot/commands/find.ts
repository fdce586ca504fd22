import { showTicket } from '../../api/tickets/lookup.js';
import { quoteTicketFee } from '../../shared/fee.js';
import type { TicketTarget } from '../../shared/tickets.js';
import type { Reply } from '../blocks/reply.js';
import { buildTicketStatus } from '../blocks/ticket.js';
import type { SlackContext } from './context.js';

/**
 * `/park find <plate|ticket>`: the ticket (by the shared lookup policy), how long the car has been
 * parked and what it owes now. Like GET /api/tickets/:n it hands the ticket out (`showTicket`): an
 * active one counts as seen still parked now.
 */
export async function findCommand(ctx: SlackContext, target: TicketTarget): Promise<Reply> {
  const timeZone = ctx.garage.timezone;
  const ticket = await showTicket(ctx.deps, target, { latestByPlate: true });
  return buildTicketStatus(ticket, ticket.status === 'active' ? quoteTicketFee(ticket, ctx.deps.now()) : null, timeZone);
}
