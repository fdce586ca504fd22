import { isLocalDate, type LocalDate } from '../shared/garage-day.js';
import { readPlate, type Plate } from '../shared/plate.js';
import { PAYMENT_METHODS, readTicketTarget, VEHICLE_TYPES, type PaymentMethod, type TicketTarget, type VehicleType } from '../shared/tickets.js';

/** A `/park` command, read from its text. */
export type ParkCommand =
  | { kind: 'enter'; plate: Plate; vehicleType: VehicleType }
  | { kind: 'exit'; target: TicketTarget; paymentMethod: PaymentMethod | null }
  | { kind: 'find'; target: TicketTarget }
  | { kind: 'stats' }
  | { kind: 'payments' }
  | { kind: 'report'; date: LocalDate | null }
  | { kind: 'link'; garage: string | null }
  | { kind: 'help'; notUnderstood?: string }
  | { kind: 'invalid'; message: string };

/** The longest garage name (shared/garages.ts). */
const GARAGE_NAME_MAX = 80;

const PAYMENT_ALIASES: Record<string, PaymentMethod> = {
  ...Object.fromEntries(PAYMENT_METHODS.map((m) => [m.toLowerCase(), m])),
  credit: 'Credit Card',
  debit: 'Debit Card',
};

/** Splits a trailing payment method (`cash`, `credit card`, `debit`…) off the words. */
function splitPaymentMethod(words: string[]): { rest: string[]; method: PaymentMethod | null } {
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const method = PAYMENT_ALIASES[words.slice(-n).join(' ').toLowerCase()];
    if (method) return { rest: words.slice(0, -n), method };
  }
  return { rest: words, method: null };
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
    case 'exit': {
      const { rest, method } = splitPaymentMethod(args);
      if (rest.length === 0) return { kind: 'invalid', message: `Which car? Try \`${command} exit PS-7K3QXM\` or \`${command} exit ABC 123 cash\`.` };
      const target = readTicketTarget(rest.join(' '));
      if (!target) return { kind: 'invalid', message: `"${rest.join(' ')}" is neither a ticket number (PS-7K3QXM) nor a licence plate.` };
      return { kind: 'exit', target, paymentMethod: method };
    }
    case 'find': {
      if (args.length === 0) return { kind: 'invalid', message: `Find what? Try \`${command} find ABC 123\` or \`${command} find PS-7K3QXM\`.` };
      const target = readTicketTarget(args.join(' '));
      if (!target) return { kind: 'invalid', message: `"${args.join(' ')}" is neither a ticket number (PS-7K3QXM) nor a licence plate.` };
      return { kind: 'find', target };
    }
    case 'stats':
      return { kind: 'stats' };
    case 'payments':
      return { kind: 'payments' };
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
    default:
      return { kind: 'help', notUnderstood: text.trim() };
  }
}
