import { describe, expect, it } from 'vitest';
import { candidatesOf, type OcrLine } from './plate-read.js';

const box = (top: number, height: number) => [
  [10, top],
  [300, top],
  [300, top + height],
  [10, top + height],
];

describe('candidatesOf', () => {
  it.each<[string, OcrLine[], string[]]>([
    ['one line, normalized, then its words', [{ text: 'ab 123', mean: 0.9, box: box(20, 60) }], ['AB123', 'AB', '123']],
    ['the tallest line first (the registration, not the state name)', [{ text: 'OREGON', mean: 0.99, box: box(0, 15) }, { text: 'KTR 482', mean: 0.8, box: box(20, 60) }], ['KTR482', 'KTR', '482', 'OREGON']],
    ['surer first among lines as tall', [{ text: 'XY12', mean: 0.6, box: box(0, 40) }, { text: 'XY 13', mean: 0.9, box: box(50, 40) }], ['XY13', 'XY', '13', 'XY12']],
    ['words of a line that is too long to be a plate', [{ text: 'CALIFORNIA 7ABC123', mean: 0.9, box: box(0, 50) }], ['CALIFORNIA', '7ABC123']],
    ['marks and Chinese characters from the dictionary dropped', [{ text: '京A·12345', mean: 0.9, box: box(0, 50) }], ['A12345']],
    ['nothing plate-shaped', [{ text: '·', mean: 0.9, box: box(0, 50) }, { text: 'A', mean: 0.9 }], []],
    ['no lines', [], []],
  ])('%s', (_what, lines, expected) => expect(candidatesOf(lines)).toEqual(expected));
});
