/* Words that several `/park` commands share: payment methods and `lost`. */
import { PAYMENT_METHODS, type PaymentMethod } from '../shared/tickets.js';

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
