/** The eight heights of a sparkline, lowest first. */
export const SPARK_GLYPHS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Cars inside at the start of one local hour (`HH:00`). */
export type HourOccupancy = { hour: string; occupied: number };

/** A day's occupancy as one line of glyphs and the same in words. */
export type OccupancySparkline = { line: string; words: string };

/**
 * The glyph for `occupied` cars of `totalSpaces`: the garage's spaces in eight equal steps, so █ is
 * full (or over: a garage shrunk below the cars inside) and ▁ is empty or under an eighth.
 * @example sparkGlyph(10, 20) // '▄'
 */
export function sparkGlyph(occupied: number, totalSpaces: number): string {
  if (occupied <= 0 || totalSpaces <= 0) return SPARK_GLYPHS[0];
  const step = Math.ceil((occupied * SPARK_GLYPHS.length) / totalSpaces) - 1;
  return SPARK_GLYPHS[Math.min(SPARK_GLYPHS.length - 1, Math.max(0, step))]!;
}

/**
 * A day's cars inside hour by hour (in the order given: 24 hours, or 23 / 25 on a day the clocks
 * change) as a Unicode sparkline scaled to the garage's spaces — not to the day's busiest hour, so
 * a quiet day looks quiet and days and garages compare at a glance — and in words for
 * notifications and screen readers: "peak 84 at 17:00, low 3 at 04:00" (the first hour of each).
 * Null when there are no hours.
 * @example occupancySparkline([{ hour: '00:00', occupied: 0 }, { hour: '01:00', occupied: 20 }], 20) // { line: '▁█', words: 'peak 20 at 01:00, low 0 at 00:00' }
 */
export function occupancySparkline(hours: readonly HourOccupancy[], totalSpaces: number): OccupancySparkline | null {
  const [first] = hours;
  if (!first) return null;
  let peak = first;
  let low = first;
  for (const h of hours) {
    if (h.occupied > peak.occupied) peak = h;
    if (h.occupied < low.occupied) low = h;
  }
  const line = hours.map((h) => sparkGlyph(h.occupied, totalSpaces)).join('');
  if (peak.occupied === 0) return { line, words: 'no cars inside at any hour' };
  if (peak.occupied === low.occupied) return { line, words: `${peak.occupied} at every hour` };
  return { line, words: `peak ${peak.occupied} at ${peak.hour}, low ${low.occupied} at ${low.hour}` };
}
