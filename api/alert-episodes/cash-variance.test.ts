import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEpisode } from '../../shared/alerts.js';
import type { Role } from '../../shared/auth.js';
import { closeShift, reconcileShift, type ShiftUser } from '../shifts/use-cases.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { checkAlerts } from './evaluate.js';

/**
 * A shift that needs a manager as an alert episode: its close opens it in its own transaction and
 * announces it once; the minute's checks on three replicas find it open and announce nothing more;
 * the reconciliation ends it once. A garage at $5.00 (the default threshold).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 50, hourlyRate: 1000, timezone: 'UTC', start: '2026-11-23T08:00:00.000Z' });
});
afterAll(() => t.close());

const raised: AlertEpisode[] = [];
const cleared: AlertEpisode[] = [];
const alerts = { paymentNeedsManager: () => {}, alertRaised: (e: AlertEpisode) => raised.push(e), alertCleared: (e: AlertEpisode) => cleared.push(e) };
beforeEach(async () => {
  raised.length = 0;
  cleared.length = 0;
  await t.signInAll();
});
const call: TestApp['call'] = (...args) => t.call(...args);
/** A test user as the shift use cases take them, from the app. */
const as = (role: Role): ShiftUser => ({ by: { actor: `user:${t.users[role].id}`, source: 'pwa' }, userId: t.users[role].id, role, garageIds: [t.garageId] });
/** The close and the reconciliation as the routes call them, with the alerts recorded above (the test app has none). */
const close = (id: number, declaredCashCents: number) => closeShift({ ...t.deps, alerts }, id, { declaredCashCents }, as('attendant'));
const reconcile = (id: number, note: string) => reconcileShift({ ...t.deps, alerts }, id, note, as('manager'));
/** Three replicas checking at the same moment. */
const checkOnThree = () => Promise.all([0, 1, 2].map(() => checkAlerts({ sql: t.sql, now: t.deps.now, alerts })));
const episodesOf = (shiftId: number) => t.sql<{ clearedAt: Date | null }[]>`select cleared_at from alert_episodes where kind = 'cash_variance' and subject = ${String(shiftId)}`;

/** The attendant's shift with a $100.00 float and one $30.00 cash exit, closed counting `declared` cents: its id. */
let plates = 0;
async function shiftClosedWith(declared: number): Promise<number> {
  const opened = await call('POST', '/api/shifts', { body: { openingFloatCents: 10_000 } });
  expect(opened.status).toBe(201);
  const car = await call('POST', '/api/tickets', { body: { licensePlate: `CV ${++plates}` } });
  t.clock.advance(150);
  expect((await call('PUT', `/api/tickets/${car.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } })).json.amountPaid).toBe(3_000);
  t.clock.advance(5);
  expect((await close(opened.json.id, declared)).status).toBe('closed');
  return opened.json.id;
}

describe('cash_variance', () => {
  it('a close $10.00 short opens one episode in its transaction, announced once; three replicas checking add none; reconciling ends it once', async () => {
    const id = await shiftClosedWith(12_000); // $130.00 expected
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'cash_variance',
        subject: String(id),
        garageId: t.garageId,
        muted: false,
        details: {
          shiftId: id,
          username: t.users.attendant.username,
          unclosed: false,
          declaredCashCents: 12_000,
          expectedCashCents: 13_000,
          varianceCents: -1_000,
          thresholdCents: 500,
          openedAt: expect.any(String),
          closedAt: t.clock.now.toISOString(),
          openingFloatCents: 10_000,
          cashTakenCents: 3_000,
          exits: 1,
          voids: 0,
          refunds: 0,
          lostTickets: 0,
        },
      }),
    ]);
    await checkOnThree();
    t.clock.advance(1);
    await checkOnThree();
    expect(raised).toHaveLength(1);
    expect(cleared).toEqual([]);

    t.clock.advance(30);
    expect((await reconcile(id, 'A $10 note found under the till')).reconciled).not.toBeNull();
    expect(cleared).toEqual([expect.objectContaining({ kind: 'cash_variance', subject: String(id), clearedAt: t.clock.now.toISOString() })]);
    await checkOnThree();
    expect(raised).toHaveLength(1);
    expect(cleared).toHaveLength(1);
    expect(await episodesOf(id)).toEqual([{ clearedAt: t.clock.now }]);
  });

  it('a close within the threshold (short $5.00 exactly) opens none, nor does the check', async () => {
    const id = await shiftClosedWith(12_500);
    await checkOnThree();
    expect(raised).toEqual([]);
    expect(await episodesOf(id)).toEqual([]);
  });

  it('closed at the same moment as three replicas check: still one episode, announced once', async () => {
    const opened = await call('POST', '/api/shifts', { body: { openingFloatCents: 10_000 } });
    t.clock.advance(5);
    await Promise.all([close(opened.json.id, 20_000), checkOnThree(), checkOnThree()]);
    await checkOnThree();
    expect(raised.map((e) => [e.kind, e.subject])).toEqual([['cash_variance', String(opened.json.id)]]);
    expect(await episodesOf(opened.json.id)).toHaveLength(1);
    await reconcile(opened.json.id, 'Over: a float top-up not recorded');
  });

  it('muted for the garage: opened and ended (listed as muted), never announced', async () => {
    expect((await call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'cash_variance', muted: true } })).json.muted).toEqual(['cash_variance']);
    const id = await shiftClosedWith(0);
    await checkOnThree();
    const view = await call('GET', `/api/garages/${t.garageId}/alerts`, { as: 'manager' });
    expect(view.json.open).toEqual([expect.objectContaining({ kind: 'cash_variance', subject: String(id), muted: true })]);
    await reconcile(id, 'Drawer left in the safe');
    expect(raised).toEqual([]);
    expect(cleared).toEqual([]);
    expect(await episodesOf(id)).toEqual([{ clearedAt: expect.any(Date) }]);
    await call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'cash_variance', muted: false } });
  });

  it('a shift that ended without its episode (closed before this kind existed) is opened by the check within 7 days, once; older ones never', async () => {
    const recent = await shiftClosedWith(11_000);
    const old = await shiftClosedWith(11_000);
    // as if both had closed before the upgrade: no episode; one of them 8 days ago
    await t.sql`delete from alert_episodes where kind = 'cash_variance' and subject in (${String(recent)}, ${String(old)})`;
    await t.sql`update shifts set closed_at = closed_at - interval '8 days' where id = ${old}`;
    raised.length = 0;
    await checkOnThree();
    await checkOnThree();
    expect(raised.map((e) => e.subject)).toEqual([String(recent)]);
    expect(raised[0]!.details).toMatchObject({ varianceCents: -2_000, cashTakenCents: 3_000, exits: 1, voids: 0, refunds: 0, lostTickets: 0 });
    expect(await episodesOf(old)).toEqual([]);
    // an open one goes on past 7 days until reconciled
    t.clock.advance(8 * 24 * 60);
    await t.signInAll();
    await checkOnThree();
    expect(cleared).toEqual([]);
    await reconcile(recent, 'Late, but found');
    expect(cleared.map((e) => e.subject)).toEqual([String(recent)]);
  });
});
