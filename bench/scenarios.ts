import { randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import { PAYMENT_METHODS } from '../shared/tickets.js';
import { signedSlashCommand } from './slack.js';

/** What the scenarios need to build their requests. */
export type ScenarioContext = {
  token: string;
  /** Ticket numbers issued by the entry run (and the warm-up), waiting to be checked out. */
  parked: string[];
  /** The local day the report scenario asks for (yesterday: a whole day of history). */
  reportDate: string;
  slack: { signingSecret: string; responseUrl: string } | null;
};

/** The endpoints the bench drives, in the order it drives them. */
export const SCENARIO_NAMES = ['entry', 'exit', 'stats', 'activities', 'dailyReport', 'slack'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Scenarios whose latency is also measured under light load (their targets are judged there, Slack's under full load). */
export const LIGHT_LOAD_SCENARIOS: readonly ScenarioName[] = ['stats', 'activities', 'dailyReport', 'slack'];

const runTag = randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(2, '0').slice(-2);
let plateCounter = 0;

/** A plate no other request of this run (or, very likely, of any run) uses: `B`, 2 run characters, 7 counter characters. */
function uniquePlate(): string {
  return `B${runTag}${(plateCounter++).toString(36).toUpperCase().padStart(7, '0')}`;
}

const bearer = (ctx: ScenarioContext) => ({ authorization: `Bearer ${ctx.token}` });

/** POST /api/tickets with a new plate each time; the numbers issued go to `ctx.parked` for the exit run. */
export function entryRequest(ctx: ScenarioContext): autocannon.Request {
  return {
    method: 'POST',
    path: '/api/tickets',
    headers: { ...bearer(ctx), 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ licensePlate: uniquePlate(), vehicleType: 'Car' }) }),
    onResponse: (status, body) => {
      if (status !== 201) return;
      const ticket: unknown = JSON.parse(body);
      if (typeof ticket === 'object' && ticket !== null && 'ticketNumber' in ticket && typeof ticket.ticketNumber === 'string') {
        ctx.parked.push(ticket.ticketNumber);
      } else {
        throw new Error(`POST /api/tickets answered 201 without a ticket number: ${body}`);
      }
    },
  };
}

/** PUT /api/tickets/:n/exit, each parked ticket once, payment methods in turn. */
export function exitRequest(ctx: ScenarioContext): autocannon.Request {
  let turn = 0;
  return {
    method: 'PUT',
    path: '/api/tickets/none/exit',
    headers: { ...bearer(ctx), 'content-type': 'application/json' },
    setupRequest: (request) => {
      // the run's amount is the number parked, so this never runs dry; if it did, the 404s would show in the table
      const ticketNumber = ctx.parked.pop() ?? 'PS-000000';
      const paymentMethod = PAYMENT_METHODS[turn++ % PAYMENT_METHODS.length];
      return { ...request, path: `/api/tickets/${ticketNumber}/exit`, body: JSON.stringify({ paymentMethod }) };
    },
  };
}

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
export function scenarioRequests(name: ScenarioName, ctx: ScenarioContext): autocannon.Request[] {
  switch (name) {
    case 'entry':
      return [entryRequest(ctx)];
    case 'exit':
      return [exitRequest(ctx)];
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
