import type { Attribution } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { lockChannelLink, SLACK_CHANNEL_ID, upsertChannelLink } from './channel-links.js';

/** What linking did: `changed` false when the channel was already linked to that garage (nothing written). */
export type ChannelLinkOutcome = { changed: boolean; previousGarageId: number | null };

/**
 * Links a Slack channel to a garage (`/park link <garage>`), so every `/park` typed there acts on
 * it. Invariants: a channel is linked to at most one garage (its primary key); a change is audited
 * (`slack.channel.link`, in the new garage, with the garage it was linked to before) in the same
 * transaction; linking again to the same garage writes nothing, so its first linker and time stay.
 * Who may link, and to which garage, is the door's to check (`channels.link`, a garage the staff
 * member may use).
 */
export async function linkSlackChannel(
  deps: Pick<Deps, 'sql' | 'now'>,
  link: { channelId: string; garageId: number },
  by: Attribution,
): Promise<ChannelLinkOutcome> {
  if (!SLACK_CHANNEL_ID.test(link.channelId)) throw new AppError('validation_failed', `"${link.channelId.slice(0, 40)}" is not a Slack channel id`);
  return deps.sql.begin(async (tx) => {
    const previousGarageId = await lockChannelLink(tx, link.channelId);
    if (previousGarageId === link.garageId) return { changed: false, previousGarageId };
    await upsertChannelLink(tx, { ...link, linkedBy: by.actor, linkedAt: deps.now() });
    await recordAudit(tx, {
      garageId: link.garageId,
      ...by,
      action: 'slack.channel.link',
      subject: link.channelId,
      details: { channelId: link.channelId, previousGarageId },
    });
    return { changed: true, previousGarageId };
  });
}
