import { addDays, isLocalDate, localDate, localInstant, type LocalDate } from '../shared/garage-day.js';
import { readPlate, type Plate } from '../shared/plate.js';
import { readCents } from './parse-words.js';

/** A booking's window as typed: a local date (null: today in the garage) and minutes since midnight; `to` before `from` ends the next day. */
export type TypedWindow = { date: LocalDate | null; fromMinute: number; toMinute: number };

/** The `/park` commands about reservations, read from their words (or what to type instead). */
export type ReservationCommand =
  | { kind: 'reserve'; plate: Plate; window: TypedWindow; prepaidCents: number; holder: string | null }
  | { kind: 'reservations' }
  | { kind: 'cancel-reservation'; id: number }
  | { kind: 'invalid'; message: string };

/** The most a booking may have been prepaid (ReservationBody's bound): $1,000,000.00. */
const MAX_PREPAID_CENTS = 100_000_000;
/** The longest holder name (ReservationBody's bound). */
const HOLDER_MAX = 120;
/** The largest id a reservation can have (int4). */
const MAX_ID = 2_147_483_647;

const WINDOW = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;
const invalid = (message: string): ReservationCommand => ({ kind: 'invalid', message });

/** `H:MM` or `HH:MM` as minutes since midnight; null when it is no time of day. */
function minuteOf(hours: string, minutes: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  return h <= 23 && m <= 59 ? h * 60 + m : null;
}

/** The words with a window typed loosely (`8:00 - 18:00`, `8:00–18:00`) joined into one word, `8:00-18:00`. */
function joinWindow(args: string[]): string[] {
  return args.join(' ').replace(/(\d:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})/g, '$1-$2').split(' ').filter(Boolean);
}

/** The words after the window: `prepaid <amount>` and `for <holder…>`, in either order. */
function readExtras(words: string[], usage: string): { prepaidCents: number; holder: string | null } | { message: string } {
  let prepaidCents = 0;
  let holder: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    if (word === 'prepaid') {
      const cents = words[i + 1] === undefined ? null : readCents(words[i + 1]!);
      if (cents === null || cents > MAX_PREPAID_CENTS) return { message: `How much was prepaid? Write it like 20 or $20.00 (at most $1,000,000.00), after "prepaid". ${usage}` };
      prepaidCents = cents;
      i++;
    } else if (word === 'for') {
      const end = words.findIndex((w, j) => j > i && w.toLowerCase() === 'prepaid');
      const name = words.slice(i + 1, end === -1 ? undefined : end).join(' ');
      if (!name) return { message: `For whom? Say the name after "for". ${usage}` };
      if (name.length > HOLDER_MAX) return { message: `A holder's name is at most ${HOLDER_MAX} characters. ${usage}` };
      holder = name;
      i = end === -1 ? words.length : end - 1;
    } else {
      return { message: `"${words[i]}" is not understood after the window: add \`prepaid <amount>\` or \`for <name>\`. ${usage}` };
    }
  }
  return { prepaidCents, holder };
}

/**
 * `reserve <plate> [YYYY-MM-DD] <HH:MM-HH:MM> [prepaid <amount>] [for <holder…>]`: the window is on
 * the garage's clock, today unless a date is given; an end before the start is the next day.
 * @example parseReserve(['ABC', '123', '8:00-18:00', 'prepaid', '20'], '/park') // { kind: 'reserve', plate: …, window: { date: null, fromMinute: 480, toMinute: 1080 }, prepaidCents: 2000, holder: null }
 */
export function parseReserve(args: string[], command: string): ReservationCommand {
  const usage = `Try \`${command} reserve ABC 123 08:00-18:00 prepaid 20\` or \`${command} reserve ABC 123 2026-11-24 22:00-06:00 for Ms Lee\`.`;
  const words = joinWindow(args);
  const at = words.findIndex((w) => WINDOW.test(w));
  if (at === -1) {
    const timeLike = words.find((w) => w.includes(':'));
    if (timeLike) return invalid(`"${timeLike}" is not a window: write it as HH:MM-HH:MM, from and to. ${usage}`);
    return invalid(words.length === 0 ? `Reserve for which plate, and when? ${usage}` : `When? Say the window after the plate. ${usage}`);
  }
  const [, fh, fm, th, tm] = WINDOW.exec(words[at]!)!;
  const fromMinute = minuteOf(fh!, fm!);
  const toMinute = minuteOf(th!, tm!);
  if (fromMinute === null || toMinute === null) return invalid(`"${words[at]}" is not a window: hours are 0 to 23 and minutes 0 to 59. ${usage}`);
  if (fromMinute === toMinute) return invalid(`The window ${words[at]} is empty: the end is the start. ${usage}`);
  const dated = at > 0 && /^\d{4}-\d{2}-\d{2}$/.test(words[at - 1]!);
  const date = dated ? words[at - 1]! : null;
  if (date !== null && !isLocalDate(date)) return invalid(`"${date}" is not a date; write it as YYYY-MM-DD. ${usage}`);
  const plateText = words.slice(0, dated ? at - 1 : at).join(' ');
  if (!plateText) return invalid(`Which plate? ${usage}`);
  const plate = readPlate(plateText);
  if (!plate) return invalid(`"${plateText}" is not a licence plate: use 2 to 10 letters and digits (spaces and dashes are ignored).`);
  const extras = readExtras(words.slice(at + 1), usage);
  if ('message' in extras) return invalid(extras.message);
  return { kind: 'reserve', plate, window: { date, fromMinute, toMinute }, ...extras };
}

/** `cancel-reservation <id>` (a leading `#` is fine). */
export function parseCancelReservation(args: string[], command: string): ReservationCommand {
  const usage = `Try \`${command} cancel-reservation 12\`; \`${command} reservations\` lists today's with their numbers.`;
  const text = args.join(' ').replace(/^#/, '');
  if (!text) return invalid(`Cancel which reservation? ${usage}`);
  const id = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(id >= 1 && id <= MAX_ID)) return invalid(`"${args.join(' ')}" is not a reservation number. ${usage}`);
  return { kind: 'cancel-reservation', id };
}

/**
 * The instants a typed window stands for on the garage's clock, `now` deciding "today".
 * @example windowInstants({ date: null, fromMinute: 1320, toMinute: 360 }, new Date('2026-11-23T15:00:00Z'), 'America/New_York') // { from: 2026-11-24T03:00Z, to: 2026-11-24T11:00Z }
 */
export function windowInstants(window: TypedWindow, now: Date, timeZone: string): { from: Date; to: Date } {
  const date = window.date ?? localDate(now, timeZone);
  const endDate = window.toMinute > window.fromMinute ? date : addDays(date, 1);
  return { from: localInstant(date, window.fromMinute, timeZone), to: localInstant(endDate, window.toMinute, timeZone) };
}
