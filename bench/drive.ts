import type { BenchConfig } from './config.js';
import { runLoad } from './load.js';
import type { ScenarioOutcome } from './report.js';
import { LIGHT_LOAD_SCENARIOS, READ_SCENARIO_NAMES, scenarioRequests, type ReadScenarioName, type ScenarioContext, type ScenarioName } from './scenarios.js';
import type { ResponseSink } from './slack.js';

const WARMUP_SECONDS = 3;
const LIGHT_LOAD_CONNECTIONS = 2;

const ENDPOINTS: Record<ReadScenarioName, string> = {
  stats: 'GET /api/garage/stats',
  activities: 'GET /api/activities?limit=10',
  dailyReport: 'GET /api/reports/daily?date=',
  slack: 'POST /slack/events /park stats',
};

/** Whether BENCH_ONLY (or its absence) selects this scenario. */
export function selected(config: BenchConfig, name: ScenarioName): boolean {
  return !config.BENCH_ONLY || config.BENCH_ONLY.includes(name);
}

/**
 * Warms the server up, then runs each selected read scenario (and Slack) at full load
 * (BENCH_CONNECTIONS for BENCH_DURATION seconds) and once more under light load (2 connections,
 * BENCH_LIGHT_RATE requests a second).
 */
export async function driveReadScenarios(
  input: { baseUrl: string; config: BenchConfig; ctx: ScenarioContext; sink: ResponseSink; slackSkip: string | null },
  say: (line: string) => void,
): Promise<ScenarioOutcome[]> {
  const { baseUrl, config, ctx, sink, slackSkip } = input;
  const full = { url: baseUrl, connections: config.BENCH_CONNECTIONS, durationSeconds: config.BENCH_DURATION };
  const names = READ_SCENARIO_NAMES.filter((n) => selected(config, n));
  if (names.length === 0) return [];
  say(`warm-up: ${WARMUP_SECONDS} s over stats, activities and the report`);
  await runLoad({ ...full, durationSeconds: WARMUP_SECONDS, requests: (['stats', 'activities', 'dailyReport'] as const).flatMap((n) => scenarioRequests(n, ctx)) });
  const outcomes: ScenarioOutcome[] = [];
  for (const name of names) {
    const endpoint = name === 'dailyReport' ? `${ENDPOINTS[name]}${ctx.reportDate}` : ENDPOINTS[name];
    const skipped = name === 'slack' ? slackSkip : null;
    if (skipped) {
      say(`${name}: skipped: ${skipped}`);
      outcomes.push({ name, endpoint, skipped });
      continue;
    }
    say(`${name}: ${endpoint}, ${full.connections} connections, ${full.durationSeconds} s`);
    const answeredBefore = sink.received();
    const result = await runLoad({ ...full, requests: scenarioRequests(name, ctx) });
    let light;
    if (LIGHT_LOAD_SCENARIOS.includes(name)) {
      say(`${name}: light load, ${LIGHT_LOAD_CONNECTIONS} connections, ${config.BENCH_LIGHT_RATE} req/s, ${full.durationSeconds} s`);
      light = await runLoad({ ...full, connections: LIGHT_LOAD_CONNECTIONS, rate: config.BENCH_LIGHT_RATE, requests: scenarioRequests(name, ctx) });
    }
    const sent = result.ok + (light?.ok ?? 0);
    if (name === 'slack') await new Promise((r) => setTimeout(r, 1000)); // the bot's follow-ups land after the ack
    const note =
      name === 'slack'
        ? `${sink.received() - answeredBefore} answers reached response_url after ${sent} acks (commands still in flight when a run stops are answered but not counted as acks)`
        : undefined;
    outcomes.push({ name, endpoint, result, ...(light ? { light } : {}), ...(note ? { note } : {}) });
  }
  return outcomes;
}
