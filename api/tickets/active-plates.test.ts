import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsUpdate } from '../../shared/garage.js';
import { CreateGarageBody } from '../../shared/garages.js';
import { ActivePlates, MAX_ACTIVE_PLATES, Ticket } from '../../shared/tickets.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
let north: number;
/** Garage 1's cars, in the order they came in. */
const parked: { ticketNumber: string; licensePlate: string }[] = [];
let completed: string;
let voided: string;
let northCar: string;

async function enter(licensePlate: string, path = '/api/tickets') {
  const res = await t.call('POST', path, { body: { licensePlate } });
  expect(res.status).toBe(201);
  t.clock.advance(5);
  return Ticket.parse(res.json);
}

beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 20 });
  const created = await t.call('POST', '/api/garages', { as: 'admin', body: { name: 'North', totalSpaces: 5, hourlyRate: 500, timezone: 'UTC' } });
  expect(created.status).toBe(201);
  north = created.json.id;
  for (const plate of ['AAA 111', 'BBB 222', 'CCC 333']) {
    const ticket = await enter(plate);
    parked.push({ ticketNumber: ticket.ticketNumber, licensePlate: ticket.licensePlate });
  }
  completed = (await enter('DONE 1')).ticketNumber;
  expect((await t.call('PUT', `/api/tickets/${completed}/exit`, { body: { paymentMethod: 'Cash' } })).status).toBe(200);
  voided = (await enter('VOID 1')).ticketNumber;
  expect((await t.call('POST', `/api/tickets/${voided}/void`, { as: 'manager', body: { reason: 'duplicate' } })).status).toBe(200);
  const res = await t.call('POST', `/api/garages/${north}/tickets`, { as: 'admin', body: { licensePlate: 'NORTH 1' } });
  expect(res.status).toBe(201);
  northCar = res.json.ticketNumber;
});
afterAll(() => t.close());

describe('GET /api/tickets/active-plates', () => {
  it("lists exactly the garage's active tickets, newest entry first, number and plate only", async () => {
    const res = await t.call('GET', '/api/tickets/active-plates');
    expect(res.status).toBe(200);
    const list = ActivePlates.parse(res.json);
    expect(list).toEqual({ asOf: t.clock.now.toISOString(), cars: [...parked].reverse() });
    expect(Object.keys(res.json.cars[0]).sort()).toEqual(['licensePlate', 'ticketNumber']);
    const numbers = list.cars.map((c) => c.ticketNumber);
    expect(numbers).not.toContain(completed);
    expect(numbers).not.toContain(voided);
    expect(numbers).not.toContain(northCar);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("at /api/garages/:garageId/tickets/active-plates, that garage's cars and no other's", async () => {
    const one = await t.call('GET', `/api/garages/${t.garageId}/tickets/active-plates`);
    expect(one.status).toBe(200);
    expect(one.json.cars).toEqual([...parked].reverse());
    const other = await t.call('GET', `/api/garages/${north}/tickets/active-plates`, { as: 'admin' });
    expect(other.status).toBe(200);
    expect(other.json.cars).toEqual([{ ticketNumber: northCar, licensePlate: 'NORTH 1' }]);
  });

  it('an attendant of garage 1 gets 404 for another garage, as for one that does not exist', async () => {
    const res = await t.call('GET', `/api/garages/${north}/tickets/active-plates`);
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });

  it('is for signed-in staff only', async () => {
    const res = await t.call('GET', '/api/tickets/active-plates', { as: null });
    expect(res.status).toBe(401);
  });

  it.each(['attendant', 'manager', 'admin'] as const)('the %s may list them', async (as) => {
    expect((await t.call('GET', '/api/tickets/active-plates', { as })).status).toBe(200);
  });

  it('leaves the ticket-number lookup beside it working', async () => {
    const [car] = parked;
    const res = await t.call('GET', `/api/tickets/${car!.ticketNumber}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ticketNumber: car!.ticketNumber, licensePlate: car!.licensePlate, status: 'active' });
    const scoped = await t.call('GET', `/api/garages/${t.garageId}/tickets/${car!.ticketNumber.toLowerCase()}`);
    expect(scoped.json.ticketNumber).toBe(car!.ticketNumber);
    expect((await t.call('GET', '/api/tickets/PS-ZZZZZZ')).status).toBe(404);
  });

  it('caps the list at the most spaces a garage may have, so it is every car inside', () => {
    expect(MAX_ACTIVE_PLATES).toBe(CreateGarageBody.shape.totalSpaces.maxValue);
    expect(SettingsUpdate.safeParse({ totalSpaces: MAX_ACTIVE_PLATES }).success).toBe(true);
    expect(SettingsUpdate.safeParse({ totalSpaces: MAX_ACTIVE_PLATES + 1 }).success).toBe(false);
  });

  it('is in the OpenAPI document at both paths', async () => {
    const doc = await t.call('GET', '/api/openapi.json', { as: null });
    expect(doc.json.paths['/api/tickets/active-plates'].get.operationId).toBe('listActivePlates');
    expect(doc.json.paths['/api/garages/{garageId}/tickets/active-plates'].get.operationId).toBe('listActivePlatesInGarage');
  });
});
