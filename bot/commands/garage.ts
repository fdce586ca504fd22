import { loadGarage } from '../../api/garages/queries.js';
import { mayUseGarage } from '../../api/garages/scope.js';
import { AppError } from '../../api/http/app-error.js';
import { loadChannelGarageIds } from '../../api/slack/channel-links.js';
import { loadUserBySlackId, type UserRow } from '../../api/users/queries.js';
import { SlackUserId } from '../../shared/auth.js';
import { withGarageLine, type GarageSource } from '../blocks/garage.js';
import type { Reply } from '../blocks/reply.js';
import { replyToFailure, type SlackContext, type SlackRequest } from './context.js';

/** What a button that names its garage is about, for a refusal's words ("this ticket's garage"). */
export type GivenBy = 'ticket' | 'reservation';

/** Which garage a Slack request acts on, or that its person may not use it. */
export type GarageDecision = { ok: true; garageId: number; source: GarageSource } | { ok: false };

/**
 * The garage rule of Slack. A request acts on the garage its button names (`given`), else the one
 * its channel is linked to, else — an unlinked channel — its person's default garage, else the
 * first garage. A Slack user linked to a staff account may act only on a garage that account may
 * use (admins: all); one with no staff account keeps the rights Slack always gave (attendant
 * commands) in every garage.
 * @example decideRequestGarage({ given: null, linked: 2, staff: { garageIds: [1], defaultGarageId: 1 }, first: 1 }) // { ok: false }
 */
export function decideRequestGarage(input: {
  given: number | null;
  linked: number | null;
  staff: { garageIds: readonly number[]; defaultGarageId: number } | null;
  first: number | null;
}): GarageDecision {
  const { given, linked, staff, first } = input;
  const chosen: { garageId: number; source: GarageSource } | null =
    given !== null
      ? { garageId: given, source: 'given' }
      : linked !== null
        ? { garageId: linked, source: 'linked' }
        : staff && staff.defaultGarageId > 0
          ? { garageId: staff.defaultGarageId, source: 'default' }
          : first !== null
            ? { garageId: first, source: 'first' }
            : null;
  if (!chosen) return { ok: false };
  if (staff && !mayUseGarage(staff, chosen.garageId)) return { ok: false };
  return { ok: true, ...chosen };
}

/**
 * The refusal for a garage this person may not use. The same words whether or not the garage
 * exists, and without its name, so garages cannot be found out through Slack.
 */
function notYourGarage(staff: UserRow | null, of: 'channel' | GivenBy, command: string): AppError {
  const whose = `this ${of}'s garage`;
  if (!staff) return new AppError('forbidden', `You may not use ${whose} from Slack.`);
  return new AppError(
    'forbidden',
    `Your ParkOps account (${staff.username}) may not use ${whose}. Use \`${command}\` in a channel linked to one of your garages, or ask an admin to give you this one.`,
  );
}

/**
 * Resolves, once per request, the garage it acts on (`decideRequestGarage`) and gives the context
 * every command runs with: `deps.garageId` that garage, its name and timezone for the answer, and
 * the person's staff account. Refuses (an AppError the person reads) a garage they may not use.
 * `given`: the garage a button carried (a quote's payment buttons), instead of the channel's;
 * `givenBy`: what that button is about.
 */
export async function inRequestGarage(request: SlackRequest, given: number | null = null, givenBy: GivenBy = 'ticket'): Promise<SlackContext> {
  const { sql } = request.deps;
  const [staff, ids] = await Promise.all([
    SlackUserId.safeParse(request.userId).success ? loadUserBySlackId(sql, request.userId) : null,
    loadChannelGarageIds(sql, request.channelId ?? null),
  ]);
  const decision = decideRequestGarage({ given, linked: ids.linkedGarageId, staff, first: ids.firstGarageId });
  const garage = decision.ok ? await loadGarage(sql, decision.garageId) : null;
  if (!decision.ok || !garage) throw notYourGarage(staff, given === null ? 'channel' : givenBy, request.command);
  return {
    ...request,
    deps: { ...request.deps, garageId: garage.id },
    garage: { id: garage.id, name: garage.name, timezone: garage.timezone, source: decision.source },
    staff,
  };
}

/**
 * Answers a request that acts on a garage: resolves the garage (`inRequestGarage`), runs `work` in
 * it and names the garage under the answer (unless `named` is false). A refusal or a failure, at
 * either step, becomes the person's ephemeral answer; `what` names the work in the log.
 */
export async function answerInGarage(
  request: SlackRequest,
  what: string,
  work: (ctx: SlackContext) => Promise<Reply>,
  options: { given?: number | null; givenBy?: GivenBy; named?: boolean } = {},
): Promise<Reply> {
  let ctx: SlackContext;
  try {
    ctx = await inRequestGarage(request, options.given ?? null, options.givenBy);
  } catch (error) {
    return replyToFailure(request, error, what);
  }
  let reply: Reply;
  try {
    reply = await work(ctx);
  } catch (error) {
    reply = replyToFailure(ctx, error, what);
  }
  return options.named === false ? reply : withGarageLine(reply, ctx.garage, ctx.command);
}
