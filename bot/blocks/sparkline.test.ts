import { describe, expect, it } from 'vitest';
import { occupancySparkline, sparkGlyph, type HourOccupancy } from './sparkline.js';

/** A day of 24 hours from the cars inside at each. */
const day = (cars: number[]): HourOccupancy[] => cars.map((occupied, i) => ({ hour: `${String(i).padStart(2, '0')}:00`, occupied }));
const hours24 = (fill: number) => Array<number>(24).fill(fill);

describe('sparkGlyph: the garage’s spaces in eight steps', () => {
  it.each([
    [0, 80, '▁'],
    [1, 80, '▁'],
    [10, 80, '▁'],
    [11, 80, '▂'],
    [20, 80, '▂'],
    [40, 80, '▄'],
    [41, 80, '▅'],
    [70, 80, '▇'],
    [71, 80, '█'],
    [80, 80, '█'],
    [95, 80, '█'], // over capacity (the garage shrank below the cars inside)
    [1, 1, '█'],
    [-1, 80, '▁'],
  ])('%i of %i -> %s', (occupied, spaces, glyph) => {
    expect(sparkGlyph(occupied, spaces)).toBe(glyph);
  });
});

describe('occupancySparkline', () => {
  it.each([
    ['all zeros', day(hours24(0)), 140, '▁'.repeat(24), 'no cars inside at any hour'],
    ['one hour full', day(hours24(0).map((_, i) => (i === 17 ? 20 : 0))), 20, `${'▁'.repeat(17)}█${'▁'.repeat(6)}`, 'peak 20 at 17:00, low 0 at 00:00'],
    ['the same all day', day(hours24(10)), 20, '▄'.repeat(24), '10 at every hour'],
    [
      'a working day: scaled to the spaces, not to the day’s busiest hour',
      day([3, 3, 3, 3, 3, 4, 10, 30, 60, 80, 84, 84, 80, 70, 70, 72, 80, 84, 60, 40, 20, 10, 5, 3]),
      100,
      '▁▁▁▁▁▁▁▃▅▇▇▇▇▆▆▆▇▇▅▄▂▁▁▁',
      'peak 84 at 10:00, low 3 at 00:00',
    ],
    ['a quiet day stays low (no stretching to its own peak)', day([0, 0, 1, 2, 3, 2, 1, 0, ...hours24(0).slice(8)]), 140, '▁'.repeat(24), 'peak 3 at 04:00, low 0 at 00:00'],
    [
      'the day the clocks go back: 25 hours, 01:00 twice',
      [{ hour: '00:00', occupied: 1 }, { hour: '01:00', occupied: 2 }, { hour: '01:00', occupied: 4 }, ...day(hours24(1)).slice(2)],
      4,
      `▂▄█${'▂'.repeat(22)}`,
      'peak 4 at 01:00, low 1 at 00:00',
    ],
  ])('%s', (_name, hours, spaces, line, words) => {
    expect(occupancySparkline(hours, spaces)).toEqual({ line, words });
  });

  it('no hours: nothing to draw', () => {
    expect(occupancySparkline([], 20)).toBeNull();
  });
});
