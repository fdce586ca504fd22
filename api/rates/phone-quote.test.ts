import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GarageStats } from '../../shared/garage.js';
import type { RatePlanBody } from '../../shared/rate-plan.js';
import { Ticket, VEHICLE_TYPES } from '../../shared/tickets.js';
import { createApp } from '../app.js';
import { quoteTicket } from '../../pwa/src/lib/quote.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * The phone's quote equals the server's charge: random stays under a rich rate plan, each quoted
 * through the PWA's own code path (`quoteTicket`, with the ticket as the phone caches it) at the
 * instant the server then charges it. Berlin, so stays cross the 2026-10-25 DST change.
 */
let t: TestApp;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 400, hourlyRate: 400, timezone: 'Europe/Berlin', start: '2026-10-23T06:00:00.000Z' });
  app = createApp({ ...t.deps, sessionIdleMs: 400 * 86_400_000 });
});
afterAll(() => t.close());

/** Calls an app whose sessions outlive the test's jumps in time (stays of up to 30 hours). */
async function call(method: string, path: string, init: { body: unknown }) {
  const res = await app.request(path, { method, headers: { authorization: `Bearer ${t.users.attendant.token}`, 'content-type': 'application/json' }, body: JSON.stringify(init.body) });
  return { status: res.status, json: (await res.json()) as any };
}

const plan: RatePlanBody = {
  hourlyRate: 400,
  vehicleRates: { Truck: 900, Motorcycle: 150 },
  graceMinutes: 15,
  dailyMaxCents: 3600,
  bands: [
    { name: 'Night', from: '22:00', to: '06:30', hourlyRate: 100, vehicleRates: { Truck: 300 } },
    { name: 'Rush', from: '16:00', to: '19:00', hourlyRate: 650, vehicleRates: {} },
  ],
  specials: [
    { name: 'Early bird', entryFrom: '06:00', entryTo: '09:30', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], priceCents: 1100 },
    { name: 'Evening', entryFrom: '17:00', entryTo: '02:00', exitBy: '07:00', weekdays: [1, 2, 3, 4, 5, 6, 7], priceCents: 900, vehicleTypes: ['Car', 'SUV'] },
  ],
  events: [{ name: 'Derby', from: '2026-10-24T12:00:00.000Z', to: '2026-10-24T18:00:00.000Z', priceCents: 2500 }],
};

describe("the phone's quote and the server's charge", () => {
  it('are the same for random stays, vehicle types and entry times under a rate plan', async () => {
    expect((await t.call('PUT', `/api/garages/${t.garageId}/rate-plan`, { as: 'manager', body: plan })).status).toBe(200);
    const stats = GarageStats.parse((await t.call('GET', '/api/garage/stats')).json);
    expect(stats.ratePlan).toMatchObject({ version: 1, timezone: 'Europe/Berlin' });
    let plate = 0;
    const stay = fc.record({
      entryOffset: fc.integer({ min: 0, max: 4 * 24 * 60 }), // entry: minutes after the start, over 4 days
      minutes: fc.integer({ min: 0, max: 30 * 60 }),
      seconds: fc.integer({ min: 0, max: 59 }),
      vehicleType: fc.constantFrom(...VEHICLE_TYPES),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(stay, { minLength: 1, maxLength: 12 }), async (stays) => {
        for (const s of [...stays].sort((a, b) => a.entryOffset - b.entryOffset)) {
          t.clock.now = new Date(Date.parse('2026-10-23T06:00:00.000Z') + s.entryOffset * 60_000);
          const entered = await call('POST', '/api/tickets', { body: { licensePlate: `PQ ${++plate}`, vehicleType: s.vehicleType } });
          expect(entered.status).toBe(201);
          const cached = Ticket.parse(entered.json); // what the phone keeps
          t.clock.now = new Date(t.clock.now.getTime() + s.minutes * 60_000 + s.seconds * 1000);
          const phone = quoteTicket(cached.ticketNumber, cached, 'phone', t.clock.now).breakdown!;
          const paid = await call('PUT', `/api/tickets/${cached.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
          expect(paid.status).toBe(200);
          expect(paid.json.amountPaid).toBe(phone.totalCents);
          expect(paid.json.feeBreakdown.lines).toEqual(phone.lines);
        }
      }),
      { numRuns: 8 },
    );
  });
});
