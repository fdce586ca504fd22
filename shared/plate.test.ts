import { describe, expect, it } from 'vitest';
import { normalizePlate, readPlate } from './plate.js';

describe('normalizePlate', () => {
  it.each([
    ['ABC123', 'ABC123'],
    ['abc123', 'ABC123'],
    [' ab-c 1 2 3 ', 'ABC123'],
    ['AB', 'AB'],
    ['ABCDEFGHIJ', 'ABCDEFGHIJ'],
    ['7--K', '7K'],
  ])('%j -> %j', (input, expected) => expect(normalizePlate(input)).toBe(expected));

  it.each([[''], ['A'], ['ABCDEFGHIJK'], ['AB_12'], ['ÄB12'], ['AB.12'], ['  - ']])('%j is not a plate', (input) =>
    expect(normalizePlate(input)).toBeNull(),
  );
});

describe('readPlate', () => {
  it.each([
    ['abc 123', 'ABC 123', 'ABC123'],
    ['  ab-12  ', 'AB-12', 'AB12'],
    ['ab   12', 'AB 12', 'AB12'],
  ])('%j is shown as %j and matched as %j', (input, display, normalized) =>
    expect(readPlate(input)).toEqual({ display, normalized }),
  );
  it('refuses what is not a plate', () => expect(readPlate('x')).toBeNull());
});
