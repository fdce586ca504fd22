import { loadGarageTimezone } from '../../api/garage/queries.js';
import { findTicket } from '../../api/tickets/lookup.js';
import { toTicket } from '../../api/tickets/ticket-view.js';
import { quoteTicketFee } from '../../shared/fee.js';
import type { TicketTarget } from '../../shared/tickets.js';
import type { Reply } from '../blocks/reply.js';
import { buildTicketStatus } from '../blocks/ticket.js';
import type { SlackContext } from './context.js';

/** `/park find <plate|ticket>`: the ticket (by the shared lookup policy), how long the car has been parked and what it owes now. */
export async function findCommand(ctx: SlackContext, target: TicketTarget): Promise<Reply> {
  const timeZone = await loadGarageTimezone(ctx.deps.sql, ctx.deps.garageId);
  const row = await findTicket(ctx.deps.sql, ctx.deps.garageId, target, { latestByPlate: true });
  const now = ctx.deps.now();
  const ticket = toTicket(row, now);
  return buildTicketStatus(ticket, ticket.status === 'active' ? quoteTicketFee(ticket, now) : null, timeZone);
}
