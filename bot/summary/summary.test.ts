import { randomBytes } from 'node:crypto';
import { HttpResponse, delay } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../api/deps.js';
import { connect } from '../../api/db/connect.js';
import { ensureGarage, updateSettings } from '../../api/garage/queries.js';
import { createLogger } from '../../api/logger.js';
import { dailyReport } from '../../api/reports/daily.js';
import { claimSummaryDay, loadSummaryDay } from '../../api/summaries/queries.js';
import { listAudit } from '../../api/audit/queries.js';
import { searchTickets } from '../../api/tickets/queries.js';
import { createTestDatabase, type TestDatabase } from '../../api/test/database.js';
import { reportDiscard } from '../../api/discards/use-cases.js';
import { refusedCashExit } from '../../api/test/discards.js';
import { enterVehicle } from '../../api/tickets/enter.js';
import { exitVehicle } from '../../api/tickets/exit.js';
import { byTicketNumber } from '../../api/tickets/lookup.js';
import { readPlate } from '../../shared/plate.js';
import type { PaymentMethod } from '../../shared/tickets.js';
import { createSlack } from '../create-slack.js';
import { capturedLog } from '../test/captured-log.js';
import { fakeSlack, webApiAnswer, type ApiCall } from '../test/fake-slack.js';
import { testClock } from '../test/harness.js';
import { said } from '../test/replies.js';
import { createSummaryClient, createSummaryPoster } from './post.js';
import { runDailySummary, SUMMARY_LEASE_MS } from './run.js';
import { startSummaryScheduler, type GarageTick } from './scheduler.js';
import { receiptKeys } from '../../api/receipts/keys.js';

const slack = fakeSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => slack.server.close());

const TZ = 'America/New_York';
const DAY = '2026-11-23'; // a Monday
const CHANNEL = 'C0MANAGERS';
let db: TestDatabase;
let deps: Deps;
let clock: ReturnType<typeof testClock>;
const sleeps: number[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  clock = testClock('2026-11-24T12:00:00.000Z'); // 07:00 in New York, the morning after DAY
  const garageId = await ensureGarage(db.sql, { totalSpaces: 140, hourlyRate: 1000, timezone: TZ });
  deps = { sql: db.sql, garageId, now: clock.now, randomBytes: (n) => randomBytes(n), receiptKeys: receiptKeys(), log: createLogger('silent'), sessionIdleMs: 3600_000 };
  sleeps.length = 0;
});
afterEach(async () => {
  slack.reset();
  await db.drop();
});

/** A poster as production builds it, with retries that do not wait (the policy's count is what is tested). */
function poster(options: { timeoutMs?: number } = {}) {
  const client = createSummaryClient('xoxb-test-token', { retry: { retries: 2, factor: 1, minTimeout: 0, maxTimeout: 0 }, ...options });
  return createSummaryPoster(client, { sleep: async (ms) => void sleeps.push(ms) });
}

const posts = () => slack.apiCalls.filter((c) => c.method === 'chat.postMessage');
/** What a check did, garage by garage. */
const outcomes = (ticks: GarageTick[]) => ticks.map((t) => t.outcome);

/** A car in at `inAt`, and out at `outAt` paying `method`, through the use cases the API runs. */
async function stay(plate: string, inAt: string, out?: { at: string; method: PaymentMethod }) {
  const by = { actor: 'system' as const, source: 'system' as const };
  clock.set(inAt);
  const { ticket } = await enterVehicle(deps, { plate: readPlate(plate)!, vehicleType: 'Car' }, by);
  if (out) {
    clock.set(out.at);
    await exitVehicle(deps, { target: byTicketNumber(ticket.ticketNumber), paymentMethod: out.method }, by);
  }
}

/** The known day: see the figures asserted below. Times are UTC; New York is UTC-5 in November. */
async function knownTickets() {
  await stay('WEEK1', '2026-11-16T15:00:00.000Z', { at: '2026-11-16T16:00:00.000Z', method: 'Cash' }); // a week before: 1 h, $10
  await stay('OVERNIGHT', '2026-11-23T01:00:00.000Z', { at: '2026-11-23T13:00:00.000Z', method: 'Mobile' }); // 12 h, $120
  await stay('DAY1', '2026-11-23T14:00:00.000Z', { at: '2026-11-23T15:30:00.000Z', method: 'Cash' }); // 90 min, $20
  await stay('DAY2', '2026-11-23T14:00:00.000Z', { at: '2026-11-23T17:20:00.000Z', method: 'Credit Card' }); // 200 min, $40
  await stay('DAY3', '2026-11-23T14:30:00.000Z'); // still parked
  await stay('LATE1', '2026-11-24T04:00:00.000Z'); // 23:00 in New York: in on DAY, still parked
  clock.set('2026-11-24T12:00:00.000Z');
}

describe('the daily summary', () => {
  it('posts the figures of dailyReport for the day (= GET /api/reports/daily), with the change against a week before, and stores the ts', async () => {
    await knownTickets();
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');

    const report = await dailyReport(db.sql, deps.garageId, DAY, DAY, clock.now());
    expect(report).toMatchObject({
      totalRevenue: 18000,
      revenueByPaymentMethod: { Cash: 2000, 'Credit Card': 4000, 'Debit Card': 0, Mobile: 12000 },
      vehiclesIn: 4,
      vehiclesOut: 3,
      averageStayMinutes: 337,
      peakOccupancy: 3,
      peakHour: '09:00',
      stillParked: 2,
      openOver24h: 0,
    });
    const [call] = posts();
    expect(posts()).toHaveLength(1);
    expect(call!.args).toMatchObject({ channel: CHANNEL, text: 'Daily summary for Garage, Mon 23 Nov 2026: $180.00 revenue, 4 in, 3 out' });
    for (const part of [
      'Daily summary — Garage — Mon 23 Nov 2026',
      '$180.00  _(+1700% vs $10.00)_',
      '*Vehicles in*\\n4  _(+300% vs 1)_',
      '*Vehicles out*\\n3  _(+200% vs 1)_',
      '5 h 37 min  _(was 1 h 00 min)_',
      '*Peak occupancy*\\n3 at 09:00',
      '*Still parked*\\n2 (0 over 24 h)',
      'Cash $20.00 · Credit Card $40.00 · Debit Card $0.00 · Mobile $120.00',
      'Changes are against Mon 16 Nov 2026',
    ]) {
      expect(said(call!.args.blocks)).toContain(part);
    }
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'posted', channel: CHANNEL, messageTs: '1700000001.000100', attempts: 1 });
  });

  it("draws the day's cars inside at the start of each New York hour as a sparkline scaled to the garage's spaces, with its words", async () => {
    await knownTickets();
    await updateSettings(db.sql, deps.garageId, { totalSpaces: 4 }); // so the glyphs show the known day's shape
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    // 00–08 the overnight car (it leaves at 08:00: still in at 08:00); 09:00 nobody (two arrive at 09:00 sharp,
    // counted from just after); 10:00 three; 11–12 two; 13–23 one (LATE1 arrives at 23:00 sharp) — of 4 spaces
    const line = `${'▂'.repeat(9)}▁▆▄▄${'▂'.repeat(11)}`;
    expect(said(posts()[0]!.args.blocks)).toContain(`*Cars inside at each hour* (00:00–23:00, of 4 spaces)\\n\`${line}\`\\npeak 3 at 10:00, low 0 at 09:00`);
  });

  it('counts the paid exits handed to a manager that still wait, with the money they took', async () => {
    await knownTickets();
    const [user] = await db.sql<{ id: number }[]>`
      insert into users (username, password_hash, role) values ('summary.ana', 'x', 'attendant') returning id`;
    const by = { actor: `user:${user!.id}` as const, source: 'pwa' as const };
    const exit = (key: string, amountCents: number) => refusedCashExit(key, { amountCents, happenedAt: '2026-11-23T20:00:00.000Z' });
    await reportDiscard(deps, exit('a', 6000), { userId: user!.id, by });
    await reportDiscard(deps, exit('b', 2550), { userId: user!.id, by });
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    expect(posts()[0]!.args.text).toBe('Daily summary for Garage, Mon 23 Nov 2026: $180.00 revenue, 4 in, 3 out · 2 payments to resolve ($85.50 taken)');
  });

  it('two schedulers (two servers, two pools) starting together post the day once', async () => {
    const other = connect(db.url, { max: 2 });
    try {
      const a = startSummaryScheduler({ deps, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
      const b = startSummaryScheduler({ deps: { ...deps, sql: other }, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
      const first = await Promise.all([a.ready, b.ready]);
      expect(first.flatMap(outcomes).sort()).toEqual(['not_claimed', 'posted']);
      expect((await Promise.all([a.tick(), b.tick()])).flatMap(outcomes)).toEqual(['not_claimed', 'not_claimed']);
      await Promise.all([a.stop(), b.stop()]);
      expect(posts()).toHaveLength(1);
      expect(posts()[0]!.args.text).toContain('Mon 23 Nov 2026');
    } finally {
      await other.end();
    }
  });

  it('caught up at start: a server started the next afternoon posts the day it missed, once', async () => {
    clock.set('2026-11-24T20:00:00.000Z');
    const scheduler = startSummaryScheduler({ deps, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
    expect(outcomes(await scheduler.ready)).toEqual(['posted']);
    clock.advance(5 * 60_000);
    expect(outcomes(await scheduler.tick())).toEqual(['not_claimed']);
    await scheduler.stop();
    expect(posts().map((c) => c.args.text)).toEqual([expect.stringContaining('Mon 23 Nov 2026')]);
  });

  it("started before today's run: catches up the day before, and does not post yesterday's figures early", async () => {
    clock.set('2026-11-24T11:00:00.000Z'); // 06:00 in New York
    const scheduler = startSummaryScheduler({ deps, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
    expect(outcomes(await scheduler.ready)).toEqual(['posted']);
    await scheduler.stop();
    expect(posts().map((c) => c.args.text)).toEqual([expect.stringContaining('Sun 22 Nov 2026')]);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toBeNull();
  });

  it('Slack answering 500: a few quick retries, then the day is left pending with a retry time, and posted once on a later check', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(webApiAnswer('chat.postMessage', calls, () => HttpResponse.json({ ok: false, error: 'internal_error' }, { status: 500 })));
    const scheduler = startSummaryScheduler({ deps, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
    expect(outcomes(await scheduler.ready)).toEqual(['failed']);
    expect(calls).toHaveLength(3); // the first call and SUMMARY_RETRY-like 2 retries, not ten over half an hour
    const row = await loadSummaryDay(db.sql, deps.garageId, DAY);
    expect(row).toMatchObject({ status: 'pending', messageTs: null, claimToken: null, attempts: 1, lastError: expect.stringContaining('500') });
    expect(row!.leaseUntil).toEqual(new Date(clock.now().getTime() + 60_000));

    clock.advance(30_000); // before the retry time: nobody tries
    expect(outcomes(await scheduler.tick())).toEqual(['not_claimed']);
    expect(calls).toHaveLength(3);

    slack.server.resetHandlers(); // Slack is back
    clock.advance(30_000);
    expect(outcomes(await scheduler.tick())).toEqual(['posted']);
    expect(outcomes(await scheduler.tick())).toEqual(['not_claimed']);
    await scheduler.stop();
    expect(posts()).toHaveLength(1);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'posted', attempts: 2, lastError: null });
  });

  it('Slack answering 429: waits its Retry-After (bounded) and posts', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(
      webApiAnswer('chat.postMessage', calls, (n) =>
        n === 1
          ? HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json({ ok: true, channel: CHANNEL, ts: '1700000123.000200' }),
      ),
    );
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'posted', messageTs: '1700000123.000200' });
  });

  it('Slack answering 429 every time: three calls in all, then the day waits at least as long as Slack asked', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(
      webApiAnswer('chat.postMessage', calls, () => HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'Retry-After': '5' } })),
    );
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('failed');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([5000, 5000]);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('rate limited') });
  });

  it('a Retry-After beyond the bound is not waited out in-process: the day is given back until then', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(
      webApiAnswer('chat.postMessage', calls, () => HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'Retry-After': '600' } })),
    );
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('failed');
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    const row = await loadSummaryDay(db.sql, deps.garageId, DAY);
    expect(row!.leaseUntil).toEqual(new Date(clock.now().getTime() + 600_000));
  });

  it('Slack refusing the post (channel_not_found) leaves the day pending with the reason', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(webApiAnswer('chat.postMessage', calls, () => HttpResponse.json({ ok: false, error: 'channel_not_found' })));
    expect(await runDailySummary({ deps, day: DAY, channel: 'C0NOWHERE', post: poster() })).toBe('failed');
    expect(calls).toHaveLength(1);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'pending', lastError: expect.stringContaining('channel_not_found') });
  });

  it('a Slack that does not answer times out (bounded tries), and the day stays pending', async () => {
    const calls: ApiCall[] = [];
    slack.server.use(
      webApiAnswer('chat.postMessage', calls, async () => {
        await delay(1000);
        return HttpResponse.json({ ok: true, ts: '1.1' });
      }),
    );
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster({ timeoutMs: 50 }) })).toBe('failed');
    expect(calls).toHaveLength(3);
    expect(await loadSummaryDay(db.sql, deps.garageId, DAY)).toMatchObject({ status: 'pending' });
  });

  it('a server that died holding the day: another takes it over once the lease has run out', async () => {
    await claimSummaryDay(db.sql, { garageId: deps.garageId, day: DAY, claimToken: 'dead-server', now: clock.now(), leaseUntil: new Date(clock.now().getTime() + SUMMARY_LEASE_MS) });
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('not_claimed');
    clock.advance(SUMMARY_LEASE_MS);
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    expect(posts()).toHaveLength(1);
  });

  it('follows a change of the garage timezone and logs the schedule', async () => {
    const { log, lines } = capturedLog();
    const scheduler = startSummaryScheduler({ deps: { ...deps, log }, schedule: '0 7 * * *', fallbackChannel: CHANNEL, post: poster() });
    await scheduler.ready;
    await updateSettings(db.sql, deps.garageId, { timezone: 'Asia/Tokyo' });
    await scheduler.tick();
    await scheduler.stop();
    const scheduled = lines.filter((l) => l.msg === 'daily summary scheduled');
    expect(scheduled.map((l) => l.timeZone)).toEqual([TZ, 'Asia/Tokyo']);
    for (const line of scheduled) {
      const next = new Date(String(line.next));
      const hour = new Intl.DateTimeFormat('en-GB', { timeZone: String(line.timeZone), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
      expect(hour).toBe('07:00');
    }
  });

  it('createSlack wires it with the production client: posts to SLACK_SUMMARY_CHANNEL', async () => {
    const adapter = createSlack({
      deps,
      log: deps.log,
      config: { SLACK_SIGNING_SECRET: undefined, SLACK_BOT_TOKEN: 'xoxb-real-wiring', SLACK_TEAM_ID: undefined, SLACK_SUMMARY_CHANNEL: CHANNEL, SUMMARY_SCHEDULE: '0 7 * * *' },
    });
    const scheduler = adapter.startSummaries();
    expect(outcomes(await scheduler!.ready)).toEqual(['posted']);
    await adapter.stop();
    expect(posts()).toEqual([expect.objectContaining({ args: expect.objectContaining({ channel: CHANNEL }) })]);
  });
});

describe('the daily summary: money past 2^31 cents, and late changes to days already posted', () => {
  const by = { actor: 'system' as const, source: 'system' as const };

  it("a day's revenue over 2^31 − 1 cents, with one fee over it, is posted to the cent", async () => {
    await updateSettings(db.sql, deps.garageId, { hourlyRate: 999_999 });
    await stay('BIG1', '2026-08-01T12:00:00.000Z', { at: '2026-11-23T17:00:00.000Z', method: 'Cash' }); // 2741 h: 2,740,997,259 c
    await stay('BIG2', '2026-10-01T17:00:00.000Z', { at: '2026-11-23T18:00:00.000Z', method: 'Mobile' }); // 1273 h: 1,272,998,727 c
    clock.set('2026-11-24T12:00:00.000Z');
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    const [call] = posts();
    expect(call!.args.text).toBe('Daily summary for Garage, Mon 23 Nov 2026: $40,139,959.86 revenue, 0 in, 2 out');
    expect(said(call!.args.blocks)).toContain('Cash $27,409,972.59 · Credit Card $0.00 · Debit Card $0.00 · Mobile $12,729,987.27');
  });

  it("an exit or entry dated into a day whose summary was posted is audited as late, and the next summary lists it", async () => {
    await stay('LATEX', '2026-11-24T01:00:00.000Z'); // 20:00 on the 23rd in New York, still parked
    clock.set('2026-11-24T12:00:00.000Z'); // 07:00 on the 24th: the summary of the 23rd goes out
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    expect(posts()[0]!.args.text).toBe('Daily summary for Garage, Mon 23 Nov 2026: $0.00 revenue, 1 in, 0 out');

    clock.set('2026-11-24T12:30:00.000Z'); // a phone comes back online with what it recorded last night
    await enterVehicle(deps, { plate: readPlate('LATEN')!, vehicleType: 'Car', entryTime: new Date('2026-11-24T04:50:00.000Z') }, by);
    const x = (await searchTickets(db.sql, deps.garageId, { plateNormalized: 'LATEX', limit: 1 }))[0]!;
    await exitVehicle(deps, { target: byTicketNumber(x.ticketNumber), paymentMethod: 'Cash', exitTime: new Date('2026-11-24T04:30:00.000Z') }, by); // 23:30 on the 23rd: 4 h, $40
    await stay('TODAY1', '2026-11-24T14:00:00.000Z', { at: '2026-11-24T15:00:00.000Z', method: 'Cash' }); // the 24th's own: 1 h, $10

    const exitAudit = (await listAudit(db.sql, { action: 'ticket.exit', subject: x.ticketNumber, limit: 1 }))[0]!;
    expect(exitAudit.details).toMatchObject({
      amountPaid: 4000,
      clientDated: true,
      claimedTime: '2026-11-24T04:30:00.000Z',
      receivedAt: '2026-11-24T12:30:00.000Z',
      minutesBetween: 480,
      offline: true,
      lateForPostedDay: '2026-11-23',
    });
    const entryAudit = (await listAudit(db.sql, { action: 'ticket.enter', limit: 5 })).find((a) => (a.details as { licensePlate: string }).licensePlate === 'LATEN')!;
    expect(entryAudit.details).toMatchObject({ clientDated: true, offline: true, lateForPostedDay: '2026-11-23' });
    const todays = (await listAudit(db.sql, { action: 'ticket.exit', limit: 5 })).filter((a) => a.subject !== x.ticketNumber);
    expect(todays.map((a) => a.details)).toEqual([expect.not.objectContaining({ lateForPostedDay: expect.anything() })]);

    clock.set('2026-11-25T12:00:00.000Z'); // the summary of the 24th lists the late changes received that day
    expect(await runDailySummary({ deps, day: '2026-11-24', channel: CHANNEL, post: poster() })).toBe('posted');
    const next = posts()[1]!.args;
    expect(next.text).toBe('Daily summary for Garage, Tue 24 Nov 2026: $10.00 revenue, 1 in, 1 out · 2 late changes to earlier days (+$40.00)');
    expect(said(next.blocks)).toContain('Mon 23 Nov 2026: 1 exit (+$40.00), 1 entry');
    expect((await dailyReport(db.sql, deps.garageId, DAY, DAY, clock.now())).totalRevenue).toBe(4000);
  });

  it('a day without a summary of its own (a weekday schedule, a missed day): its late changes go into the next summary posted', async () => {
    await stay('LATEY', '2026-11-24T01:00:00.000Z'); // 20:00 on the 23rd in New York
    clock.set('2026-11-24T12:00:00.000Z');
    expect(await runDailySummary({ deps, day: DAY, channel: CHANNEL, post: poster() })).toBe('posted');
    clock.set('2026-11-24T20:00:00.000Z'); // the 24th: no summary will be posted for it
    const y = (await searchTickets(db.sql, deps.garageId, { plateNormalized: 'LATEY', limit: 1 }))[0]!;
    await exitVehicle(deps, { target: byTicketNumber(y.ticketNumber), paymentMethod: 'Debit Card', exitTime: new Date('2026-11-24T04:00:00.000Z') }, by); // 3 h: $30
    clock.set('2026-11-26T12:00:00.000Z');
    expect(await runDailySummary({ deps, day: '2026-11-25', channel: CHANNEL, post: poster() })).toBe('posted');
    expect(posts()[1]!.args.text).toBe('Daily summary for Garage, Wed 25 Nov 2026: $0.00 revenue, 0 in, 0 out · 1 late change to earlier days (+$30.00)');
  });
});
