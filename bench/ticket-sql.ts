import { CROCKFORD, TICKET_CODE_LENGTH } from '../shared/ticket-number.js';

/** Ticket codes have 6 Crockford base32 characters: 30 bits. */
const CODE_MASK = 2 ** (5 * TICKET_CODE_LENGTH) - 1;

/** An odd multiplier: n -> n * M mod 2^30 is a bijection, so distinct series numbers give distinct codes. */
const SCATTER = 1_103_515_245;

/**
 * SQL text giving `PS-` plus the 6 Crockford base32 characters of the 30-bit integer `expr`
 * (a bigint expression), most significant first. For statements built as text (seed, pgbench).
 * @example ticketNumberSql('42::bigint') // "'PS-' || substr('0123…', ((42::bigint >> 25) & 31)::int + 1, 1) || …"
 */
export function ticketNumberSql(expr: string): string {
  const chars = Array.from({ length: TICKET_CODE_LENGTH }, (_, i) => {
    const shift = 5 * (TICKET_CODE_LENGTH - 1 - i);
    return `substr('${CROCKFORD}', (((${expr}) >> ${shift}) & 31)::int + 1, 1)`;
  });
  return `'PS-' || ${chars.join(' || ')}`;
}

/** SQL text scattering the series number `expr` over the 30-bit code space (distinct in, distinct out). */
export function scatteredCodeSql(expr: string): string {
  return `(((${expr})::bigint * ${SCATTER}) & ${CODE_MASK})`;
}
