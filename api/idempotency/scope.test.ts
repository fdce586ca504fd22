import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attribution } from '../../shared/auth.js';
import { readPlate } from '../../shared/plate.js';
import { enterVehicle } from '../tickets/enter.js';
import { exitVehicle } from '../tickets/exit.js';
import { byTicketNumber } from '../tickets/lookup.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const plate = (text: string) => readPlate(text)!;

describe('an Idempotency-Key belongs to the user and the door that sent it', () => {
  it('two users sending the same key each get their own ticket, and each repeat replays their own', async () => {
    const key = { 'idempotency-key': 'shared-key-1' };
    const ana = await t.call('POST', '/api/tickets', { as: 'attendant', body: { licensePlate: 'SCOPE1' }, headers: key });
    const max = await t.call('POST', '/api/tickets', { as: 'manager', body: { licensePlate: 'SCOPE2' }, headers: key });
    expect([ana.status, max.status]).toEqual([201, 201]);
    expect(max.headers.get('idempotent-replayed')).toBeNull();
    expect(max.json.ticketNumber).not.toBe(ana.json.ticketNumber);

    const anaAgain = await t.call('POST', '/api/tickets', { as: 'attendant', body: { licensePlate: 'SCOPE1' }, headers: key });
    const maxAgain = await t.call('POST', '/api/tickets', { as: 'manager', body: { licensePlate: 'SCOPE2' }, headers: key });
    expect(anaAgain).toMatchObject({ status: 201, json: { ticketNumber: ana.json.ticketNumber } });
    expect(maxAgain).toMatchObject({ status: 201, json: { ticketNumber: max.json.ticketNumber } });
    expect(anaAgain.headers.get('idempotent-replayed')).toBe('true');
  });

  it("one user's key cannot read another's answer: the same key and body from someone else is a new request", async () => {
    const key = { 'idempotency-key': 'shared-key-2' };
    const first = await t.call('POST', '/api/tickets', { as: 'attendant', body: { licensePlate: 'SCOPE3' }, headers: key });
    const other = await t.call('POST', '/api/tickets', { as: 'admin', body: { licensePlate: 'SCOPE3' }, headers: key });
    expect(first.status).toBe(201);
    // not a replay of the attendant's ticket: the admin's own entry, refused because the car is inside
    expect(other).toMatchObject({ status: 409, json: { code: 'vehicle_already_parked' } });
  });

  it('the same user through two doors (the app and the API) does not share keys', async () => {
    const id = t.users.attendant.id;
    const viaApi: Attribution = { actor: `user:${id}`, source: 'api' };
    const viaApp: Attribution = { actor: `user:${id}`, source: 'pwa' };
    const a = await enterVehicle(t.deps, { plate: plate('SCOPE4'), vehicleType: 'Car' }, viaApi, 'door-key');
    const b = await enterVehicle(t.deps, { plate: plate('SCOPE5'), vehicleType: 'Car' }, viaApp, 'door-key');
    expect([a.replayed, b.replayed]).toEqual([false, false]);
    expect(b.ticket.licensePlate).toBe('SCOPE5');
  });

  it("a key an attendant sends over HTTP neither replays nor blocks a Slack user's click with the same key", async () => {
    const first = await t.call('POST', '/api/tickets', { body: { licensePlate: 'SCOPE6' } });
    const second = await t.call('POST', '/api/tickets', { body: { licensePlate: 'SCOPE7' } });
    // The attendant pays the first car with the key the Slack door would use for a click.
    const paid = await t.call('PUT', `/api/tickets/${first.json.ticketNumber}/exit`, {
      body: { paymentMethod: 'Cash' },
      headers: { 'idempotency-key': 'pay:1234.5678.abc' },
    });
    expect(paid.status).toBe(200);
    // A Slack user's click carrying that key completes the car it was for, the second one.
    const slack: Attribution = { actor: 'slack:U0SCOPE01', source: 'slack' };
    const click = await exitVehicle(t.deps, { target: byTicketNumber(second.json.ticketNumber), paymentMethod: 'Mobile' }, slack, 'pay:1234.5678.abc');
    expect(click).toMatchObject({ replayed: false, ticket: { ticketNumber: second.json.ticketNumber, status: 'completed', paymentMethod: 'Mobile' } });
    // and the attendant's own repeat still replays the attendant's answer
    const again = await t.call('PUT', `/api/tickets/${first.json.ticketNumber}/exit`, {
      body: { paymentMethod: 'Cash' },
      headers: { 'idempotency-key': 'pay:1234.5678.abc' },
    });
    expect(again).toMatchObject({ status: 200, json: { ticketNumber: first.json.ticketNumber, paymentMethod: 'Cash' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
