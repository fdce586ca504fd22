import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../api/deps.js';
import { ensureGarage } from '../../api/garage/queries.js';
import { createLogger } from '../../api/logger.js';
import { loadShift, sumShiftsClosedBetween } from '../../api/shifts/queries.js';
import { closeShift, closeShiftsLeftOpen, openShift, type ShiftUser } from '../../api/shifts/use-cases.js';
import { createTestDatabase, type TestDatabase } from '../../api/test/database.js';
import { enterVehicle } from '../../api/tickets/enter.js';
import { exitVehicle } from '../../api/tickets/exit.js';
import { byTicketNumber } from '../../api/tickets/lookup.js';
import { insertUser } from '../../api/users/queries.js';
import { localDayRange } from '../../shared/garage-day.js';
import { readPlate } from '../../shared/plate.js';
import { fakeSlack } from '../test/fake-slack.js';
import { testClock } from '../test/harness.js';
import { said } from '../test/replies.js';
import { createSummaryClient, createSummaryPoster } from './post.js';
import { runDailySummary } from './run.js';
import { receiptKeys } from '../../api/receipts/keys.js';

/** The daily summary's "Cash variance today": shifts closed in the garage-local day, with their real variances. */
const slack = fakeSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => slack.server.close());

const TZ = 'America/New_York'; // UTC-5 in November
const DAY = '2026-11-23';
let db: TestDatabase;
let deps: Deps;
let clock: ReturnType<typeof testClock>;

beforeEach(async () => {
  db = await createTestDatabase();
  clock = testClock('2026-11-23T12:00:00.000Z');
  const garageId = await ensureGarage(db.sql, { totalSpaces: 140, hourlyRate: 1000, timezone: TZ });
  deps = { sql: db.sql, garageId, now: clock.now, randomBytes: (n) => randomBytes(n), receiptKeys: receiptKeys(), log: createLogger('silent'), sessionIdleMs: 3600_000 };
});
afterEach(async () => {
  slack.reset();
  await db.drop();
});

const poster = () => createSummaryPoster(createSummaryClient('xoxb-test-token', { retry: { retries: 0 } }));

/** An attendant of the garage, as a shift's use cases see them. */
async function attendant(username: string): Promise<ShiftUser> {
  const user = await insertUser(db.sql, { username, passwordHash: 'x', role: 'attendant', slackUserId: null, garageIds: [deps.garageId] });
  return { by: { actor: `user:${user!.id}`, source: 'pwa' }, userId: user!.id, role: 'attendant', garageIds: [deps.garageId] };
}

/** A shift opened at `from` with `floatCents`, closed at `to` with the count `declared(expected)`; its stored variance. */
async function shift(who: ShiftUser, from: string, floatCents: number, to: string, declared: (float: number) => number, during?: () => Promise<void>) {
  clock.set(from);
  const opened = await openShift(deps, who, floatCents);
  await during?.();
  clock.set(to);
  const closed = await closeShift(deps, opened.id, { declaredCashCents: declared(floatCents) }, who);
  return closed.varianceCents;
}

/** The posted summary's blocks, as one text. */
async function summaryOf(day: string) {
  clock.set('2026-11-24T12:00:00.000Z');
  expect(await runDailySummary({ deps, day, channel: 'C0MANAGERS', post: poster() })).toBe('posted');
  const post = slack.apiCalls.filter((c) => c.method === 'chat.postMessage').at(-1)!;
  return said(post.args.blocks);
}

describe('the daily summary: cash variance today', () => {
  it('sums the signed variances of the shifts closed that local day, counting the one the server closed unclosed', async () => {
    const ana = await attendant('ana');
    const bob = await attendant('bob');
    const cat = await attendant('cat');
    const eve = await attendant('eve');
    const dan = await attendant('dan');
    // ana takes $20.00 cash and counts $3.50 short of the $120.00 expected
    const short = await shift(ana, '2026-11-23T14:00:00.000Z', 10_000, '2026-11-23T20:00:00.000Z', (f) => f + 2_000 - 350, async () => {
      const { ticket } = await enterVehicle(deps, { plate: readPlate('CASH1')!, vehicleType: 'Car' }, ana.by);
      clock.set('2026-11-23T15:30:00.000Z');
      await exitVehicle(deps, { target: byTicketNumber(ticket.ticketNumber), paymentMethod: 'Cash' }, ana.by);
    });
    const over = await shift(bob, '2026-11-23T15:00:00.000Z', 5_000, '2026-11-24T04:59:00.000Z', (f) => f + 100); // 23:59 on DAY
    await shift(eve, '2026-11-22T20:00:00.000Z', 5_000, '2026-11-23T04:30:00.000Z', (f) => f - 999); // 23:30 the day before
    await shift(dan, '2026-11-24T05:30:00.000Z', 5_000, '2026-11-24T06:00:00.000Z', (f) => f + 5_000); // 01:00 the day after
    clock.set('2026-11-22T16:00:00.000Z');
    const left = await openShift(deps, cat, 7_500);
    clock.set('2026-11-24T11:00:00.000Z');
    expect(await closeShiftsLeftOpen(deps)).toBe(1); // closed as unclosed at its 24th hour: 11:00 on DAY
    expect([short, over]).toEqual([-350, 100]);
    expect(await loadShift(db.sql, left.id)).toMatchObject({ status: 'unclosed', varianceCents: null });

    const day = localDayRange(DAY, DAY, TZ);
    expect(await sumShiftsClosedBetween(db.sql, deps.garageId, day.start, day.end)).toEqual({ closed: 3, unclosed: 1, counted: 2, varianceCents: -250 });
    expect(await summaryOf(DAY)).toContain('*Cash variance today:* −$2.50 over 2 counted shifts · 3 shifts closed, 1 left open 24 h and closed by the server without a count');
  });

  it('two counted shifts and none unclosed: the plain line', async () => {
    const ana = await attendant('ana');
    const bob = await attendant('bob');
    await shift(ana, '2026-11-23T14:00:00.000Z', 10_000, '2026-11-23T18:00:00.000Z', (f) => f - 500);
    await shift(bob, '2026-11-23T14:00:00.000Z', 10_000, '2026-11-23T19:00:00.000Z', (f) => f + 150);
    expect(await summaryOf(DAY)).toContain('*Cash variance today:* −$3.50 over 2 closed shifts');
  });

  it('no line on a day no shift was closed, even with shifts closed the days around it', async () => {
    const eve = await attendant('eve');
    const dan = await attendant('dan');
    await shift(eve, '2026-11-22T20:00:00.000Z', 5_000, '2026-11-23T04:30:00.000Z', (f) => f - 999);
    await shift(dan, '2026-11-24T05:30:00.000Z', 5_000, '2026-11-24T06:00:00.000Z', (f) => f + 5_000);
    expect(await summaryOf(DAY)).not.toContain('Cash variance');
  });
});
