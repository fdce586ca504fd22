import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsDue, type AlertEpisode } from '../../shared/alerts.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { checkAlerts } from './evaluate.js';

/**
 * Alerts once per episode: a garage of 20 spaces filling up, a ticket left over 24 hours, a shift
 * with many voids; each announced once however many replicas check, and its end announced once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20, hourlyRate: 1000, timezone: 'UTC', start: '2026-11-23T12:00:00.000Z' });
});
afterAll(() => t.close());

const raised: AlertEpisode[] = [];
const cleared: AlertEpisode[] = [];
const alerts = { paymentNeedsManager: () => {}, alertRaised: (e: AlertEpisode) => raised.push(e), alertCleared: (e: AlertEpisode) => cleared.push(e) };
/** Three replicas checking at the same moment. */
const checkOnThree = () => Promise.all([0, 1, 2].map(() => checkAlerts({ sql: t.sql, now: t.deps.now, alerts })));
let n = 0;
const enter = () => t.call('POST', '/api/tickets', { body: { licensePlate: `AL ${++n}` } });

describe('alert episodes', () => {
  it('at 95% and full: each announced once across three replicas, ended once some way below', async () => {
    const tickets: string[] = [];
    for (let i = 0; i < 19; i++) tickets.push((await enter()).json.ticketNumber);
    await checkOnThree();
    expect(raised.map((e) => e.kind)).toEqual(['occupancy_high']);
    expect(raised[0]!.details).toMatchObject({ occupied: 19, totalSpaces: 20, percent: 95 });
    tickets.push((await enter()).json.ticketNumber);
    await checkOnThree();
    await checkOnThree();
    expect(raised.map((e) => e.kind)).toEqual(['occupancy_high', 'garage_full']);
    // one car out: 95%, still "full" by the hysteresis; then down to 85%: both end, each once
    await t.call('PUT', `/api/tickets/${tickets.pop()}/exit`, { body: { paymentMethod: 'Cash' } });
    await checkOnThree();
    expect(cleared).toEqual([]);
    for (let i = 0; i < 2; i++) await t.call('PUT', `/api/tickets/${tickets.pop()}/exit`, { body: { paymentMethod: 'Cash' } });
    await checkOnThree();
    expect(cleared.map((e) => e.kind).sort()).toEqual(['garage_full', 'occupancy_high']);
    expect(cleared.every((e) => e.clearedAt !== null)).toBe(true);
    const [count] = await t.sql<{ n: number }[]>`select count(*)::int as n from alert_episodes where kind in ('occupancy_high', 'garage_full')`;
    expect(count!.n).toBe(2);
    for (const n of tickets) await t.call('PUT', `/api/tickets/${n}/exit`, { body: { paymentMethod: 'Cash' } });
  });

  it('a ticket open over staleTicketHours is an episode until it leaves; a muted kind is recorded, not announced', async () => {
    raised.length = 0;
    cleared.length = 0;
    const old = await enter();
    t.clock.advance(25 * 60);
    await t.signInAll();
    expect((await t.call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'stale_tickets', muted: true } })).json.muted).toEqual(['stale_tickets']);
    await checkOnThree();
    expect(raised).toEqual([]);
    const view = await t.call('GET', `/api/garages/${t.garageId}/alerts`, { as: 'manager' });
    expect(view.json.open).toEqual([expect.objectContaining({ kind: 'stale_tickets', muted: true, details: expect.objectContaining({ count: 1, hours: 24 }) })]);
    await t.call('PUT', `/api/garages/${t.garageId}/alerts/mutes`, { as: 'manager', body: { kind: 'stale_tickets', muted: false } });
    await t.call('PUT', `/api/tickets/${old.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    await checkOnThree();
    expect(cleared.map((e) => e.kind)).toEqual(['stale_tickets']);
    expect((await t.call('GET', `/api/garages/${t.garageId}/alerts`)).status).toBe(403);
    const [audit] = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action in ('alert.mute', 'alert.unmute')`;
    expect(audit!.n).toBe(2);
  });
});

describe('alertsDue', () => {
  const base = { now: new Date('2026-11-23T12:00:00.000Z'), totalSpaces: 100, occupied: 0, stale: 0, staleTicketHours: 24, oldestStale: null, shifts: [], voidAlertPerShift: 3, summary: null, feed: { published: false, open: true, lastChange: null }, endedShifts: [], cashVarianceAlertCents: 500, open: [] };
  it('starts at 95% and at full, ends below 90% and 95%', () => {
    expect(alertsDue({ ...base, occupied: 94 }).map((d) => d.kind)).toEqual([]);
    expect(alertsDue({ ...base, occupied: 95 }).map((d) => d.kind)).toEqual(['occupancy_high']);
    expect(alertsDue({ ...base, occupied: 100 }).map((d) => d.kind)).toEqual(['occupancy_high', 'garage_full']);
    const open = [{ kind: 'occupancy_high' as const, subject: '' }, { kind: 'garage_full' as const, subject: '' }];
    expect(alertsDue({ ...base, occupied: 95, open }).map((d) => d.kind)).toEqual(['occupancy_high', 'garage_full']);
    expect(alertsDue({ ...base, occupied: 94, open }).map((d) => d.kind)).toEqual(['occupancy_high']);
    expect(alertsDue({ ...base, occupied: 89, open }).map((d) => d.kind)).toEqual([]);
  });
  it('a shift with more voids and refunds than the threshold, one episode per shift', () => {
    const shifts = [{ id: 7, username: 'sam', voids: 2, refunds: 2 }, { id: 8, username: 'ana', voids: 3, refunds: 0 }];
    expect(alertsDue({ ...base, shifts })).toEqual([{ kind: 'shift_corrections', subject: '7', details: { shiftId: 7, username: 'sam', voids: 2, refunds: 2, threshold: 3 } }]);
  });
});
