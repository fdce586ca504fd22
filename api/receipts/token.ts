import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { RECEIPT_TOKEN_PATTERN } from '../../shared/receipt-links.js';

/**
 * Receipt link tokens: `base64url(R) + '.' + base64url(S)`, where R (16 bytes, 128 bits) is
 * derived from the server key and the link row's random salt, and S is a 12-byte HMAC of R under
 * the same key. The database stores only the salt and sha256 of the token, so:
 * - a malformed token, or one whose signature does not match, is refused before any query;
 * - the same live link can be handed out again (idempotent minting) without ever storing it;
 * - a copy of the database gives no working link unless the key (RECEIPT_LINK_SECRET) leaks too.
 */

const R_BYTES = 16;
const S_BYTES = 12;

const hmac = (key: Uint8Array, label: string, data: Uint8Array) => createHmac('sha256', key).update(label).update(data).digest();

/** The server key from RECEIPT_LINK_SECRET (any length from 32 characters), separated from other uses of the secret. */
export function keyFromSecret(secret: string): Buffer {
  return createHmac('sha256', secret).update('parkops/receipt-link/key').digest();
}

/**
 * The token of a link, from the key and its salt (the same every time: that is what makes minting idempotent).
 * @example tokenFor(key, salt) // '4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p'
 */
export function tokenFor(key: Uint8Array, salt: Uint8Array): string {
  const r = hmac(key, 'parkops/receipt-link/r', salt).subarray(0, R_BYTES);
  const s = hmac(key, 'parkops/receipt-link/s', r).subarray(0, S_BYTES);
  return `${r.toString('base64url')}.${s.toString('base64url')}`;
}

/** sha256 of a token: how the database knows a link without holding it. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * True when `token` has the shape of a receipt token and carries the key's signature. Decoding
 * must give back the same text (base64url has spare bits in its last character), so each token
 * has one spelling only. Compares in constant time.
 */
export function isSigned(key: Uint8Array, token: string): boolean {
  if (!RECEIPT_TOKEN_PATTERN.test(token)) return false;
  const [rText, sText] = token.split('.') as [string, string];
  const r = Buffer.from(rText, 'base64url');
  const s = Buffer.from(sText, 'base64url');
  if (r.length !== R_BYTES || s.length !== S_BYTES || r.toString('base64url') !== rText || s.toString('base64url') !== sText) return false;
  return timingSafeEqual(s, hmac(key, 'parkops/receipt-link/s', r).subarray(0, S_BYTES));
}
