/* Words that several `/park` commands share: payment methods, `lost` and validation codes. */
import { PAYMENT_METHODS, type PaymentMethod } from '../shared/tickets.js';
import { ValidationCodeText } from '../shared/validations.js';

const PAYMENT_ALIASES: Record<string, PaymentMethod> = {
  ...Object.fromEntries(PAYMENT_METHODS.map((m) => [m.toLowerCase(), m])),
  credit: 'Credit Card',
  debit: 'Debit Card',
};

/** Splits a trailing payment method (`cash`, `credit card`, `debit`…) off the words. */
export function splitPaymentMethod(words: string[]): { rest: string[]; method: PaymentMethod | null } {
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const method = PAYMENT_ALIASES[words.slice(-n).join(' ').toLowerCase()];
    if (method) return { rest: words.slice(0, -n), method };
  }
  return { rest: words, method: null };
}

/** Whether the last word is `lost` (a lost ticket), with the words before it; a lone word stays a plate. */
export function splitLost(words: string[]): { rest: string[]; lost: boolean } {
  if (words.length > 1 && words.at(-1)!.toLowerCase() === 'lost') return { rest: words.slice(0, -1), lost: true };
  return { rest: words, lost: false };
}

/** The words that mark a validation code in `/park exit`, so it can be given without a payment method. */
const CODE_WORDS = new Set(['code', 'validation']);

/**
 * Splits a merchant's validation code off the end of `/park exit`'s words: after `code` or
 * `validation` (`… code CINEMA5`), or as the one word after the payment method (`… cash CINEMA5`,
 * `… cash lost CINEMA5`). Text that ends with a payment method keeps it (`debit card` is a method,
 * not a code CARD). `invalid`: the word after a method that is no code, as typed.
 * @example splitValidationCode(['PS-7K3QXM', 'cash', 'cinema5']) // { rest: ['PS-7K3QXM', 'cash'], code: 'CINEMA5' }
 */
export function splitValidationCode(words: string[]): { rest: string[]; code: string | null; invalid?: string } {
  const last = words.at(-1);
  if (last === undefined) return { rest: words, code: null };
  if (words.length > 2 && CODE_WORDS.has(words.at(-2)!.toLowerCase())) {
    const marked = ValidationCodeText.safeParse(last);
    return marked.success ? { rest: words.slice(0, -2), code: marked.data } : { rest: words.slice(0, -2), code: null, invalid: last };
  }
  if (last.toLowerCase() === 'lost' || splitPaymentMethod(words).method) return { rest: words, code: null };
  const before = splitLost(words.slice(0, -1)).rest;
  if (!splitPaymentMethod(before).method) return { rest: words, code: null };
  const code = ValidationCodeText.safeParse(last);
  return code.success ? { rest: words.slice(0, -1), code: code.data } : { rest: words.slice(0, -1), code: null, invalid: last };
}
