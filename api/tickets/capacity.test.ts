import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpaceBooks } from '../test/spaces.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 10 });
});
afterAll(() => t.close());

let plates = 0;
const enter = () => t.call('POST', '/api/tickets', { body: { licensePlate: `CAP${(plates++).toString(36).toUpperCase()}` } });
const exit = (ticketNumber: string) => t.call('PUT', `/api/tickets/${ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
const setSpaces = (totalSpaces: number) => t.call('PUT', '/api/garage/settings', { as: 'manager', body: { totalSpaces } });
const activeNumbers = async () => (await t.sql<{ ticketNumber: string }[]>`select ticket_number from tickets where garage_id = ${t.garageId} and status = 'active'`).map((r) => r.ticketNumber);

/** Checks out every car, so each test starts from an empty garage of `totalSpaces`. */
async function emptyGarage(totalSpaces: number) {
  for (const n of await activeNumbers()) expect((await exit(n)).status).toBe(200);
  expect((await setSpaces(totalSpaces)).status).toBe(200);
}

async function expectBooksKept() {
  const books = await readSpaceBooks(t.sql, t.garageId);
  expect(books).toMatchObject({ mismatched: 0, doubled: 0 });
  expect(books.taken).toBe(books.active);
  return books;
}

describe('capacity: a row per space, claimed by the entry and freed by the exit', () => {
  it('a car takes a space and gives it back when it leaves', async () => {
    await emptyGarage(10);
    const a = await enter();
    expect(a.status).toBe(201);
    expect((await expectBooksKept()).taken).toBe(1);
    await exit(a.json.ticketNumber);
    expect((await expectBooksKept()).taken).toBe(0);
  });

  it('shrinking below the cars inside: the garage is full until enough leave, then only the new spaces are used', async () => {
    await emptyGarage(10);
    const inside = await Promise.all(Array.from({ length: 8 }, enter));
    expect(inside.every((r) => r.status === 201)).toBe(true);
    expect((await setSpaces(5)).status).toBe(200);
    expect(await enter()).toMatchObject({ status: 409, json: { code: 'garage_full', message: 'Garage is full — 8/5' } });
    // four leave: 4 inside, one of the 5 spaces free again
    for (const r of inside.slice(0, 4)) await exit(r.json.ticketNumber);
    const books = await expectBooksKept();
    expect(books.active).toBe(4);
    expect((await enter()).status).toBe(201);
    expect((await enter()).status).toBe(409);
    const [highest] = await t.sql<{ n: number }[]>`
      select max(space_number)::int as n from tickets where garage_id = ${t.garageId} and status = 'active' and license_plate = ${`CAP${(plates - 2).toString(36).toUpperCase()}`}`;
    expect(highest!.n).toBeLessThanOrEqual(5);
  });

  it('growing the garage opens the new spaces at once', async () => {
    await emptyGarage(3);
    const first = await Promise.all(Array.from({ length: 5 }, enter));
    expect(first.filter((r) => r.status === 201)).toHaveLength(3);
    expect((await setSpaces(6)).status).toBe(200);
    const more = await Promise.all(Array.from({ length: 5 }, enter));
    expect(more.filter((r) => r.status === 201)).toHaveLength(3);
    expect((await expectBooksKept()).active).toBe(6);
  });

  it('entries racing a shrink and a grow never put more cars in than the largest garage, and the books stay kept', async () => {
    await emptyGarage(10);
    const [entries, shrink, grow] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, enter)),
      setSpaces(4),
      new Promise((r) => setTimeout(r, 5)).then(() => setSpaces(12)),
    ]);
    expect([shrink.status, grow.status]).toEqual([200, 200]);
    const admitted = entries.filter((r) => r.status === 201).length;
    expect(entries.every((r) => r.status === 201 || (r.status === 409 && r.json.code === 'garage_full'))).toBe(true);
    const books = await expectBooksKept();
    expect(books.active).toBe(admitted);
    expect(admitted).toBeLessThanOrEqual(12);
    // whichever resize committed last (4 or 12 spaces), entries now fill exactly that garage
    const { json: settings } = await t.call('GET', '/api/garage/settings', { as: 'manager' });
    expect([4, 12]).toContain(settings.totalSpaces);
    const rest = await Promise.all(Array.from({ length: 20 }, enter));
    expect((await expectBooksKept()).active).toBe(Math.max(admitted, settings.totalSpaces));
    expect(rest.filter((r) => r.status === 201)).toHaveLength(Math.max(0, settings.totalSpaces - admitted));
  });

  it('exits racing a shrink below the cars inside never leave a space to an entry while cars are over capacity', async () => {
    for (let round = 0; round < 5; round++) {
      await emptyGarage(10);
      const inside = await Promise.all(Array.from({ length: 10 }, enter));
      const leaving = inside.slice(0, 3 + (round % 3)).map((r) => r.json.ticketNumber as string);
      await Promise.all([setSpaces(7), ...leaving.map(exit)]);
      const after = await Promise.all(Array.from({ length: 6 }, enter));
      const books = await expectBooksKept();
      expect(books.active).toBe(Math.max(7, 10 - leaving.length));
      expect(after.filter((r) => r.status === 201)).toHaveLength(Math.max(0, 7 - (10 - leaving.length)));
    }
  });

  it('property: after any sequence of entries, exits and resizes, occupancy = active tickets = taken spaces', async () => {
    await emptyGarage(6);
    type Step = { kind: 'enter'; n: number } | { kind: 'exit'; n: number } | { kind: 'resize'; total: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('enter' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('exit' as const), n: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('resize' as const), total: fc.integer({ min: 1, max: 9 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (rounds) => {
        for (const round of rounds) {
          // the steps of a round race each other
          await Promise.all(
            round.map(async (s) => {
              if (s.kind === 'enter') await Promise.all(Array.from({ length: s.n }, enter));
              else if (s.kind === 'resize') expect((await setSpaces(s.total)).status).toBe(200);
              else for (const n of (await activeNumbers()).slice(0, s.n)) await exit(n);
            }),
          );
          const books = await expectBooksKept();
          const stats = await t.call('GET', '/api/garage/stats');
          expect(stats.json.occupiedSpaces).toBe(books.active);
          expect(books.openTaken).toBeLessThanOrEqual(books.open);
        }
      }),
      { numRuns: 12 },
    );
  });
});
