import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatePlanBody } from '../../shared/rate-plan.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * Rate plans at the HTTP door: versions, the version in force at entry on the ticket (editing never
 * reprices a car inside), vehicle-type rates, the settings and the plan never disagreeing, quotes.
 * The garage is in New York; the clock starts Monday 2026-11-23 07:00 local (12:00 UTC).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20, hourlyRate: 1000, timezone: 'America/New_York', start: '2026-11-23T12:00:00.000Z' });
});
afterAll(() => t.close());

const board: RatePlanBody = {
  hourlyRate: 1000,
  vehicleRates: { Truck: 2500 },
  graceMinutes: 10,
  dailyMaxCents: 6000,
  bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 300, vehicleRates: {} }],
  specials: [{ name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1200 }],
  events: [],
};

let plates = 0;
async function enter(vehicleType = 'Car') {
  const res = await t.call('POST', '/api/tickets', { body: { licensePlate: `RATE ${++plates}`, vehicleType } });
  expect(res.status).toBe(201);
  return res.json;
}

describe('rate plan', () => {
  it('before any plan is saved, the plan is version 0 made of the settings', async () => {
    const res = await t.call('GET', `/api/garages/${t.garageId}/rate-plan`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 0, hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null, bands: [], specials: [], timezone: 'America/New_York', createdBy: null });
  });

  it('only a manager saves a plan; a bad one is a 400 naming the field, and nothing is saved', async () => {
    expect((await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { body: board })).status).toBe(403);
    const overlap = { ...board, bands: [...board.bands, { name: 'Late', from: '23:00', to: '23:30', hourlyRate: 100 }] };
    const bad = await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: overlap });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/overlap at 23:00/);
    const time = await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: { ...board, bands: [{ name: 'X', from: '25:00', to: '06:00', hourlyRate: 1 }] } });
    expect(time.status).toBe(400);
    expect(time.json.message).toMatch(/HH:MM/);
    expect((await t.call('GET', `/api/garages/${t.garageId}/rate-plan`)).json.version).toBe(0);
  });

  it('a car inside keeps the tariff it came in under; cars after a save get the new version, audited', async () => {
    const before = await enter();
    t.clock.advance(90); // 08:30 local
    const saved = await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: board });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ version: 1, createdBy: `user:${t.users.manager.id}`, bands: board.bands });
    const [audit] = await t.sql<{ details: { version: number } }[]>`select details from audit_log where action = 'rate_plan.update' order by id desc limit 1`;
    expect(audit!.details.version).toBe(1);

    const old = await t.call('GET', `/api/tickets/${before.ticketNumber}`);
    expect(old.json.tariff.plan).toBeUndefined();
    expect(old.json.amountDue).toBe(2000); // 90 minutes at the old plain 1000/h, no grace, no special

    const car = await enter(); // 08:30 Monday: the early bird can apply
    expect(car.tariff.plan).toMatchObject({ version: 1, timezone: 'America/New_York', specials: [{ name: 'Early bird' }] });
    const truck = await enter('Truck');
    expect(truck.hourlyRate).toBe(2500);
    expect(truck.tariff.hourlyRate).toBe(2500);

    // the plan changes again: the cars already inside keep version 1
    await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: { ...board, hourlyRate: 5000, specials: [] } });
    t.clock.advance(8 * 60); // 16:30 local: 8 hours
    const exit = await t.call('PUT', `/api/tickets/${car.ticketNumber}/exit`, { body: { paymentMethod: 'Credit Card' } });
    expect(exit.status).toBe(200);
    expect(exit.json.amountPaid).toBe(1200);
    expect(exit.json.feeBreakdown).toMatchObject({ planVersion: 1, applied: { kind: 'special', name: 'Early bird' } });
    expect(exit.json.feeBreakdown.lines).toEqual([{ kind: 'special', name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', cents: 1200 }]);
    const truckExit = await t.call('PUT', `/api/tickets/${truck.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(truckExit.json.amountPaid).toBe(1200); // the early bird is for every vehicle type
    const late = await t.call('PUT', `/api/tickets/${before.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(late.json.amountPaid).toBe(10000); // 10 h at the plain 1000/h it came in under, not 5000/h
  });

  it('changing the rate in the settings saves a new plan version with it, keeping the bands and specials', async () => {
    const res = await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { hourlyRate: 1500, graceMinutes: 5 } });
    expect(res.status).toBe(200);
    const plan = (await t.call('GET', `/api/garages/${t.garageId}/rate-plan`)).json;
    expect(plan).toMatchObject({ version: 3, hourlyRate: 1500, graceMinutes: 5, bands: board.bands, vehicleRates: { Truck: 2500 } });
    const unchanged = await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { totalSpaces: 21 } });
    expect(unchanged.status).toBe(200);
    expect((await t.call('GET', `/api/garages/${t.garageId}/rate-plan`)).json.version).toBe(3);
    const [audit] = await t.sql<{ details: { ratePlanVersion?: number } }[]>`select details from audit_log where action = 'settings.update' order by id desc limit 2`;
    expect(audit!.details.ratePlanVersion).toBeUndefined();
  });
});

describe('quote', () => {
  const quote = (body: unknown) => t.call('POST', `/api/garages/${t.garageId}/rate-plan/quote`, { body });

  it('prices a night stay hour by hour by the local clock, in words a driver can check', async () => {
    await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: board });
    // Tuesday 2026-11-24 20:00 → Wednesday 02:00 New York (EST, UTC-5)
    const res = await quote({ entryTime: '2026-11-25T01:00:00.000Z', exitTime: '2026-11-25T07:00:00.000Z' });
    expect(res.status).toBe(200);
    expect(res.json.totalCents).toBe(2 * 1000 + 4 * 300);
    expect(res.json.words).toEqual(['Regular rate: 2 h from 20:00 × $10.00: $20.00', 'Night: 4 h from 22:00 × $3.00: $12.00']);
    const truck = await quote({ vehicleType: 'truck', entryTime: '2026-11-25T01:00:00.000Z', exitTime: '2026-11-25T03:00:00.000Z' });
    expect(truck.json.totalCents).toBe(5000);
  });

  it('previews a draft plan without saving it', async () => {
    const draft = { ...board, hourlyRate: 100, bands: [], specials: [] };
    const res = await quote({ entryTime: '2026-11-25T01:00:00.000Z', exitTime: '2026-11-25T04:00:00.000Z', plan: draft });
    expect(res.json.totalCents).toBe(300);
    expect((await t.call('GET', `/api/garages/${t.garageId}/rate-plan`)).json.hourlyRate).toBe(1000);
  });

  it('refuses a stay that ends before it starts, or runs over a year, with the field named', async () => {
    const back = await quote({ entryTime: '2026-11-25T04:00:00.000Z', exitTime: '2026-11-25T01:00:00.000Z' });
    expect(back.status).toBe(400);
    expect(back.json.message).toMatch(/exitTime/);
    const long = await quote({ entryTime: '2024-01-01T00:00:00.000Z', exitTime: '2026-01-01T00:00:00.000Z' });
    expect(long.status).toBe(400);
    expect(long.json.message).toMatch(/366 days/);
  });
});
