import { describe, expect, it } from 'vitest';
import { parseCents } from './cents.js';

describe('parseCents', () => {
  it.each([
    ['0', 0],
    ['2147483648', 2 ** 31],
    ['4584995415', 4_584_995_415],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    [1234, 1234],
    [5n, 5],
  ] as const)('%s -> %i', (value, cents) => expect(parseCents(value)).toBe(cents));

  it.each(['9007199254740992', '12.5', '', 'abc', '-1', '1e3'])('throws on %j (a bug, never a wrong amount)', (value) => {
    expect(() => parseCents(value)).toThrow(/cents/);
  });
});
