import { PAYMENT_METHODS, VEHICLE_TYPES } from '../../shared/tickets.js';
import { context, escapeText, section, type Reply } from './reply.js';

/** The commands with an example each; also the answer to anything the bot does not understand. */
export function buildHelp(command = '/park', notUnderstood?: string): Reply {
  const lines = [
    `*\`${command} enter <plate> [vehicle type]\`* — issue a ticket. e.g. \`${command} enter ABC 123 suv\``,
    `*\`${command} exit <ticket|plate> [payment method]\`* — check a car out. e.g. \`${command} exit PS-7K3QXM cash\`; without a method you get the amount due and payment buttons`,
    `*\`${command} find <plate|ticket>\`* — the ticket, time parked and amount due. e.g. \`${command} find ABC 123\``,
    `*\`${command} stats\`* — occupancy, revenue and vehicles today`,
    `*\`${command} report [YYYY-MM-DD]\`* — managers: a day's figures (default today). e.g. \`${command} report 2026-11-23\``,
    `*\`${command} payments\`* — managers: the paid exits handed over from phones that wait for you`,
    `*\`${command} link [garage]\`* — which garage \`${command}\` acts on in this channel; managers: link the channel to a garage by its name or id. e.g. \`${command} link North\``,
    `*\`${command} help\`* — this list`,
  ];
  const intro = notUnderstood
    ? `I did not understand \`${escapeText(notUnderstood.replace(/`/g, "'").slice(0, 80))}\`. Here is what I can do:`
    : 'Here is what I can do:';
  return {
    response_type: 'ephemeral',
    text: `ParkOps commands: enter, exit, find, stats, report, payments, link, help`,
    blocks: [
      section(intro),
      section(lines.join('\n')),
      context(`Vehicle types: ${VEHICLE_TYPES.join(', ')} (default Car). Payment methods: ${PAYMENT_METHODS.join(', ')}.`),
    ],
  };
}
