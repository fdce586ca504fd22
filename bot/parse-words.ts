/* Words that several `/park` commands share: payment methods, `lost`, validation codes and amounts of money. */
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

/**
 * An amount of money as typed — `5`, `5.00`, `$5`, `$12.5` — in cents; null when it is not one.
 * Bounds are the caller's (a refund is at least a cent, a prepaid amount may be 0).
 * @example readCents('$5.50') // 550
 */
export function readCents(text: string): number | null {
  const m = /^\$?(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
