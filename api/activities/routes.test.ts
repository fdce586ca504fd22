import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../shared/tickets.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/activities', () => {
  it('entries and exits, newest first, limited', async () => {
    const a = (await t.call('POST', '/api/tickets', { body: { licensePlate: 'ACT1', vehicleType: 'Van' } })).json;
    t.clock.advance(1);
    const b = (await t.call('POST', '/api/tickets', { body: { licensePlate: 'ACT2' } })).json;
    t.clock.advance(90);
    await t.call('PUT', `/api/tickets/${a.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    const res = await t.call('GET', '/api/activities');
    const list = res.json.map((x: unknown) => Activity.parse(x));
    expect(list.map((x: Activity) => [x.type, x.ticketNumber])).toEqual([
      ['exit', a.ticketNumber],
      ['entry', b.ticketNumber],
      ['entry', a.ticketNumber],
    ]);
    expect(list[0]).toEqual({
      type: 'exit',
      timestamp: t.clock.now.toISOString(),
      ticketNumber: a.ticketNumber,
      licensePlate: 'ACT1',
      vehicleType: 'Van',
      amountPaid: 2000,
      paymentMethod: 'Cash',
    });
    expect(list[1]).toMatchObject({ amountPaid: null, paymentMethod: null });
    expect((await t.call('GET', '/api/activities?limit=2')).json).toHaveLength(2);
  });

  it.each(['0', '101', 'ten', '1.5'])('400 for limit=%s', async (limit) => {
    const res = await t.call('GET', `/api/activities?limit=${limit}`);
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });
});
