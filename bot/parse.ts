import { isLocalDate, type LocalDate } from '../shared/garage-day.js';
import { readPlate, type Plate } from '../shared/plate.js';
import { readTicketTarget, VEHICLE_TYPES, type PaymentMethod, type TicketTarget, type VehicleType } from '../shared/tickets.js';
import { parseAlerts, type AlertsCommand } from './parse-alerts.js';
import { parseRefund, parseVoid, parseWaive, type CorrectionCommand } from './parse-corrections.js';
import { parseCancelReservation, parseReserve, type ReservationCommand } from './parse-reserve.js';
import { splitLost, splitPaymentMethod, splitValidationCode } from './parse-words.js';

/** A `/park` command, read from its text. */
export type ParkCommand =
  | { kind: 'enter'; plate: Plate; vehicleType: VehicleType }
  | { kind: 'exit'; target: TicketTarget; paymentMethod: PaymentMethod | null; lostTicket?: true; validationCode?: string }
  | { kind: 'find'; target: TicketTarget }
  | { kind: 'stats' }
  | { kind: 'rates' }
  | { kind: 'payments' }
  | { kind: 'shift' }
  | { kind: 'report'; date: LocalDate | null }
  | { kind: 'link'; garage: string | null }
  | { kind: 'receipt'; ticketNumber: string; revoke: boolean }
  | Exclude<CorrectionCommand, { kind: 'invalid' }>
  | Exclude<ReservationCommand, { kind: 'invalid' }>
  | { kind: 'approvals' }
  | Exclude<AlertsCommand, { kind: 'invalid' }>
  | { kind: 'help'; notUnderstood?: string }
  | { kind: 'invalid'; message: string };

/** The longest garage name (shared/garages.ts). */
const GARAGE_NAME_MAX = 80;

/** `exit <ticket|plate> [method] [lost] [CODE]` (`lost` before or after the method; `code CODE` without a method). */
function parseExit(args: string[], command: string): ParkCommand {
  const coded = splitValidationCode(args);
  if (coded.invalid !== undefined) {
    return { kind: 'invalid', message: `"${coded.invalid}" is not a validation code: a code is 2 to 32 letters, digits or dashes, e.g. \`${command} exit PS-7K3QXM cash CINEMA5\`.` };
  }
  const last = splitLost(coded.rest);
  const { rest: afterMethod, method } = splitPaymentMethod(last.rest);
  const before = last.lost ? { rest: afterMethod, lost: true } : splitLost(afterMethod);
  const rest = before.rest;
  if (rest.length === 0) return { kind: 'invalid', message: `Which car? Try \`${command} exit PS-7K3QXM\` or \`${command} exit ABC 123 cash\`.` };
  const target = readTicketTarget(rest.join(' '));
  if (!target) return { kind: 'invalid', message: `"${rest.join(' ')}" is neither a ticket number (PS-7K3QXM) nor a licence plate.` };
  if (before.lost && !method) return { kind: 'invalid', message: `How is the lost ticket paid? Try \`${command} exit ${rest.join(' ')} cash lost\`.` };
  return {
    kind: 'exit',
    target,
    paymentMethod: method,
    ...(before.lost ? { lostTicket: true as const } : {}),
    ...(coded.code ? { validationCode: coded.code } : {}),
  };
}

/** The longest ticket text `receipt` reads: a number typed with spaces or `PS-` fits well within it. */
const RECEIPT_TEXT_MAX = 20;

/** A person's text, shown back in a refusal: on one line, without control characters, short. */
const shownBack = (text: string) => {
  const plain = text.replace(/[\p{Cc}`]/gu, '?');
  return plain.length > RECEIPT_TEXT_MAX ? `${plain.slice(0, RECEIPT_TEXT_MAX)}…` : plain;
};

/**
 * `receipt <ticket number>` and `receipt revoke <ticket number>` (`revoke` last is read too). Only
 * a ticket number: a receipt is one visit's, and a plate may have had many.
 */
function parseReceipt(args: string[], command: string): ParkCommand {
  const usage = `Try \`${command} receipt PS-7K3QXM\` (a manager revokes the link with \`${command} receipt revoke PS-7K3QXM\`).`;
  const revoke = args[0]?.toLowerCase() === 'revoke' || (args.length > 1 && args.at(-1)!.toLowerCase() === 'revoke');
  const rest = !revoke ? args : args[0]?.toLowerCase() === 'revoke' ? args.slice(1) : args.slice(0, -1);
  if (rest.length === 0) return { kind: 'invalid', message: `${revoke ? "Revoke which ticket's receipt link?" : 'The receipt link of which ticket?'} ${usage}` };
  const text = rest.join(' ');
  // `revoke` could read as the ticket PS-REV0KE: here it is only ever the word
  const readable = text.length <= RECEIPT_TEXT_MAX && !/\p{Cc}/u.test(text) && !rest.some((w) => w.toLowerCase() === 'revoke');
  const ticketNumber = readable ? readTicketTarget(text)?.ticketNumber : null;
  if (!ticketNumber) {
    return { kind: 'invalid', message: `"${shownBack(text)}" is not a ticket number: a receipt link names the ticket (PS-7K3QXM); \`${command} find <plate>\` finds it. ${usage}` };
  }
  return { kind: 'receipt', ticketNumber, revoke };
}

/**
 * Reads the text after `/park`. Unknown words give help; a known command with missing or
 * unreadable arguments gives a message saying what to type.
 * @example parseParkCommand('enter abc 123 suv') // { kind: 'enter', plate: { display: 'ABC 123', … }, vehicleType: 'SUV' }
 */
export function parseParkCommand(text: string, command = '/park'): ParkCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...args] = words;
  switch (verb?.toLowerCase()) {
    case undefined:
    case 'help':
      return { kind: 'help' };
    case 'enter': {
      const type = args.length > 1 ? VEHICLE_TYPES.find((t) => t.toLowerCase() === args.at(-1)!.toLowerCase()) : undefined;
      const plateText = (type ? args.slice(0, -1) : args).join(' ');
      if (!plateText) return { kind: 'invalid', message: `Which plate? Try \`${command} enter ABC 123\` or \`${command} enter ABC 123 suv\`.` };
      const plate = readPlate(plateText);
      if (!plate) return { kind: 'invalid', message: `"${plateText}" is not a licence plate: use 2 to 10 letters and digits (spaces and dashes are ignored).` };
      return { kind: 'enter', plate, vehicleType: type ?? 'Car' };
    }
    case 'exit':
      return parseExit(args, command);
    case 'void':
      return parseVoid(args, command);
    case 'refund':
      return parseRefund(args, command);
    case 'waive':
      return parseWaive(args, command);
    case 'approvals':
      return { kind: 'approvals' };
    case 'alerts':
      return parseAlerts(args, command);
    case 'reserve':
      return parseReserve(args, command);
    case 'reservations':
      if (args.length > 0) return { kind: 'invalid', message: `\`${command} reservations\` lists today's reservations and takes nothing after it; \`${command} reserve …\` books one.` };
      return { kind: 'reservations' };
    case 'cancel-reservation':
      return parseCancelReservation(args, command);
    case 'find': {
      if (args.length === 0) return { kind: 'invalid', message: `Find what? Try \`${command} find ABC 123\` or \`${command} find PS-7K3QXM\`.` };
      const target = readTicketTarget(args.join(' '));
      if (!target) return { kind: 'invalid', message: `"${args.join(' ')}" is neither a ticket number (PS-7K3QXM) nor a licence plate.` };
      return { kind: 'find', target };
    }
    case 'stats':
      return { kind: 'stats' };
    case 'rates':
      return { kind: 'rates' };
    case 'payments':
      return { kind: 'payments' };
    case 'shift':
      return { kind: 'shift' };
    case 'report': {
      if (args.length === 0) return { kind: 'report', date: null };
      const date = args.join(' ');
      if (args.length > 1 || !isLocalDate(date)) return { kind: 'invalid', message: `"${date}" is not a date; write it as YYYY-MM-DD, e.g. \`${command} report 2026-11-23\`.` };
      return { kind: 'report', date };
    }
    case 'link': {
      if (args.length === 0) return { kind: 'link', garage: null };
      const garage = args.join(' ');
      if (garage.length > GARAGE_NAME_MAX) return { kind: 'invalid', message: `A garage is named by its id or its name (at most ${GARAGE_NAME_MAX} characters), e.g. \`${command} link North\` or \`${command} link 2\`.` };
      return { kind: 'link', garage };
    }
    case 'receipt':
      return parseReceipt(args, command);
    default:
      return { kind: 'help', notUnderstood: text.trim() };
  }
}
