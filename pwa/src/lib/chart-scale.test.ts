import { describe, expect, it } from 'vitest';
import { axisDollars, carsAverage, heatLevel, labelEvery, niceCeiling } from './chart-scale.js';

describe('chart scales', () => {
  it.each([
    [0, 1],
    [-5, 1],
    [0.4, 0.5],
    [1, 1],
    [7, 10],
    [57, 100],
    [180, 200],
    [230, 250],
    [41250, 50000],
  ])('niceCeiling(%s) = %s', (max, top) => expect(niceCeiling(max)).toBe(top));

  it.each([
    [0, 40, 0],
    [5, 0, 0],
    [0.1, 40, 1],
    [10, 40, 1],
    [10.1, 40, 2],
    [30, 40, 3],
    [40, 40, 4],
    [50, 40, 4],
  ])('heatLevel(%s of %s) = %s', (value, top, level) => expect(heatLevel(value, top)).toBe(level));

  it.each([
    [1, 6, 1],
    [6, 6, 1],
    [7, 6, 2],
    [31, 6, 6],
    [366, 6, 61],
    [5, 0, 5],
  ])('labelEvery(%s, %s) = %s', (count, most, every) => expect(labelEvery(count, most)).toBe(every));

  it.each([
    [0, '$0'],
    [95000, '$950'],
    [100000, '$1k'],
    [123456, '$1.2k'],
    [1250000, '$13k'],
    [-5000, '-$50'],
  ])('axisDollars(%s) = %s', (cents, words) => expect(axisDollars(cents)).toBe(words));

  it.each([
    [0, '0'],
    [3, '3'],
    [12.35, '12.4'],
    [6.2, '6.2'],
    [0.04, '0'],
  ])('carsAverage(%s) = %s', (value, words) => expect(carsAverage(value)).toBe(words));
});
