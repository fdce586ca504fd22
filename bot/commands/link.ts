import { listGarages } from '../../api/garages/queries.js';
import { AppError } from '../../api/http/app-error.js';
import { loadChannelLink, SLACK_CHANNEL_ID } from '../../api/slack/channel-links.js';
import { linkSlackChannel } from '../../api/slack/link-channel.js';
import { buildChannelLinked, buildChannelStatus } from '../blocks/garage.js';
import type { Reply } from '../blocks/reply.js';
import { requireSlackAccess } from './access.js';
import { attribution, type SlackContext } from './context.js';

/** A garage named in `/park link <garage>`: one of the person's garages, or why not. */
export type GarageMatch<G> = { ok: true; garage: G } | { ok: false; reason: 'none' } | { ok: false; reason: 'several'; garages: G[] };

const comparable = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Which of `garages` the words name: its id, else its name (any case, spaces as typed or not).
 * Two garages of one name are not guessed between.
 * @example findGarage([{ id: 2, name: 'North' }], 'north') // { ok: true, garage: { id: 2, name: 'North' } }
 */
export function findGarage<G extends { id: number; name: string }>(garages: readonly G[], words: string): GarageMatch<G> {
  const wanted = comparable(words);
  const byId = /^[1-9][0-9]{0,9}$/.test(wanted) ? garages.find((g) => g.id === Number(wanted)) : undefined;
  if (byId) return { ok: true, garage: byId };
  const byName = garages.filter((g) => comparable(g.name) === wanted);
  if (byName.length === 1) return { ok: true, garage: byName[0]! };
  return byName.length > 1 ? { ok: false, reason: 'several', garages: byName } : { ok: false, reason: 'none' };
}

/** How many of a person's garages a refusal lists. */
const LISTED = 20;

const listed = (garages: readonly { id: number; name: string }[]) =>
  garages.slice(0, LISTED).map((g) => `${g.name} (${g.id})`).join(', ') + (garages.length > LISTED ? ', …' : '');

/**
 * `/park link` alone: which garage `/park` acts on in this channel. `/park link <garage>`
 * (`channels.link`: managers and admins): links this channel to one of the person's garages, by
 * id or name — a garage they may not use is not found, in the same words as one that does not exist.
 */
export async function linkCommand(ctx: SlackContext, words: string | null): Promise<Reply> {
  const { sql } = ctx.deps;
  const channelId = ctx.channelId && SLACK_CHANNEL_ID.test(ctx.channelId) ? ctx.channelId : null;
  if (words === null) {
    const link = ctx.garage.source === 'linked' && channelId ? await loadChannelLink(sql, channelId) : null;
    return buildChannelStatus(ctx.garage, link, ctx.command);
  }
  requireSlackAccess(ctx, 'channels.link', 'link channels to garages');
  const garageIds = ctx.staff?.garageIds ?? [];
  if (!channelId) throw new AppError('validation_failed', 'Slack did not say which channel this is, so it cannot be linked; type the command in the channel itself.');
  const mine = await listGarages(sql, garageIds);
  const found = findGarage(mine, words);
  if (!found.ok && found.reason === 'several') {
    throw new AppError('validation_failed', `Several of your garages are named "${words}": ${listed(found.garages)}. Link by id, e.g. \`${ctx.command} link ${found.garages[0]!.id}\`.`);
  }
  if (!found.ok) {
    throw new AppError('not_found', `No garage "${words}" that you may use. Yours: ${listed(mine) || 'none'}. Name one by its id or name, e.g. \`${ctx.command} link ${mine[0]?.name ?? 'North'}\`.`);
  }
  const outcome = await linkSlackChannel(ctx.deps, { channelId, garageId: found.garage.id }, attribution(ctx));
  const previous = mine.find((g) => g.id === outcome.previousGarageId) ?? null;
  return buildChannelLinked({ garage: found.garage, previous, changed: outcome.changed, userId: ctx.userId, command: ctx.command });
}
