import { describe, expect, it } from 'vitest';
import { formatCents, formatDuration } from './format.js';

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [1000, '$10.00'],
    [1250, '$12.50'],
    [123450, '$1,234.50'],
    [100000000, '$1,000,000.00'],
  ])('%i cents -> %s', (cents, text) => expect(formatCents(cents)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h 00 min'],
    [125, '2 h 05 min'],
    [185, '3 h 05 min'],
    [1439, '23 h 59 min'],
    [1440, '1 d 0 h 00 min'],
    [1500, '1 d 1 h 00 min'],
    [1501, '1 d 1 h 01 min'],
  ])('%i min -> %s', (minutes, text) => expect(formatDuration(minutes)).toBe(text));
});
