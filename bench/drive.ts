import type { BenchConfig } from './config.js';
import { runLoad } from './load.js';
import type { ScenarioOutcome } from './report.js';
import { LIGHT_LOAD_SCENARIOS, SCENARIO_NAMES, scenarioRequests, type ScenarioContext, type ScenarioName } from './scenarios.js';
import type { ResponseSink } from './slack.js';

const WARMUP_SECONDS = 3;
const LIGHT_LOAD_CONNECTIONS = 2;

const ENDPOINTS: Record<ScenarioName, string> = {
  entry: 'POST /api/tickets',
  exit: 'PUT /api/tickets/:n/exit',
  stats: 'GET /api/garage/stats',
  activities: 'GET /api/activities?limit=10',
  dailyReport: 'GET /api/reports/daily?date=',
  slack: 'POST /slack/events /park stats',
};

/** The scenarios to run: BENCH_ONLY's, or all. */
export function selectedScenarios(config: BenchConfig): readonly ScenarioName[] {
  return SCENARIO_NAMES.filter((n) => !config.BENCH_ONLY || config.BENCH_ONLY.includes(n));
}

/**
 * Warms the server up, then runs each scenario at full load (BENCH_CONNECTIONS for BENCH_DURATION
 * seconds; the exit run checks out each ticket the entry run issued, once) and, for the read
 * endpoints and Slack, once more under light load (2 connections, BENCH_LIGHT_RATE requests a second).
 */
export async function driveScenarios(
  input: { baseUrl: string; config: BenchConfig; ctx: ScenarioContext; sink: ResponseSink; slackSkip: string | null },
  say: (line: string) => void,
): Promise<ScenarioOutcome[]> {
  const { baseUrl, config, ctx, sink, slackSkip } = input;
  const full = { url: baseUrl, connections: config.BENCH_CONNECTIONS, durationSeconds: config.BENCH_DURATION };
  say(`warm-up: ${WARMUP_SECONDS} s over entry, stats, activities and the report`);
  await runLoad({ ...full, durationSeconds: WARMUP_SECONDS, requests: (['stats', 'activities', 'dailyReport', 'entry'] as const).flatMap((n) => scenarioRequests(n, ctx)) });
  const outcomes: ScenarioOutcome[] = [];
  for (const name of selectedScenarios(config)) {
    const endpoint = name === 'dailyReport' ? `${ENDPOINTS[name]}${ctx.reportDate}` : ENDPOINTS[name];
    const skipped = name === 'slack' ? slackSkip : name === 'exit' && ctx.parked.length === 0 ? 'no tickets were issued to check out' : null;
    if (skipped) {
      say(`${name}: skipped: ${skipped}`);
      outcomes.push({ name, endpoint, skipped });
      continue;
    }
    const amount = name === 'exit' ? ctx.parked.length : undefined;
    say(`${name}: ${endpoint}, ${full.connections} connections, ${full.durationSeconds} s${amount ? ` or ${amount} tickets` : ''}`);
    const answeredBefore = sink.received();
    const result = await runLoad({ ...full, ...(amount ? { amount } : {}), requests: scenarioRequests(name, ctx) });
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
