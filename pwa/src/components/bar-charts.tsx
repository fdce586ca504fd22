import { niceCeiling } from '../lib/chart-scale.js';
import { CHART_COLOURS as C } from './chart-figure.js';

const WIDTH = 320;
const ROW = 26;
const LABEL_W = 84;
const VALUE_W = 96;

/** One bar of a horizontal bar chart: its name, its length, and the words written after it. */
export type Bar = { label: string; value: number; text: string };

/** Horizontal bars, one a row, names on the left and values on the right: readable at 320 px. */
export function BarChart({ label, bars }: { label: string; bars: readonly Bar[] }) {
  const top = niceCeiling(Math.max(0, ...bars.map((b) => b.value)));
  const room = WIDTH - LABEL_W - VALUE_W;
  const height = bars.length * ROW + 4;
  return (
    <svg class="chart-svg" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} focusable="false">
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = b.value > 0 ? Math.max(2, (b.value / top) * room) : 0;
        return (
          <g key={b.label}>
            <text x={LABEL_W - 6} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="12">
              {b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} rx="2" fill={C.bar} />
            <text x={LABEL_W + w + 4} y={y + ROW / 2} dominant-baseline="middle" fill="#f3f6fb" font-size="12">
              {b.text}
            </text>
          </g>
        );
      })}
      <line x1={LABEL_W} x2={LABEL_W} y1="0" y2={height} stroke={C.axis} />
    </svg>
  );
}

/** One column of a stacked column chart: its axis label, the lower value (may be negative) and the one stacked on it. */
export type Column = { label: string; value: number; stacked: number };

const H = 170;
const LEFT = 40;
const BOTTOM = 18;

/**
 * Columns over time (revenue by day): `value` from the zero line (down when negative) with `stacked`
 * on top of its positive part; the axis written with `axis`, at most about six labels under it.
 */
export function ColumnChart({ label, columns, axis, every }: { label: string; columns: readonly Column[]; axis: (n: number) => string; every: number }) {
  const top = niceCeiling(Math.max(0, ...columns.map((c) => Math.max(0, c.value) + c.stacked)));
  const lowest = Math.min(0, ...columns.map((c) => c.value));
  const bottom = lowest < 0 ? -niceCeiling(-lowest) : 0;
  const plot = H - BOTTOM - 6;
  const y = (v: number) => 6 + ((top - v) / (top - bottom)) * plot;
  const slot = (WIDTH - LEFT) / Math.max(1, columns.length);
  const w = Math.max(1, slot * 0.7);
  return (
    <svg class="chart-svg" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${H}`} focusable="false">
      {[top, ...(bottom < 0 ? [bottom] : [top / 2])].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={WIDTH} y1={y(v)} y2={y(v)} stroke={C.axis} stroke-dasharray="3 3" />
          <text x={LEFT - 4} y={y(v)} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="11">
            {axis(v)}
          </text>
        </g>
      ))}
      {columns.map((c, i) => {
        const x = LEFT + i * slot + (slot - w) / 2;
        const base = Math.max(0, c.value);
        return (
          <g key={i}>
            <rect x={x} y={Math.min(y(c.value), y(0))} width={w} height={Math.abs(y(c.value) - y(0))} fill={C.net} />
            <rect x={x} y={y(base + c.stacked)} width={w} height={y(base) - y(base + c.stacked)} fill={C.refunds} />
            {i % every === 0 && (
              <text x={x + w / 2} y={H - 4} text-anchor="middle" fill={C.text} font-size="11">
                {c.label}
              </text>
            )}
          </g>
        );
      })}
      <line x1={LEFT} x2={WIDTH} y1={y(0)} y2={y(0)} stroke={C.text} />
      <text x={LEFT - 4} y={y(0)} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="11">
        {axis(0)}
      </text>
    </svg>
  );
}
