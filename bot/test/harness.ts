import { randomBytes } from 'node:crypto';
import { createApp } from '../../api/app.js';
import { hashPassword } from '../../api/auth/passwords.js';
import { insertUser } from '../../api/users/queries.js';
import { LoginAnswer, type Role } from '../../shared/auth.js';
import { listAudit } from '../../api/audit/queries.js';
import { searchTickets } from '../../api/tickets/queries.js';
import type { Deps } from '../../api/deps.js';
import { ensureGarage } from '../../api/garage/queries.js';
import { insertGarage } from '../../api/garages/queries.js';
import { createLogger, type Logger } from '../../api/logger.js';
import { createTestDatabase, type TestDatabase } from '../../api/test/database.js';
import { createSlack, type SlackConfig } from '../create-slack.js';
import type { SummaryPoster } from '../summary/post.js';
import { buttonClickBody, signedRequest, slashCommandBody, TEST_SIGNING_SECRET, TEST_TEAM } from './slack-requests.js';
import type { fakeSlack } from './fake-slack.js';
import { receiptKeys } from '../../api/receipts/keys.js';

/** The password of every staff account a test adds. */
const API_PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export function testClock(start: string) {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    set: (iso: string) => void (ms = Date.parse(iso)),
    advance: (byMs: number) => void (ms += byMs),
    seconds: () => Math.floor(ms / 1000),
  };
}

/**
 * A whole server for one test: its own migrated database, a garage, the real HTTP app with the
 * Slack route mounted and the alerts wired as in server/main.ts, and helpers that send signed requests through it.
 */
export async function slackHarness(
  slack: ReturnType<typeof fakeSlack>,
  options: { totalSpaces?: number; timezone?: string; start?: string; config?: Partial<SlackConfig>; summaryPoster?: SummaryPoster; log?: Logger } = {},
) {
  const db: TestDatabase = await createTestDatabase();
  const garageId = await ensureGarage(db.sql, {
    totalSpaces: options.totalSpaces ?? 140,
    hourlyRate: 1000,
    timezone: options.timezone ?? 'America/New_York',
  });
  const clock = testClock(options.start ?? '2026-11-23T15:00:00.000Z');
  const deps: Deps = {
    sql: db.sql,
    garageId,
    now: clock.now,
    randomBytes: (n) => randomBytes(n),
    receiptKeys: receiptKeys(),
    log: options.log ?? createLogger('silent'),
    sessionIdleMs: 12 * 3600_000,
  };
  const config: SlackConfig = {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_TEAM_ID: TEST_TEAM,
    SLACK_SUMMARY_CHANNEL: 'C0MANAGERS',
    SUMMARY_SCHEDULE: '0 7 * * *',
    ...options.config,
  };
  const adapter = createSlack({ deps, config, log: deps.log, ...(options.summaryPoster ? { summaryPoster: options.summaryPoster } : {}) });
  deps.alerts = adapter.alerts ?? undefined; // wired as server/main.ts does
  const app = createApp(deps, adapter.routes);

  /** Sends a signed body to POST /slack/events; resolves when the HTTP answer (the ack) is back. */
  const send = (body: string, extra: { timestamp?: number; headers?: Record<string, string>; secret?: string; contentType?: string } = {}) =>
    app.request('/slack/events', signedRequest(body, { timestamp: extra.timestamp ?? clock.seconds(), ...extra }));

  /** Waits for every listener to finish its work after the ack, and for the alerts it set off. */
  const settled = async () => {
    await adapter.receiver?.settled();
    await adapter.alerts?.settled();
  };

  /** Runs `/park <text>` to the end: the HTTP answer and what reached its response_url. */
  const command = async (text: string, input: { userId?: string; teamId?: string; triggerId?: string; channelId?: string; headers?: Record<string, string> } = {}) => {
    const req = slashCommandBody({ text, ...input });
    const res = await send(req.body, input.headers ? { headers: input.headers } : {});
    await settled();
    return { res, ...req, replies: slack.sentTo(req.responseUrl) };
  };

  /** Clicks a button to the end. */
  const click = async (actionId: string, value: string, input: { userId?: string; channelId?: string } = {}) => {
    const req = buttonClickBody({ actionId, value, ...input });
    const res = await send(req.body);
    await settled();
    return { res, ...req, replies: slack.sentTo(req.responseUrl) };
  };

  /** A staff account, optionally linked to a Slack user; it may use the first garage unless `garages` says which. */
  const addUser = async (username: string, role: Role, slackUserId: string | null = null, garages: { garageIds?: number[]; defaultGarageId?: number } = {}) => {
    const user = await insertUser(db.sql, { username, passwordHash: await hashPassword(API_PASSWORD), role, slackUserId, ...garages });
    if (!user) throw new Error(`test user ${username} exists`);
    return user;
  };

  /** GET on the HTTP API as a staff account (signs in first), for comparing what Slack did with what the API sees. */
  const apiGet = (path: string, username: string) => apiSend('GET', path, username);

  /** Any call to the HTTP API as a staff account (signs in first), e.g. a manager deciding a request in the app. */
  const apiSend = async (method: string, path: string, username: string, body?: unknown) => {
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: API_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`test sign-in of ${username} failed: ${login.status}`);
    const { token } = LoginAnswer.parse(await login.json());
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await adapter.alerts?.settled(); // what the call told Slack has reached it
    return { status: res.status, json: (await res.json()) as unknown };
  };

  /** Another garage (the harness made the first), as POST /api/garages makes it. */
  const addGarage = (name: string, g: { totalSpaces?: number; timezone?: string; slackManagersChannel?: string | null } = {}) =>
    insertGarage(db.sql, { name, totalSpaces: g.totalSpaces ?? 50, hourlyRate: 1000, timezone: g.timezone ?? 'America/New_York', slackManagersChannel: g.slackManagersChannel ?? null });

  return {
    db,
    deps,
    addUser,
    addGarage,
    apiGet,
    apiSend,
    clock,
    slack: adapter,
    app,
    send,
    settled,
    command,
    click,
    /** Every ticket of a garage (default: the first), newest first, as the API's search reads them. */
    tickets: (inGarage: number = garageId) => searchTickets(db.sql, inGarage, { limit: 100 }),
    /** The audit log, newest first. */
    audit: (action?: string) => listAudit(db.sql, { action, limit: 100 }),
    close: async () => {
      await adapter.stop();
      await db.drop();
    },
  };
}
export type SlackHarness = Awaited<ReturnType<typeof slackHarness>>;
