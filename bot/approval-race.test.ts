import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../api/auth/passwords.js';
import { connect } from '../api/db/connect.js';
import { clientFor, signIn, startServerProcess, type ServerProcess } from '../api/test/server-process.js';
import { insertUser } from '../api/users/queries.js';
import { buttonsOf } from './test/replies.js';
import { buttonClickBody, signedRequest, slashCommandBody, TEST_SIGNING_SECRET, TEST_TEAM } from './test/slack-requests.js';

/**
 * The race the approval in Slack must win: three server processes on one PostgreSQL, two managers
 * clicking Approve and Deny on all three at once — one decision, one audit row, one effect, one
 * message replaced, one message to the requester.
 */
const PASSWORD = 'race-admin-pass';
let admin: Sql;
let sql: Sql;
let dbName: string;
let servers: ServerProcess[] = [];
let fake: Server;
let fakeUrl: string;

type Call = { method: string; args: Record<string, unknown> };
const apiCalls: Call[] = [];
const hooks = new Map<string, Record<string, unknown>[]>();

/** Slack on loopback, since the servers are other processes: the Web API (chat.postMessage, chat.update) and response_urls (/hooks/…). */
async function startFakeSlack(): Promise<string> {
  let ts = 1_795_000_000;
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const url = req.url ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      if (url.startsWith('/hooks/')) {
        hooks.set(url, [...(hooks.get(url) ?? []), JSON.parse(body) as Record<string, unknown>]);
        res.end('ok');
        return;
      }
      const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
      if (typeof args.blocks === 'string') args.blocks = JSON.parse(args.blocks);
      const method = url.replace(/^\/api\//, '');
      apiCalls.push({ method, args });
      res.end(JSON.stringify({ ok: true, channel: args.channel, ts: method === 'chat.update' ? args.ts : `${++ts}.000100` }));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', () => resolve()));
  const address = fake.address();
  if (!address || typeof address === 'string') throw new Error('fake Slack has no port');
  return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  admin = connect(inject('databaseUrl'), { max: 1 });
  dbName = `approval_race_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${dbName}`);
  const url = inject('databaseUrl').replace(/\/postgres$/, `/${dbName}`);
  sql = connect(url, { max: 2 });
  fakeUrl = await startFakeSlack();
  servers = await Promise.all(
    [0, 1, 2].map(() =>
      startServerProcess({
        DATABASE_URL: url,
        ADMIN_PASSWORD: PASSWORD,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_TEAM_ID: TEST_TEAM,
        SLACK_BOT_TOKEN: 'xoxb-race-test',
        SLACK_SUMMARY_CHANNEL: 'C0MANAGERS',
        SLACK_API_URL: `${fakeUrl}/api/`,
      }),
    ),
  );
  const passwordHash = await hashPassword('race-manager-pass');
  await insertUser(sql, { username: 'mia', passwordHash, role: 'manager', slackUserId: 'U0MIA' });
  await insertUser(sql, { username: 'max', passwordHash, role: 'manager', slackUserId: 'U0MAX' });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await new Promise((resolve) => fake?.close(resolve));
  await sql?.end();
  await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin?.end();
});

/** Sends a signed body to a server's POST /slack/events, as Slack does. */
const sendTo = (server: ServerProcess, body: string) =>
  fetch(`${server.url}/slack/events`, { ...signedRequest(body, { timestamp: Math.floor(Date.now() / 1000) }), signal: AbortSignal.timeout(10_000) });

/** Waits until `ready` holds (Slack work goes on after each ack), or fails saying what was waited for. */
async function until(what: string, ready: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let hookCount = 0;
const hookUrl = () => `${fakeUrl}/hooks/${++hookCount}-${randomBytes(3).toString('hex')}`;
const sentTo = (url: string) => hooks.get(new URL(url).pathname) ?? [];

/** `/park <text>` from the gate's Slack user (no staff account: an attendant) on one server; its answer. */
async function park(server: ServerProcess, text: string): Promise<Record<string, unknown>> {
  const responseUrl = hookUrl();
  const res = await sendTo(server, slashCommandBody({ text, userId: 'U0GATE', responseUrl }).body);
  expect(res.status).toBe(200);
  await until(`the answer to /park ${text}`, () => sentTo(responseUrl).length > 0);
  return sentTo(responseUrl)[0]!;
}

/** The request posted for a ticket, once its message ts is saved: its id, buttons and ts. */
async function postedRequest(ticketNumber: string) {
  await until(`the request for ${ticketNumber} in the managers' channel`, async () => {
    const [row] = await sql<{ slackTs: string | null }[]>`
      select e.slack_ts from exceptions e join tickets t on t.id = e.ticket_id where t.ticket_number = ${ticketNumber}`;
    return Boolean(row?.slackTs);
  });
  const post = apiCalls.find((c) => c.method === 'chat.postMessage' && String(c.args.text).includes(ticketNumber) && String(c.args.text).startsWith('Approval needed'))!;
  const [approve, deny] = buttonsOf(post.args);
  const [row] = await sql<{ id: number; slackTs: string }[]>`
    select e.id, e.slack_ts from exceptions e join tickets t on t.id = e.ticket_id where t.ticket_number = ${ticketNumber}`;
  return { id: row!.id, ts: row!.slackTs, approve: approve!, deny: deny! };
}

/** Every click at once: each manager, on each server, `times` times, with the button `pick` chooses for them. */
async function clickTogether(pick: (user: string) => { actionId: string; value: string }, times = 2) {
  const clicks = ['U0MIA', 'U0MAX'].flatMap((userId) =>
    servers.flatMap((server) =>
      Array.from({ length: times }, () => {
        const responseUrl = hookUrl();
        const { actionId, value } = pick(userId);
        return { server, responseUrl, body: buttonClickBody({ actionId, value, userId, responseUrl, channelId: 'C0MANAGERS' }).body };
      }),
    ),
  );
  const answers = await Promise.all(clicks.map((c) => sendTo(c.server, c.body)));
  expect(answers.map((a) => a.status)).toEqual(clicks.map(() => 200));
  await until('an answer to every click', () => clicks.every((c) => sentTo(c.responseUrl).length > 0));
  return clicks;
}

/** How many rows of the audit log say `actions` of `subject`. */
const audited = async (actions: string[], subject: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = any(${actions}::text[]) and subject = ${subject}`)[0]!.n;

const decidedMessages = (ts: string) => apiCalls.filter((c) => c.method === 'chat.update' && c.args.ts === ts);
const toRequester = (ticketNumber: string) => apiCalls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'U0GATE' && String(c.args.text).includes(ticketNumber));

describe('Approve / Deny raced across three server processes', () => {
  it('twelve Approve clicks by two managers on three servers: one approval, one audit row, one refund', async () => {
    const client = clientFor(servers[0]!.url, await signIn(servers[0]!.url, 'admin', PASSWORD));
    const entered = await client('POST', '/api/tickets', { licensePlate: 'RACE 1' });
    expect(entered.status).toBe(201);
    const ticketNumber = entered.json.ticketNumber as string;
    expect((await client('PUT', `/api/tickets/${ticketNumber}/exit`, { paymentMethod: 'Cash' })).json.amountPaid).toBe(1000);
    const asked = await park(servers[1]!, `refund ${ticketNumber} 5.00 wrong rate`);
    expect(String(asked.text)).toMatch(/^Asked a manager: waiting until/);
    const request = await postedRequest(ticketNumber);

    const clicks = await clickTogether(() => request.approve);
    await until('the decision in the channel and to the requester', () => decidedMessages(request.ts).length > 0 && toRequester(ticketNumber).length > 0);

    const [row] = await sql<{ status: string; decidedBy: string }[]>`select status, decided_by from exceptions where id = ${request.id}`;
    expect(row).toMatchObject({ status: 'approved', decidedBy: expect.stringMatching(/^slack:U0M(IA|AX)$/) });
    expect(await audited(['exception.approve', 'exception.deny'], String(request.id))).toBe(1);
    expect(await audited(['ticket.refund'], ticketNumber)).toBe(1);
    const [money] = await sql<{ refunds: number; refunded: number }[]>`
      select (select count(*)::int from refunds where exception_id = ${request.id}) as refunds,
             (select refunded_cents::int from tickets where ticket_number = ${ticketNumber}) as refunded`;
    expect(money).toEqual({ refunds: 1, refunded: 500 });
    // one click decided; every other one is told who had (its second answer, after the message's final state)
    const toldWhoDecided = () => clicks.filter((c) => sentTo(c.responseUrl).some((r) => String(r.text).startsWith('Already approved by')));
    await until('every click but one told who decided', () => toldWhoDecided().length === clicks.length - 1);
    expect(clicks.every((c) => sentTo(c.responseUrl).some((r) => r.replace_original === true && String(r.text).startsWith('Approved by')))).toBe(true);
    expect(decidedMessages(request.ts).every((c) => String(c.args.text).startsWith('Approved by'))).toBe(true);
    expect(toRequester(ticketNumber)).toHaveLength(1);
  }, 60_000);

  it('one manager approving and the other denying, on all three at once: one decision, carried out exactly as decided', async () => {
    const client = clientFor(servers[2]!.url, await signIn(servers[2]!.url, 'admin', PASSWORD));
    const entered = await client('POST', '/api/tickets', { licensePlate: 'RACE 2' });
    const ticketNumber = entered.json.ticketNumber as string;
    const asked = await park(servers[2]!, 'void RACE 2 duplicate');
    expect(String(asked.text)).toMatch(/^Asked a manager/);
    const request = await postedRequest(ticketNumber);

    await clickTogether((user) => (user === 'U0MIA' ? request.approve : request.deny));
    await until('the decision in the channel and to the requester', () => decidedMessages(request.ts).length > 0 && toRequester(ticketNumber).length > 0);

    const [row] = await sql<{ status: string; decidedBy: string; ticket: string }[]>`
      select e.status, e.decided_by, t.status as ticket from exceptions e join tickets t on t.id = e.ticket_id where e.id = ${request.id}`;
    expect(row!.decidedBy).toBe(row!.status === 'approved' ? 'slack:U0MIA' : 'slack:U0MAX');
    expect(await audited(['exception.approve', 'exception.deny'], String(request.id))).toBe(1);
    expect(row!.ticket).toBe(row!.status === 'approved' ? 'voided' : 'active');
    expect(await audited(['ticket.void'], ticketNumber)).toBe(row!.status === 'approved' ? 1 : 0);
    expect(toRequester(ticketNumber)).toHaveLength(1);
    expect(decidedMessages(request.ts).every((c) => String(c.args.text).startsWith(row!.status === 'approved' ? 'Approved by mia' : 'Denied by max'))).toBe(true);
  }, 60_000);
});
