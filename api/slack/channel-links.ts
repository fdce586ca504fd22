import type { Db } from '../db/types.js';

/** A Slack channel linked to a garage: `/park` typed there acts on that garage. */
export type ChannelLink = { channelId: string; garageId: number; linkedBy: string; linkedAt: Date };

/** What a Slack channel id looks like (public C, private G, direct message D): the table's check, sql/0013. */
export const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;

/** A channel's link, if it has one. */
export async function loadChannelLink(sql: Db, channelId: string): Promise<ChannelLink | null> {
  const [row] = await sql<ChannelLink[]>`
    select channel_id, garage_id, linked_by, linked_at
    from slack_channel_links
    where channel_id = ${channelId}
  `;
  return row ?? null;
}

/**
 * In one round trip, what decides the garage of a Slack request: the garage its channel is linked
 * to (none for a channel id Slack did not send or that is not one) and the first garage.
 */
export async function loadChannelGarageIds(sql: Db, channelId: string | null): Promise<{ linkedGarageId: number | null; firstGarageId: number | null }> {
  const linked = channelId !== null && SLACK_CHANNEL_ID.test(channelId);
  const [row] = await sql<{ linkedGarageId: number | null; firstGarageId: number | null }[]>`
    select
      ${linked ? sql`(select garage_id from slack_channel_links where channel_id = ${channelId})` : sql`null::integer`} as linked_garage_id,
      (select min(id) from garages) as first_garage_id
  `;
  return row ?? { linkedGarageId: null, firstGarageId: null };
}

/** The garage a channel is linked to, its row locked until the transaction ends (null: not linked). */
export async function lockChannelLink(sql: Db, channelId: string): Promise<number | null> {
  const [row] = await sql<{ garageId: number }[]>`
    select garage_id from slack_channel_links where channel_id = ${channelId} for update
  `;
  return row?.garageId ?? null;
}

/** Links a channel to a garage, replacing its link to another. */
export async function upsertChannelLink(sql: Db, link: ChannelLink): Promise<void> {
  await sql`
    insert into slack_channel_links (channel_id, garage_id, linked_by, linked_at)
    values (${link.channelId}, ${link.garageId}, ${link.linkedBy}, ${link.linkedAt})
    on conflict (channel_id) do update set
      garage_id = excluded.garage_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at
  `;
}
