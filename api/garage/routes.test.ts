import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GarageSettings, GarageStats } from '../../shared/garage.js';
import { startTestApp, type TestApp } from '../test/app.js';

/** The lost-ticket and approval settings of a new garage. */
const CORRECTION_DEFAULTS = {
  lostTicketPolicy: 'actual_plus_fee',
  lostTicketFeeCents: 2500,
  approval: { autoApproveUnderCents: { void: 0, refund: 0, lostTicketWaiver: 0 }, timeoutMinutes: 30 },
  requireShiftForCash: false,
  cashVarianceAlertCents: 500,
  reservedPermitSpaces: 0,
  reservationGraceMinutes: 30,
  reservationMaxLeadHours: 168,
  staleTicketHours: 24,
  voidAlertPerShift: 3,
};

let t: TestApp;
beforeAll(async () => {
  // 23:00 in New York on 2026-11-22 is 04:00 UTC on the 23rd: "today" is the 22nd there
  t = await startTestApp({ totalSpaces: 4, timezone: 'America/New_York', start: '2026-11-22T23:00:00-05:00' });
});
afterAll(() => t.close());

const enter = async (plate: string) => (await t.call('POST', '/api/tickets', { body: { licensePlate: plate } })).json.ticketNumber as string;
const exit = (n: string, paymentMethod = 'Cash') => t.call('PUT', `/api/tickets/${n}/exit`, { body: { paymentMethod } });

describe('GET /api/garage/stats', () => {
  it('an empty garage', async () => {
    const res = await t.call('GET', '/api/garage/stats');
    expect(GarageStats.parse(res.json)).toEqual({
      totalSpaces: 4,
      occupiedSpaces: 0,
      availableSpaces: 4,
      occupancyPercentage: 0,
      availablePercentage: 100,
      todayRevenue: 0,
      vehiclesEnteredToday: 0,
      vehiclesProcessedToday: 0,
      averageStayMinutes: null,
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: null,
      timezone: 'America/New_York',
      lostTicketPolicy: 'actual_plus_fee',
      lostTicketFeeCents: 2500,
      heldForReservations: 0,
      heldForPermits: 0,
    });
  });

  it("counts today's entries, exits and revenue in the garage's timezone", async () => {
    const a = await enter('STAT1'); // 23:00 on the 22nd
    t.clock.advance(30); // 23:30 on the 22nd
    await exit(a); // 30 min -> 1000, counted on the 22nd
    const b = await enter('STAT2'); // 23:30 on the 22nd
    t.clock.advance(45); // 00:15 on the 23rd: a new day in New York
    const c = await enter('STAT3');
    await t.signInAll();
    let stats = (await t.call('GET', '/api/garage/stats')).json;
    expect(stats).toMatchObject({ occupiedSpaces: 2, vehiclesEnteredToday: 1, vehiclesProcessedToday: 0, todayRevenue: 0 });
    t.clock.advance(100);
    await exit(b, 'Mobile'); // 145 min -> 3000
    await exit(c, 'Cash'); // 100 min -> 2000
    stats = (await t.call('GET', '/api/garage/stats')).json;
    expect(stats).toMatchObject({
      occupiedSpaces: 0,
      availableSpaces: 4,
      vehiclesEnteredToday: 1,
      vehiclesProcessedToday: 2,
      todayRevenue: 5000,
      averageStayMinutes: 123, // (145 + 100) / 2 = 122.5, rounded
    });
  });

  it('percentages to one decimal', async () => {
    const tickets = [await enter('PCT1')];
    const stats = (await t.call('GET', '/api/garage/stats')).json;
    expect(stats).toMatchObject({ occupiedSpaces: 1, occupancyPercentage: 25, availablePercentage: 75 });
    for (const n of tickets) await exit(n);
  });
});

describe('GET and PUT /api/garage/settings', () => {
  it('reads the settings', async () => {
    const res = await t.call('GET', '/api/garage/settings', { as: 'manager' });
    expect(GarageSettings.parse(res.json)).toEqual({ totalSpaces: 4, hourlyRate: 1000, timezone: 'America/New_York', graceMinutes: 0, dailyMaxCents: null, ...CORRECTION_DEFAULTS });
  });

  it('changes only what is sent, and records who changed what', async () => {
    const res = await t.call('PUT', '/api/garage/settings', { body: { totalSpaces: 6, dailyMaxCents: 4000 }, as: 'manager' });
    expect(res.json).toEqual({ totalSpaces: 6, hourlyRate: 1000, timezone: 'America/New_York', graceMinutes: 0, dailyMaxCents: 4000, ...CORRECTION_DEFAULTS });
    const [audit] = await t.sql<{ actor: string; details: any }[]>`select actor, details from audit_log where action = 'settings.update' order by id desc limit 1`;
    expect(audit!.actor).toBe(`user:${t.users.manager.id}`);
    expect(audit!.details).toMatchObject({ before: { totalSpaces: 4 }, after: { totalSpaces: 6, dailyMaxCents: 4000 } });
    const cleared = await t.call('PUT', '/api/garage/settings', { body: { dailyMaxCents: null, totalSpaces: 4 }, as: 'manager' });
    expect(cleared.json.dailyMaxCents).toBeNull();
  });

  it.each([
    ['0 spaces', { totalSpaces: 0 }, 'totalSpaces'],
    ['100001 spaces', { totalSpaces: 100001 }, 'totalSpaces'],
    ['a fractional rate', { hourlyRate: 10.5 }, 'hourlyRate'],
    ['a negative rate', { hourlyRate: -1 }, 'hourlyRate'],
    ['an unknown timezone', { timezone: 'Mars/Olympus' }, 'timezone'],
    ['grace over 120', { graceMinutes: 121 }, 'graceMinutes'],
    ['a rate sent as text', { hourlyRate: '1000' }, 'hourlyRate'],
    ['a misspelt setting', { hourly_rate: 1000 }, '(body)'],
    ['nothing', {}, '(body)'],
  ])('400 for %s, and nothing changes', async (_name, body, path) => {
    const res = await t.call('PUT', '/api/garage/settings', { body, as: 'manager' });
    expect(res.status).toBe(400);
    expect(res.json.details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await t.call('GET', '/api/garage/settings', { as: 'manager' })).json).toMatchObject({ totalSpaces: 4, hourlyRate: 1000 });
  });

  it('fewer spaces than cars inside: no new entries until enough leave', async () => {
    const inside = [await enter('SHR1'), await enter('SHR2')];
    await t.call('PUT', '/api/garage/settings', { body: { totalSpaces: 1 }, as: 'manager' });
    expect((await t.call('POST', '/api/tickets', { body: { licensePlate: 'SHR3' } })).json).toMatchObject({
      code: 'garage_full',
      message: 'Garage is full — 2/1',
    });
    expect((await t.call('GET', '/api/garage/stats')).json).toMatchObject({ availableSpaces: 0, occupancyPercentage: 200 });
    for (const n of inside) await exit(n);
    await t.call('PUT', '/api/garage/settings', { body: { totalSpaces: 4 }, as: 'manager' });
  });
});
