/** The arithmetic of the managers' charts: pure, so the SVG components only draw. */

/**
 * A round number at or above `max` for a chart's top (1, 2, 2.5 or 5 × 10ⁿ); 1 when there is nothing.
 * @example niceCeiling(57) // 100; niceCeiling(180) // 200; niceCeiling(0) // 1
 */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
}

/** How many shades the heatmap has above "none". */
export const HEAT_LEVELS = 4;

/**
 * Which shade of the heatmap a value takes: 0 for none, else 1..HEAT_LEVELS by its share of `top`.
 * @example heatLevel(0, 40) // 0; heatLevel(9, 40) // 1; heatLevel(40, 40) // 4
 */
export function heatLevel(value: number, top: number): number {
  if (!(value > 0) || !(top > 0)) return 0;
  return Math.min(HEAT_LEVELS, Math.max(1, Math.ceil((value / top) * HEAT_LEVELS)));
}

/**
 * Every how many-th of `count` labels to write so that at most `most` fit under an axis.
 * @example labelEvery(31, 6) // 6
 */
export function labelEvery(count: number, most: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, most)));
}

/**
 * Cents as short dollars for an axis: whole dollars, thousands as k.
 * @example axisDollars(95000) // '$950'; axisDollars(123456) // '$1.2k'; axisDollars(-5000) // '-$50'
 */
export function axisDollars(cents: number): string {
  const dollars = Math.abs(cents) / 100;
  const sign = cents < 0 ? '-' : '';
  if (dollars < 1000) return `${sign}$${Math.round(dollars)}`;
  const k = dollars / 1000;
  return `${sign}$${k < 10 ? k.toFixed(1).replace(/\.0$/, '') : Math.round(k)}k`;
}

/**
 * An average number of cars as the heatmap writes it: one decimal, no trailing ".0".
 * @example carsAverage(12.35) // '12.4'; carsAverage(3) // '3'
 */
export function carsAverage(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
