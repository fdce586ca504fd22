import { describe, expect, it } from 'vitest';
import { centsToInput, parseDollars } from './money.js';

describe('parseDollars', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['12.50', 1250],
    ['$7.05', 705],
    [' 0 ', 0],
    ['0.99', 99],
  ])('%j -> %i cents', (text, cents) => expect(parseDollars(text)).toBe(cents));

  it.each(['', 'abc', '1.234', '-5', '1,000', '.5'])('%j is not an amount', (text) => expect(parseDollars(text)).toBeNull());

  it('reads back what centsToInput writes', () => {
    for (const cents of [0, 1, 99, 1000, 123456]) expect(parseDollars(centsToInput(cents))).toBe(cents);
  });
});
