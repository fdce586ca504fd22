import { niceCeiling } from '../lib/chart-scale.js';
import { CHART_COLOURS as C } from './chart-figure.js';

const WIDTH = 320;
const H = 160;
const LEFT = 32;
const BOTTOM = 18;

/**
 * A filled line over evenly spaced points (cars inside hour by hour), with the top of its scale on
 * the left and `ticks` (a point's index and its words) under it.
 */
export function AreaChart({ label, values, ticks }: { label: string; values: readonly number[]; ticks: readonly { index: number; text: string }[] }) {
  const top = niceCeiling(Math.max(0, ...values));
  const plot = H - BOTTOM - 6;
  const x = (i: number) => LEFT + (values.length > 1 ? (i / (values.length - 1)) * (WIDTH - LEFT - 4) : 0);
  const y = (v: number) => 6 + (1 - v / top) * plot;
  const line = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const area = values.length > 0 ? `${line}L${x(values.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z` : '';
  return (
    <svg class="chart-svg" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${H}`} focusable="false">
      {[top, top / 2].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={WIDTH} y1={y(v)} y2={y(v)} stroke={C.axis} stroke-dasharray="3 3" />
          {Number.isInteger(v) && (
            <text x={LEFT - 4} y={y(v)} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="11">
              {v}
            </text>
          )}
        </g>
      ))}
      <path d={area} fill={C.bar} fill-opacity="0.3" />
      <path d={line} fill="none" stroke={C.bar} stroke-width="2" stroke-linejoin="round" />
      <line x1={LEFT} x2={WIDTH} y1={y(0)} y2={y(0)} stroke={C.text} />
      <text x={LEFT - 4} y={y(0)} text-anchor="end" dominant-baseline="middle" fill={C.text} font-size="11">
        0
      </text>
      {ticks.map((t) => (
        <g key={t.index}>
          <line x1={x(t.index)} x2={x(t.index)} y1={y(0)} y2={y(0) + 4} stroke={C.text} />
          <text x={x(t.index)} y={H - 4} text-anchor="middle" fill={C.text} font-size="11">
            {t.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
