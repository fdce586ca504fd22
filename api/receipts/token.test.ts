import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECEIPT_TOKEN_PATTERN } from '../../shared/receipt-links.js';
import { isSigned, keyFromSecret, tokenFor, tokenHash } from './token.js';

const key = keyFromSecret('a-secret-of-at-least-32-characters!');
const salt = Buffer.alloc(16, 7);
const token = tokenFor(key, salt);

describe('receipt tokens', () => {
  it('are 128 random-looking bits and a signature, in one spelling, the same for the same key and salt', () => {
    expect(token).toMatch(RECEIPT_TOKEN_PATTERN);
    expect(tokenFor(key, salt)).toBe(token);
    expect(tokenFor(key, Buffer.alloc(16, 8))).not.toBe(token);
    expect(tokenFor(keyFromSecret('another-secret-of-at-least-32-chars'), salt)).not.toBe(token);
    expect(isSigned(key, token)).toBe(true);
  });

  const [r, s] = token.split('.') as [string, string];
  it.each([
    ['empty', ''],
    ['R only', r],
    ['no signature', `${r}.`],
    ['signature only', `.${s}`],
    ['parts swapped', `${s}.${r}`],
    ['another key', tokenFor(keyFromSecret('another-secret-of-at-least-32-chars'), salt)],
    ['one character of R changed', `${r.slice(0, 5)}${r[5] === 'a' ? 'b' : 'a'}${r.slice(6)}.${s}`],
    ['one character of S changed', `${r}.${s.slice(0, 15)}${s[15] === 'A' ? 'Q' : 'A'}`],
    ['padded', `${r}==.${s}`],
    ['standard base64', `${r.replace(/./, '+')}.${s}`],
    ['too long', `${token}A`],
    ['random', `${randomBytes(16).toString('base64url')}.${randomBytes(12).toString('base64url')}`],
  ])('%s is refused', (_, text) => {
    expect(isSigned(key, text)).toBe(false);
  });

  it('refuses another spelling of the same bytes (the spare bits of the last character of R)', () => {
    const last = r[21]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const i = alphabet.indexOf(last);
    const sibling = alphabet[(i & ~3) | ((i + 1) & 3)]!; // same top 4 bits: decodes to the same 16 bytes
    const other = `${r.slice(0, 21)}${sibling}.${s}`;
    expect(Buffer.from(other.split('.')[0]!, 'base64url').equals(Buffer.from(r, 'base64url'))).toBe(true);
    expect(isSigned(key, other)).toBe(false);
  });

  it('hash to 32 bytes, differently for different tokens', () => {
    expect(tokenHash(token)).toHaveLength(32);
    expect(tokenHash(token).equals(tokenHash(tokenFor(key, Buffer.alloc(16, 8))))).toBe(false);
  });
});
