import type { ComponentChildren } from 'preact';

/** A chart's numbers as a table: column headings, then rows whose first cell names the row. */
export type ChartTable = { head: readonly string[]; rows: readonly (readonly string[])[] };

/**
 * One chart: its heading, its drawing (an SVG with role="img" and a summary, given as children), a
 * note under it, and the same numbers in a table behind "Numbers" — for screen readers, and for
 * anyone who wants the exact figures.
 */
export function ChartFigure({ id, title, note, table, children }: { id: string; title: string; note?: string; table: ChartTable; children: ComponentChildren }) {
  return (
    <section class="chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      {note && <p class="muted small">{note}</p>}
      <details>
        <summary>Numbers</summary>
        <div class="table-scroll" tabIndex={0}>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** The colours the charts draw with, on the app's dark background. */
export const CHART_COLOURS = { bar: '#9fd8ff', net: '#ffd23f', refunds: '#ffa3a3', axis: '#33446b', text: '#b8c4d9' } as const;
