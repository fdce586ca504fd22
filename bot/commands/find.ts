import { toTicket } from '../../api/tickets/ticket-view.js';
import { quoteFee } from '../../shared/fee.js';
import type { Reply } from '../blocks/reply.js';
import { buildTicketStatus } from '../blocks/ticket.js';
import type { Target } from '../parse.js';
import type { SlackContext } from './context.js';
import { findTicket, garageTimezone } from './lookup.js';

/** `/park find <plate|ticket>`: the ticket, how long the car has been parked and what it owes now. */
export async function findCommand(ctx: SlackContext, target: Target): Promise<Reply> {
  const timeZone = await garageTimezone(ctx.deps);
  const row = await findTicket(ctx.deps.sql, ctx.deps.garageId, target, { latestByPlate: true });
  const now = ctx.deps.now();
  const fee = row.status === 'active' ? quoteFee(row.entryTime, now, row) : null;
  return buildTicketStatus(toTicket(row, now), fee, timeZone);
}
