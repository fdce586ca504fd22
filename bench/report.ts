import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DbLimit } from './db-limit.js';
import type { LoadResult } from './load.js';
import type { ScenarioName } from './scenarios.js';

/** One row of the results: a scenario's numbers at full load (and light load), or why it was skipped. */
export type ScenarioOutcome = { name: ScenarioName; endpoint: string } & ({ result: LoadResult; light?: LoadResult; note?: string } | { skipped: string });

/** A target to print beside a result (a goal to read, not an assertion). */
type Verdict = { target: string; met: boolean | null };

const P99_READ_TARGET_MS = 10;
const SLACK_ACK_TARGET_MS = 100;
const ENTRY_RATIO_TARGET = 0.9;

/** Entry throughput as a share of the database's own limit for the same transaction. */
export function entryRatio(outcomes: ScenarioOutcome[], dbLimit: DbLimit | null): number | null {
  const entry = outcomes.find((o) => o.name === 'entry');
  if (!entry || !('result' in entry) || !dbLimit || dbLimit.tps <= 0) return null;
  return entry.result.rps / dbLimit.tps;
}

function verdict(outcome: ScenarioOutcome, ratio: number | null): Verdict {
  if (!('result' in outcome)) return { target: '', met: null };
  switch (outcome.name) {
    case 'entry':
      return { target: `>= ${ENTRY_RATIO_TARGET * 100}% of DB limit`, met: ratio === null ? null : ratio >= ENTRY_RATIO_TARGET };
    case 'exit':
      return { target: '', met: null };
    case 'stats':
    case 'activities':
    case 'dailyReport':
      // judged under light load: at full load on 2 cores the p99 is mostly queueing (see README)
      return outcome.light
        ? { target: `light p99 <= ${P99_READ_TARGET_MS} ms`, met: outcome.light.p99 <= P99_READ_TARGET_MS }
        : { target: `p99 <= ${P99_READ_TARGET_MS} ms`, met: outcome.result.p99 <= P99_READ_TARGET_MS };
    case 'slack':
      return { target: `ack p99 <= ${SLACK_ACK_TARGET_MS} ms`, met: outcome.result.p99 <= SLACK_ACK_TARGET_MS };
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The results as the table the bench prints. */
export function formatResults(outcomes: ScenarioOutcome[], dbLimit: DbLimit | null): string {
  const ratio = entryRatio(outcomes, dbLimit);
  const rows = [['scenario', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'other', 'errors', 'light p50', 'light p99', 'target', 'met']];
  for (const o of outcomes) {
    if (!('result' in o)) {
      rows.push([o.name, o.endpoint, '-', '-', '-', '-', '-', '-', '-', '-', 'skipped', '']);
      continue;
    }
    const r = o.result;
    const v = verdict(o, ratio);
    const light = o.light ? [fixed(o.light.p50, 2), fixed(o.light.p99, 2)] : ['-', '-'];
    const other = String(r.non2xx + (o.light?.non2xx ?? 0));
    const errors = String(r.errors + (o.light?.errors ?? 0));
    rows.push([o.name, o.endpoint, fixed(r.rps), fixed(r.p50, 2), fixed(r.p99, 2), String(r.ok), other, errors, ...light, v.target, v.met === null ? '' : v.met ? 'yes' : 'NO']);
  }
  if (dbLimit) {
    rows.push(['db limit', `entry transaction (${dbLimit.tool})`, fixed(dbLimit.tps), fixed(dbLimit.p50, 2), fixed(dbLimit.p99, 2), String(dbLimit.transactions), '-', '-', '-', '-', '', '']);
  }
  const notes = outcomes.flatMap((o) => ('skipped' in o ? [`${o.name} skipped: ${o.skipped}`] : o.note ? [`${o.name}: ${o.note}`] : []));
  const other = outcomes.flatMap((o) =>
    'result' in o && o.result.non2xx + (o.light?.non2xx ?? 0) > 0 ? [`${o.name} answers by status: ${JSON.stringify(o.result.statuses)}${o.light ? `, light load: ${JSON.stringify(o.light.statuses)}` : ''}`] : [],
  );
  const ratioLine = ratio === null ? 'entry / DB limit: not measured' : `entry / DB limit: ${fixed(ratio * 100)}% (target >= ${ENTRY_RATIO_TARGET * 100}%)`;
  return [table(rows), '', ratioLine, ...notes, ...other].join('\n');
}

/** Writes everything measured to `bench/results/<timestamp>.json`; gives the file's path. */
export async function writeResults(dir: string, startedAt: Date, content: Record<string, unknown>): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
