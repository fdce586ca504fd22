import { AppError } from '../../api/http/app-error.js';
import { currentShift } from '../../api/shifts/use-cases.js';
import { buildMyShift, buildNoShift } from '../blocks/shift.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import { attribution, type SlackContext } from './context.js';

/**
 * `/park shift`: the caller's own open shift in the channel's garage — the answer of GET
 * /api/shifts/current (`currentShift`) as its holder gets it, blind: no cash taken, refunded or
 * expected before the close, for managers too. No open shift: how to open one. A closed one is not shown.
 */
export async function shiftCommand(ctx: SlackContext): Promise<Reply> {
  const staff = ctx.staff;
  if (!staff) {
    throw new AppError(
      'forbidden',
      `A shift belongs to a ParkOps staff account, and your Slack account (${ctx.userId}) is not linked to one. Ask an admin to add your Slack user id to your account.`,
    );
  }
  requireSlackAccess(ctx, 'shifts.use', 'see your shift');
  // Seen as its holder sees it in the app while it is open: blind, whatever the role.
  const holder = { by: attribution(ctx), userId: staff.id, role: 'attendant' as const, garageIds: staff.garageIds };
  try {
    return buildMyShift(await currentShift(ctx.deps, holder), ctx.garage.timezone, ctx.command);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return buildNoShift(ctx.garage.name);
    throw error;
  }
}
