/** Crockford base32 alphabet: 0-9 A-Z without I, L, O, U. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters after `PS-` in a ticket number. */
export const TICKET_CODE_LENGTH = 6;

/**
 * Builds a ticket number from random bytes (at least 6; each byte gives one character).
 * The caller supplies the randomness so this stays pure.
 * @example ticketNumberFromBytes(new Uint8Array([0, 1, 2, 3, 4, 31])) // 'PS-01234Z'
 */
export function ticketNumberFromBytes(bytes: Uint8Array): string {
  if (bytes.length < TICKET_CODE_LENGTH) throw new Error(`need ${TICKET_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += CROCKFORD[bytes[i]! & 31];
  return `PS-${code}`;
}

const CONFUSABLE: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * Reads a ticket number as a person might type it: any case, with or without `PS-`, O read as 0,
 * I or L as 1. Returns the canonical `PS-XXXXXX`, or null when it cannot be a ticket number.
 * @example parseTicketNumber('ps-7k3qxm') // 'PS-7K3QXM'
 */
export function parseTicketNumber(input: string): string | null {
  const upper = input.trim().toUpperCase().replace(/\s+/g, '');
  const code = (upper.startsWith('PS-') ? upper.slice(3) : upper.startsWith('PS') && upper.length === 8 ? upper.slice(2) : upper)
    .replace(/[OIL]/g, (c) => CONFUSABLE[c]!);
  if (code.length !== TICKET_CODE_LENGTH) return null;
  for (const c of code) if (!CROCKFORD.includes(c)) return null;
  return `PS-${code}`;
}
