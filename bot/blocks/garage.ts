import type { ChannelLink } from '../../api/slack/channel-links.js';
import { formatDateTime } from './format.js';
import { personOf } from './person.js';
import { context, escapeText, section, type Block, type Reply } from './reply.js';

/** Where the garage of a request came from: its channel's link, a button that named it, or, in an unlinked channel, the person's default garage or the first one. */
export type GarageSource = 'linked' | 'given' | 'default' | 'first';

/** The garage a request acts on, as its answers name it. */
export type RequestGarage = { id: number; name: string; timezone: string; source: GarageSource };

/** A garage by name for mrkdwn: `*North*`. */
const named = (name: string) => `*${escapeText(name)}*`;

/**
 * The line under every answer of a command that acts on a garage, naming it; in a channel not
 * linked to one it also says how to link it, since the garage is then only a default.
 * @example garageLine({ name: 'North', source: 'first', … }, '/park') // "Garage: *North* (this channel is not linked; `/park link <garage>`)"
 */
export function garageLine(garage: Pick<RequestGarage, 'name' | 'source'>, command: string): Block {
  if (garage.source === 'linked' || garage.source === 'given') return context(`Garage: ${named(garage.name)}`);
  return context(`Garage: ${named(garage.name)} (this channel is not linked; \`${command} link <garage>\`)`);
}

/** `reply` with the garage line under it. */
export function withGarageLine(reply: Reply, garage: Pick<RequestGarage, 'name' | 'source'>, command: string): Reply {
  return { ...reply, blocks: [...reply.blocks, garageLine(garage, command)] };
}

/** Who linked a channel, as Slack shows people: `<@U0123ABCD>` for a Slack user. */
const linker = (actor: string) => personOf(actor, actor);

/** The answer to `/park link` alone: which garage `/park` acts on in this channel, and why. */
export function buildChannelStatus(garage: RequestGarage, link: ChannelLink | null, command: string): Reply {
  if (link && garage.source === 'linked') {
    const since = `${formatDateTime(link.linkedAt, garage.timezone)}, by ${linker(link.linkedBy)}`;
    return {
      response_type: 'ephemeral',
      text: `This channel is linked to ${garage.name} (garage ${garage.id})`,
      blocks: [
        section(`:link: This channel is linked to ${named(garage.name)} (garage ${garage.id}) since ${since}: \`${command}\` here acts on it.`),
        context(`A manager links it to another garage with \`${command} link <garage>\` (its id or name).`),
      ],
    };
  }
  const why = garage.source === 'default' ? 'your default garage' : 'the first garage';
  return {
    response_type: 'ephemeral',
    text: `This channel is not linked to a garage; ${command} here acts on ${garage.name}`,
    blocks: [
      section(`This channel is not linked to a garage: \`${command}\` here acts on ${named(garage.name)} (garage ${garage.id}), ${why}.`),
      context(`A manager links it with \`${command} link <garage>\` (the garage's id or name); then every \`${command}\` here acts on that garage.`),
    ],
  };
}

/**
 * The answer to `/park link <garage>`: in the channel when the link changed (everyone typing
 * `/park` there should know), only to the asker when it was already so.
 */
export function buildChannelLinked(input: {
  garage: { id: number; name: string };
  previous: { id: number; name: string } | null;
  changed: boolean;
  userId: string;
  command: string;
}): Reply {
  const { garage, previous, command } = input;
  if (!input.changed) {
    return {
      response_type: 'ephemeral',
      text: `This channel was already linked to ${garage.name}`,
      blocks: [section(`This channel was already linked to ${named(garage.name)} (garage ${garage.id}); nothing changed.`)],
    };
  }
  const before = previous ? ` (it was linked to ${named(previous.name)})` : '';
  return {
    response_type: 'in_channel',
    text: `This channel is now linked to ${garage.name}`,
    blocks: [
      section(`:link: <@${escapeText(input.userId)}> linked this channel to ${named(garage.name)} (garage ${garage.id})${before}: every \`${command}\` here now acts on ${named(garage.name)}.`),
    ],
  };
}
