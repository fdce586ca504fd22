import { REFUND_REASONS, VOID_REASONS } from '../../shared/corrections.js';
import { PAYMENT_METHODS, VEHICLE_TYPES } from '../../shared/tickets.js';
import { context, escapeText, section, type Reply } from './reply.js';

const words = (reasons: readonly string[]) => reasons.map((r) => r.replace(/_/g, ' ')).join(', ');

/** The commands with an example each; also the answer to anything the bot does not understand. */
export function buildHelp(command = '/park', notUnderstood?: string): Reply {
  const lines = [
    `*\`${command} enter <plate> [vehicle type]\`* — issue a ticket. e.g. \`${command} enter ABC 123 suv\``,
    `*\`${command} exit <ticket|plate> [payment method] [code]\`* — check a car out, with a merchant's validation code if it has one. e.g. \`${command} exit PS-7K3QXM cash\`, \`${command} exit PS-7K3QXM cash CINEMA5\`; without a method you get the amount due and payment buttons (a code then goes after \`code\`: \`${command} exit ABC 123 code CINEMA5\`)`,
    `*\`${command} exit <ticket|plate> <payment method> lost\`* — a lost ticket, priced by the garage's lost-ticket rule. e.g. \`${command} exit ABC 123 cash lost\``,
    `*\`${command} find <plate|ticket>\`* — the ticket, time parked and amount due. e.g. \`${command} find ABC 123\``,
    `*\`${command} receipt <ticket>\`* — the receipt link for the driver of a paid ticket, only to you; managers: \`${command} receipt revoke <ticket>\` stops it working. e.g. \`${command} receipt PS-7K3QXM\``,
    `*\`${command} void <ticket|plate> <reason> [note]\`* — cancel a ticket entered by mistake (never charged). e.g. \`${command} void PS-7K3QXM duplicate\``,
    `*\`${command} refund <ticket> <amount> <reason> [note]\`* — money back on a paid ticket. e.g. \`${command} refund PS-7K3QXM 5.00 wrong rate\``,
    `*\`${command} waive <ticket|plate> <payment method>\`* — check out a lost ticket without the lost-ticket fee. e.g. \`${command} waive ABC 123 cash\``,
    `*\`${command} reserve <plate> [YYYY-MM-DD] <HH:MM-HH:MM> [prepaid <amount>] [for <name>]\`* — book a space (today unless a date is given; an end before the start is the next day), held from now on. e.g. \`${command} reserve ABC 123 08:00-18:00 prepaid 20\`, \`${command} reserve ABC 123 2026-11-24 22:00-06:00 for Ms Lee\``,
    `*\`${command} reservations\`* — today's reservations and what became of them, each waiting one with a Cancel button`,
    `*\`${command} cancel-reservation <id>\`* — cancel a reservation; its space is free again at once. e.g. \`${command} cancel-reservation 12\``,
    `*\`${command} shift\`* — your open shift here: since when, float, cars, card and mobile totals, drops and payouts (the cash is counted blind at the close, in the app)`,
    `*\`${command} stats\`* — occupancy, revenue and vehicles today`,
    `*\`${command} rates\`* — the garage's rate board: rates per vehicle type, time bands, grace, daily max, specials and events`,
    `*\`${command} report [YYYY-MM-DD]\`* — managers: a day's figures (default today). e.g. \`${command} report 2026-11-23\``,
    `*\`${command} approvals\`* — managers: the voids, refunds and waivers that wait for you, with Approve / Deny`,
    `*\`${command} alerts [mute|unmute <kind>]\`* — managers: the garage's alerts going on now and the kinds muted; mute or unmute a kind (\`95\`, \`full\`, \`stale\`, \`shift\`, \`summary\`, \`feed\`, \`cash\`). e.g. \`${command} alerts mute stale\``,
    `*\`${command} payments\`* — managers: the paid exits handed over from phones that wait for you`,
    `*\`${command} link [garage]\`* — which garage \`${command}\` acts on in this channel; managers: link the channel to a garage by its name or id. e.g. \`${command} link North\``,
    `*\`${command} help\`* — this list`,
  ];
  const splitAt = lines.findIndex((l) => l.includes(`${command} reserve `));
  const intro = notUnderstood
    ? `I did not understand \`${escapeText(notUnderstood.replace(/`/g, "'").slice(0, 80))}\`. Here is what I can do:`
    : 'Here is what I can do:';
  return {
    response_type: 'ephemeral',
    text: `ParkOps commands: enter, exit, find, receipt, void, refund, waive, reserve, reservations, cancel-reservation, shift, stats, rates, report, approvals, alerts, payments, link, help`,
    blocks: [
      section(intro),
      // two sections: Slack allows 3000 characters in one
      section(lines.slice(0, splitAt).join('\n')),
      section(lines.slice(splitAt).join('\n')),
      context(`Vehicle types: ${VEHICLE_TYPES.join(', ')} (default Car). Payment methods: ${PAYMENT_METHODS.join(', ')}.`),
      context(
        `Void reasons: ${words(VOID_REASONS)}. Refund reasons: ${words(REFUND_REASONS)}; "other" needs a note. A void, refund or waiver beyond what the garage lets attendants do alone waits for a manager's approval.`,
      ),
    ],
  };
}
