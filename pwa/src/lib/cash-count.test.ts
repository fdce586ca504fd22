import { describe, expect, it } from 'vitest';
import { countedCents, DENOMINATIONS, readCount, varianceWords } from './cash-count.js';

describe('countedCents', () => {
  it.each([
    [{}, 0],
    [{ b20: 3, c25: 7 }, 6175],
    [{ b100: 1, b50: 1, b20: 1, b10: 1, b5: 1, b1: 1, c25: 1, c10: 1, c5: 1, c1: 1 }, 18_641],
    [{ c10: 3 }, 30],
    [{ c1: 99, b1: 2 }, 299],
    [{ nope: 5, b5: 2 }, 1000],
  ])('%o adds up to %i cents', (counts, cents) => expect(countedCents(counts)).toBe(cents));

  it('counts every bill and coin the close screen shows, in whole cents', () => {
    expect(DENOMINATIONS.map((d) => d.cents)).toEqual([10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]);
    expect(DENOMINATIONS.every((d) => Number.isInteger(d.cents))).toBe(true);
  });
});

describe('readCount', () => {
  it.each([
    ['', 0],
    [' 7 ', 7],
    ['12', 12],
    ['1.5', null],
    ['-2', null],
    ['x', null],
  ])('%j reads as %s', (text, count) => expect(readCount(text)).toBe(count));
});

describe('varianceWords', () => {
  it.each([
    [-120, 'Short $1.20'],
    [50, 'Over $0.50'],
    [0, 'Balanced'],
    [-123_456, 'Short $1,234.56'],
  ])('%i cents: %s', (cents, words) => expect(varianceWords(cents)).toBe(words));
});
