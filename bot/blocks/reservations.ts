import { z } from 'zod';
import { GarageIdField } from '../../shared/auth.js';
import type { Reservation } from '../../shared/reservations.js';
import { prepaidWords, windowWords } from './booking-words.js';
import { formatDateTime, formatWhen } from './format.js';
import { context, escapeText, fields, header, section, type Block, type Reply } from './reply.js';

/** The action id of a reservation's Cancel button (in `/park reservations`). */
export const CANCEL_RESERVATION_ACTION = 'reservation_cancel';

/** How many reservations one `/park reservations` answer lists (one block each; Slack allows 50). */
export const LISTED_RESERVATIONS = 20;

/** What a Cancel button carries: which reservation, in which garage. */
export const CancelChoice = z.object({ reservationId: z.number().int().min(1).max(2_147_483_647), garageId: GarageIdField });
export type CancelChoice = z.infer<typeof CancelChoice>;

/** Reads a Cancel button's value; null when it is not one this bot made. */
export function readCancelChoice(value: string | undefined): CancelChoice | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null; // not JSON: not a value this bot wrote
  }
  const result = CancelChoice.safeParse(parsed);
  return result.success ? result.data : null;
}

/** What became of a reservation, in words. */
function statusWords(r: Reservation): string {
  switch (r.status) {
    case 'confirmed':
      return 'waiting for its car';
    case 'arrived':
      return `arrived${r.ticketNumber ? ` (${r.ticketNumber})` : ''}`;
    case 'cancelled':
      return 'cancelled';
    case 'no_show':
      return 'no-show, space released';
  }
}

/** A reservation's window with its day: `Mon 23 Nov 08:00–18:00`. */
const dayAndWindow = (r: Reservation, timeZone: string) => `${formatDateTime(r.from, timeZone)}–${formatWhen(r.to, new Date(r.from), timeZone)}`;

/** A reservation in one line of words, for notices: `#12 ABC 123, Mon 23 Nov 08:00–18:00`. */
export const reservationWords = (r: Reservation, timeZone: string) => `#${r.id} ${r.licensePlate}, ${dayAndWindow(r, timeZone)}`;

/** The in-channel answer to `/park reserve`: the booking, its window, what was prepaid and how to cancel it. */
export function buildBooked(r: Reservation, timeZone: string, command: string): Reply {
  const window = dayAndWindow(r, timeZone);
  const prepaid = prepaidWords(r.prepaidCents);
  return {
    response_type: 'in_channel',
    text: `Reservation #${r.id}: ${r.licensePlate}, ${window}, ${prepaid}${r.holder ? `, for ${r.holder}` : ''}`,
    blocks: [
      section(`:calendar: *Reservation #${r.id}* — ${escapeText(r.licensePlate)}`),
      fields([
        ['Window', window],
        ['Prepaid', r.prepaidCents > 0 ? prepaid.replace('prepaid ', '') : 'not prepaid (the stay is priced as usual)'],
        ...(r.holder ? [['For', escapeText(r.holder)] as [string, string]] : []),
      ]),
      context(`A space is held for it from now until its car comes in. Cancel with \`${command} cancel-reservation ${r.id}\` or in \`${command} reservations\`.`),
    ],
  };
}

/** The Cancel button of a confirmed reservation, asking before it acts. */
function cancelButton(r: Reservation, garageId: number, timeZone: string) {
  return {
    type: 'button' as const,
    action_id: CANCEL_RESERVATION_ACTION,
    text: { type: 'plain_text' as const, text: 'Cancel' },
    style: 'danger' as const,
    value: JSON.stringify({ reservationId: r.id, garageId } satisfies CancelChoice),
    confirm: {
      title: { type: 'plain_text' as const, text: 'Cancel this reservation?' },
      text: { type: 'plain_text' as const, text: `${reservationWords(r, timeZone)}: its space is freed at once.` },
      confirm: { type: 'plain_text' as const, text: 'Cancel it' },
      deny: { type: 'plain_text' as const, text: 'Keep it' },
    },
  };
}

/**
 * `/park reservations`: a garage's reservations of today, soonest first, each with what became of it;
 * a confirmed one has a Cancel button (only the asker sees the list). `notice` heads it (what a
 * click just did); `more`: more than are shown; `replaceOriginal` when it replaces the list clicked.
 */
export function buildReservationList(
  reservations: Reservation[],
  garage: { id: number; name: string; timezone: string },
  now: Date,
  options: { notice?: string; more?: boolean; replaceOriginal?: boolean; command?: string } = {},
): Reply {
  const tz = garage.timezone;
  const command = options.command ?? '/park';
  const top: Block[] = options.notice ? [section(escapeText(options.notice))] : [];
  const replace = options.replaceOriginal ? { replace_original: true } : {};
  if (reservations.length === 0) {
    return {
      response_type: 'ephemeral',
      ...replace,
      text: `No reservations today at ${garage.name}.`,
      blocks: [...top, section(`No reservations today at *${escapeText(garage.name)}*.`), context(`Book one with \`${command} reserve <plate> <HH:MM-HH:MM>\`.`)],
    };
  }
  const items: Block[] = reservations.map((r) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*#${r.id}* ${escapeText(r.licensePlate)} · ${windowWords(r.from, r.to, now, tz)} · ${prepaidWords(r.prepaidCents)}${r.holder ? ` · ${escapeText(r.holder)}` : ''}\n${statusWords(r)}`,
    },
    ...(r.status === 'confirmed' ? { accessory: cancelButton(r, garage.id, tz) } : {}),
  }));
  return {
    response_type: 'ephemeral',
    ...replace,
    text: `${reservations.length}${options.more ? '+' : ''} reservations today at ${garage.name}`,
    blocks: [
      header(`Reservations today — ${garage.name}`),
      ...top,
      ...items,
      context(`${options.more ? 'The first shown; the app lists them all. ' : ''}A confirmed reservation holds a space until its car comes in; cancelling frees it at once.`),
    ],
  };
}
