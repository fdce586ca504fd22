import { carsAverage, heatLevel, HEAT_LEVELS } from '../lib/chart-scale.js';
import { CHART_COLOURS as C } from './chart-figure.js';

/** The heatmap's shades, from none to the most (dark blue to the app's yellow). */
export const HEAT_SHADES = ['#16213a', '#1f4e79', '#2f7fbf', '#c9a227', '#ffd23f'] as const;

const LEFT = 34;
const TOP = 14;
const CELL_W = 11.5;
const CELL_H = 16;

/**
 * A grid of rows × columns coloured by value (weekday × hour), row names on the left and every
 * sixth column named on top, with a legend of the shades and the values each stands for.
 */
export function HeatmapChart({ label, cells, rowNames, columnName }: { label: string; cells: readonly (readonly number[])[]; rowNames: readonly string[]; columnName: (i: number) => string }) {
  const top = Math.max(0, ...cells.flat());
  const columns = Math.max(0, ...cells.map((r) => r.length));
  const width = LEFT + columns * CELL_W + 2;
  const height = TOP + cells.length * CELL_H + 2;
  const upTo = (level: number) => carsAverage((top * level) / HEAT_LEVELS);
  return (
    <>
      <svg class="chart-svg" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} focusable="false">
        {Array.from({ length: columns }, (_, c) =>
          c % 6 === 0 ? (
            <text key={c} x={LEFT + c * CELL_W} y={TOP - 4} fill={C.text} font-size="10">
              {columnName(c)}
            </text>
          ) : null,
        )}
        {cells.map((row, r) => (
          <g key={r}>
            <text x={LEFT - 4} y={TOP + r * CELL_H + CELL_H / 2} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="11">
              {rowNames[r]}
            </text>
            {row.map((v, c) => (
              <rect key={c} x={LEFT + c * CELL_W} y={TOP + r * CELL_H} width={CELL_W - 1} height={CELL_H - 1} fill={HEAT_SHADES[heatLevel(v, top)]} />
            ))}
          </g>
        ))}
      </svg>
      <ul class="legend" aria-label="Legend">
        {HEAT_SHADES.map((shade, level) => (
          <li key={shade}>
            <span class="swatch" style={{ background: shade }} aria-hidden="true" />
            {level === 0 ? 'none' : level === 1 ? `up to ${upTo(1)}` : `${upTo(level - 1)}–${upTo(level)}`}
          </li>
        ))}
      </ul>
    </>
  );
}
