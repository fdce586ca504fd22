import { describe, expect, it } from 'vitest';
import { findTextBoxes } from './plate-lines.js';

/** A black-and-white map (RGBA, white = text) from rows of '#' and '.'. */
function map(rows: string[]) {
  const height = rows.length;
  const width = rows[0]!.length;
  const data = new Uint8ClampedArray(width * height * 4);
  rows.forEach((row, y) => [...row].forEach((c, x) => data.fill(c === '#' ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3)));
  return { data, width, height };
}

describe('findTextBoxes', () => {
  it('finds one box per blob, grown by area x 1.5 / perimeter and kept inside the map', () => {
    const boxes = findTextBoxes(
      map([
        '....................',
        '..######............',
        '..######.......####.',
        '..######.......####.',
        '...............####.',
        '....................',
      ]),
    );
    // 6 x 3 blob: grown by 18 x 1.5 / 18 = 1.5; 4 x 3 blob: by 12 x 1.5 / 14.
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toEqual({ x0: 0.5, y0: 0, x1: 9.5, y1: 5.5 });
    const g = (12 * 1.5) / 14;
    expect(boxes[1]!.x0).toBeCloseTo(15 - g);
    expect(boxes[1]!.x1).toBe(20);
    expect(boxes[1]!.y0).toBeCloseTo(2 - g);
    expect(boxes[1]!.y1).toBe(6);
  });

  it('joins pixels touching at a corner, and leaves out specks', () => {
    const boxes = findTextBoxes(
      map([
        '###.......#.',
        '###.......#.',
        '###.........',
        '...###......',
        '...###......',
        '...###......',
      ]),
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.x0).toBe(0);
    expect(boxes[0]!.y1).toBe(6);
  });

  it('finds nothing in an empty map', () => expect(findTextBoxes(map(['....', '....']))).toEqual([]));
});
