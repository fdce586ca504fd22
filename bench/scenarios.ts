import { randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import { signedSlashCommand } from './slack.js';

/** What the HTTP read scenarios need to build their requests. */
export type ScenarioContext = {
  token: string;
  /** The local day the report scenario asks for (yesterday: a whole day of history). */
  reportDate: string;
  slack: { signingSecret: string; responseUrl: string } | null;
};

/**
 * What the bench runs, in this order: the read endpoints and Slack, the interleaved entry/exit
 * comparison of HTTP with the database's limit, the same spread over several garages (`garages`:
 * the database side, `garagesHttp`: the HTTP side; interleaved when both run), and the public
 * occupancy feed.
 */
export const SCENARIO_NAMES = ['stats', 'activities', 'dailyReport', 'slack', 'entryExit', 'garages', 'garagesHttp', 'publicFeed'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The scenarios driven with autocannon one endpoint at a time, at full and light load. */
export const READ_SCENARIO_NAMES = ['stats', 'activities', 'dailyReport', 'slack'] as const;
export type ReadScenarioName = (typeof READ_SCENARIO_NAMES)[number];

/** Scenarios whose latency is also measured under light load (their targets are judged there, Slack's under full load). */
export const LIGHT_LOAD_SCENARIOS: readonly ReadScenarioName[] = ['stats', 'activities', 'dailyReport', 'slack'];

const runTag = randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(2, '0').slice(-2);
let plateCounter = 0;

/** A plate no other request of this run (or, very likely, of any run) uses: `B`, 2 run characters, 7 counter characters. */
export function uniquePlate(): string {
  return `B${runTag}${(plateCounter++).toString(36).toUpperCase().padStart(7, '0')}`;
}

const bearer = (ctx: ScenarioContext) => ({ authorization: `Bearer ${ctx.token}` });

/** A GET with the bearer token. */
export function getRequest(ctx: ScenarioContext, path: string): autocannon.Request {
  return { method: 'GET', path, headers: bearer(ctx) };
}

/** POST /slack/events: `/park stats`, signed afresh for each request. */
export function slackRequest(slack: NonNullable<ScenarioContext['slack']>, text = 'stats'): autocannon.Request {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (request) => ({
      ...request,
      ...signedSlashCommand({ ...slack, text, nowSeconds: Math.floor(Date.now() / 1000) }),
    }),
  };
}

/** The requests of each scenario. */
export function scenarioRequests(name: ReadScenarioName, ctx: ScenarioContext): autocannon.Request[] {
  switch (name) {
    case 'stats':
      return [getRequest(ctx, '/api/garage/stats')];
    case 'activities':
      return [getRequest(ctx, '/api/activities?limit=10')];
    case 'dailyReport':
      return [getRequest(ctx, `/api/reports/daily?date=${ctx.reportDate}`)];
    case 'slack':
      if (!ctx.slack) throw new Error('the slack scenario needs the Slack route');
      return [slackRequest(ctx.slack)];
  }
}
