import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSpaceBooks } from '../test/spaces.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { releaseNoShows } from './queries.js';

/**
 * Reservations and permits at the HTTP door, in a garage of 3 spaces: a booking holds a space from
 * the booking on, so its car is always let in in its window; transient cars never take a held space;
 * cancellations and no-shows free it; permit cars ride free while valid; spaces held for permits.
 */
let t: TestApp;
const g = () => `/api/garages/${t.garageId}`;
const START = '2026-11-23T12:00:00.000Z';
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 3, hourlyRate: 1000, timezone: 'UTC', start: START });
});
afterAll(() => t.close());
beforeEach(async () => {
  // every test starts with an empty garage at noon and nothing held
  await t.sql`update reservations set status = 'cancelled', ended_at = now(), ended_by = 'test' where status = 'confirmed'`;
  await t.sql`update spaces set held_for = null, reservation_id = null`;
  await t.sql`update garages set reserved_permit_spaces = 0`;
  await t.sql`update permits set status = 'cancelled'`;
  t.clock.now = new Date(START);
  for (const { ticketNumber } of await t.sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active'`) {
    expect((await t.call('PUT', `/api/tickets/${ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } })).status).toBe(200);
  }
  t.clock.now = new Date(START);
});

let n = 0;
const enter = (plate = `TR ${++n}`) => t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();
const book = (plate: string, from: number, to: number, extra: Record<string, unknown> = {}) =>
  t.call('POST', `${g()}/reservations`, { body: { plate, from: at(from), to: at(to), ...extra } });

describe('reservations', () => {
  it('a booking holds a space from the booking on: transient cars are refused before it, and its car is let in', async () => {
    const booked = await book('RES 1', 60, 180, { holder: 'Ms Lee', prepaidCents: 2000 });
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({ status: 'confirmed', licensePlate: 'RES 1', holder: 'Ms Lee', prepaidCents: 2000, ticketNumber: null });
    const stats = (await t.call('GET', '/api/garage/stats')).json;
    expect(stats).toMatchObject({ totalSpaces: 3, occupiedSpaces: 0, availableSpaces: 2, heldForReservations: 1, heldForPermits: 0 });
    expect((await enter()).status).toBe(201);
    expect((await enter()).status).toBe(201);
    const third = await enter();
    expect(third.status).toBe(409);
    expect(third.json.code).toBe('garage_full');

    t.clock.advance(60);
    const car = await enter('res1');
    expect(car.status).toBe(201);
    expect(car.json).toMatchObject({ kind: 'reservation', reservation: { id: booked.json.id, prepaidCents: 2000 }, amountDue: 0 });
    const after = await t.call('GET', `${g()}/reservations/${booked.json.id}`);
    expect(after.json).toMatchObject({ status: 'arrived', ticketNumber: car.json.ticketNumber });
    const books = await readSpaceBooks(t.sql, t.garageId);
    expect(books.taken).toBe(books.active);
    expect(books.active).toBe(3);

    // out an hour after the window: the prepaid window is covered, the overstay is priced from its end
    t.clock.advance(180);
    const paid = await t.call('PUT', `/api/tickets/${car.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(paid.json.amountPaid).toBe(1000);
    expect(paid.json.feeBreakdown.lines[0]).toMatchObject({ kind: 'reservation', prepaidCents: 2000, cents: 0 });
    expect(paid.json.feeBreakdown.lines[1]).toMatchObject({ kind: 'hours', hours: 1, cents: 1000, from: at(180) });
  });

  it('refuses a booking when no space can be held, and writes nothing', async () => {
    await enter();
    await enter();
    expect((await book('RES 2', 30, 90)).status).toBe(201);
    const full = await book('RES 3', 600, 700);
    expect(full.status).toBe(409);
    expect(full.json.code).toBe('garage_full');
    expect(full.json.message).toMatch(/No space can be held for RES 3/);
    expect(await t.sql`select 1 from reservations where plate_normalized = 'RES3'`).toHaveLength(0);
  });

  it('a cancelled booking frees its space at once; cancelling again is a 409 in words', async () => {
    await enter();
    await enter();
    const booked = await book('RES 4', 60, 120);
    expect((await enter()).status).toBe(409);
    const cancelled = await t.call('POST', `${g()}/reservations/${booked.json.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await enter()).status).toBe(201);
    const again = await t.call('POST', `${g()}/reservations/${booked.json.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/is cancelled, not waiting/);
    const [audit] = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'reservation.cancel' and subject = ${`reservation:${booked.json.id}`}`;
    expect(audit!.n).toBe(1);
  });

  it('a no-show is released after the grace; a car may come in up to the grace early, not earlier', async () => {
    const booked = await book('RES 5', 120, 240);
    t.clock.advance(60); // an hour early: the car comes in as anyone would (a free space is there)
    const early = await enter('RES 5');
    expect(early.json.kind).toBe('transient');
    await t.call('PUT', `/api/tickets/${early.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    t.clock.advance(35); // 25 minutes early, inside the 30-minute grace
    const onTime = await enter('RES 5');
    expect(onTime.json).toMatchObject({ kind: 'reservation', reservation: { id: booked.json.id } });

    const late = await book('RES 6', 100, 200);
    expect(await releaseNoShows(t.sql, new Date(Date.parse(at(129))))).toEqual([]);
    expect(await releaseNoShows(t.sql, new Date(Date.parse(at(131))))).toEqual([{ id: late.json.id, garageId: t.garageId }]);
    expect((await t.call('GET', `${g()}/reservations/${late.json.id}`)).json.status).toBe('no_show');
    expect(await t.sql`select 1 from spaces where reservation_id = ${late.json.id}`).toHaveLength(0);
  });

  it('one plate has no two overlapping bookings; bookings open at most reservationMaxLeadHours ahead; bad windows are 400s', async () => {
    const first = await book('RES 7', 60, 120);
    const clash = await book('res7', 90, 150);
    expect(clash.status).toBe(409);
    expect(clash.json.message).toMatch(new RegExp(`reservation ${first.json.id}`));
    expect((await book('RES 7', 120, 180)).status).toBe(201);
    const far = await book('RES 8', 200 * 60, 201 * 60);
    expect(far.status).toBe(400);
    expect(far.json.message).toMatch(/168 hours ahead/);
    expect((await book('RES 8', 120, 60)).status).toBe(400);
    expect((await book('RES 8', -120, -60)).json.message).toMatch(/over/);
    expect((await t.call('POST', `${g()}/reservations`, { body: { plate: '!', from: at(0), to: at(10) } })).status).toBe(400);
  });

  it("a cancellation racing its car's arrival: one of them wins, never both, never an error", async () => {
    await enter();
    const bookings = await Promise.all([book('RACE 1', 0, 60), book('RACE 2', 0, 60)]);
    expect(bookings.map((b) => b.status)).toEqual([201, 201]);
    const answers = await Promise.all(
      bookings.flatMap((b) => [t.call('POST', `${g()}/reservations/${b.json.id}/cancel`), enter(b.json.licensePlate)]),
    );
    for (const [i, b] of bookings.entries()) {
      const [cancel, arrival] = [answers[2 * i]!, answers[2 * i + 1]!];
      const after = (await t.call('GET', `${g()}/reservations/${b.json.id}`)).json;
      if (after.status === 'arrived') {
        expect([cancel.status, cancel.json.code, arrival.status, arrival.json.kind]).toEqual([409, 'already_resolved', 201, 'reservation']);
      } else {
        expect(after.status).toBe('cancelled');
        expect(cancel.status).toBe(200);
        expect([201, 409]).toContain(arrival.status); // in as anyone (a free space), or full
        if (arrival.status === 201) expect(arrival.json.kind).toBe('transient');
      }
    }
    const books = await readSpaceBooks(t.sql, t.garageId);
    expect(books.taken).toBe(books.active);
    expect(await t.sql`select 1 from spaces where held_for is not null`).toHaveLength(0);
  });

  it('lists bookings overlapping a period, soonest first', async () => {
    await book('RES 9', 300, 360);
    await book('RES 10', 60, 90);
    const list = await t.call('GET', `${g()}/reservations?status=confirmed&from=${at(0)}&to=${at(400)}`);
    expect(list.status).toBe(200);
    expect(list.json.map((r: { licensePlate: string }) => r.licensePlate)).toEqual(['RES 10', 'RES 9']);
  });
});

describe('permits', () => {
  it('a permit plate comes in as a permit ticket and pays 0 while valid, the regular fee after', async () => {
    const made = await t.call('POST', `${g()}/permits`, {
      as: 'manager',
      body: { holder: 'Acme Corp', plates: ['PER 1', 'per-2'], validFrom: at(-60 * 24), validTo: at(120) },
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ holder: 'Acme Corp', plates: ['PER1', 'PER2'], status: 'active', inside: null });
    const car = await enter('PER 2');
    expect(car.json).toMatchObject({ kind: 'permit', permit: { id: made.json.id, holder: 'Acme Corp' }, amountDue: 0 });
    t.clock.advance(100);
    expect((await t.call('GET', `/api/tickets/${car.json.ticketNumber}`)).json.amountDue).toBe(0);
    t.clock.advance(90); // 70 minutes past the permit's end
    const paid = await t.call('PUT', `/api/tickets/${car.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(paid.json.amountPaid).toBe(2000);
    expect(paid.json.feeBreakdown.lines[0]).toMatchObject({ kind: 'permit', holder: 'Acme Corp', cents: 0 });
  });

  it('spaces held for permit holders: transient cars are refused once they would take one; permit cars get in', async () => {
    await t.call('POST', `${g()}/permits`, { as: 'manager', body: { holder: 'Night shift', plates: ['PER 3'], validFrom: at(-60), validTo: at(60 * 24 * 30) } });
    expect((await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { reservedPermitSpaces: 1 } })).status).toBe(200);
    expect((await enter()).status).toBe(201);
    expect((await enter()).status).toBe(201);
    expect((await enter()).json.code).toBe('garage_full');
    const permitCar = await enter('PER 3');
    expect(permitCar.json.kind).toBe('permit');
    // the permit car leaves: its space is held for permit holders again
    await t.call('PUT', `/api/tickets/${permitCar.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect((await enter()).json.code).toBe('garage_full');
    expect(await t.sql`select 1 from spaces where held_for = 'permit'`).toHaveLength(1);
  });

  it('CSV: export reads back on import; a wrong line names itself and nothing is imported', async () => {
    const csv = ['holder,plates,valid_from,valid_to,note', '"Smith, J",ABC 123; XYZ 9,2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,', 'Jones,QQ 1,2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,night'].join('\n');
    const imported = await t.call('POST', `${g()}/permits/import`, { as: 'manager', body: { csv } });
    expect(imported.status).toBe(201);
    expect(imported.json.imported).toBe(2);
    expect(imported.json.permits[0]).toMatchObject({ holder: 'Smith, J', plates: ['ABC123', 'XYZ9'] });
    const exported = await t.call('GET', `${g()}/permits?format=csv&plate=ABC123`, { as: 'manager' });
    expect(exported.text).toBe('holder,plates,valid_from,valid_to,status,note\r\n"Smith, J",ABC123; XYZ9,2026-12-01T00:00:00.000Z,2027-01-01T00:00:00.000Z,active,\r\n');

    const before = (await t.sql<{ n: number }[]>`select count(*)::int as n from permits`)[0]!.n;
    const bad = ['holder,plates,valid_from,valid_to', 'Ok,OK 1,2026-12-01T00:00:00Z,2027-01-01T00:00:00Z', ',!!,2026-12-01T00:00:00Z,2026-11-01T00:00:00Z'].join('\n');
    const refused = await t.call('POST', `${g()}/permits/import`, { as: 'manager', body: { csv: bad } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/^Nothing imported: line 3/);
    expect((await t.sql<{ n: number }[]>`select count(*)::int as n from permits`)[0]!.n).toBe(before);
    const noHeader = await t.call('POST', `${g()}/permits/import`, { as: 'manager', body: { csv: 'a,b\n1,2' } });
    expect(noHeader.json.message).toMatch(/needs the columns holder, plates, valid_from, valid_to/);
    expect((await t.call('GET', `${g()}/permits`)).status).toBe(403);
  });

  it('a suspended permit covers the stay only until it was suspended', async () => {
    const made = await t.call('POST', `${g()}/permits`, { as: 'manager', body: { holder: 'Late payer', plates: ['PER 4'], validFrom: at(-60), validTo: at(60 * 24) } });
    const car = await enter('PER 4');
    t.clock.advance(60);
    const suspended = await t.call('PATCH', `${g()}/permits/${made.json.id}`, { as: 'manager', body: { status: 'suspended' } });
    expect(suspended.json).toMatchObject({ status: 'suspended', inside: car.json.ticketNumber });
    // the permit ended when it was suspended: the stay pays from then
    t.clock.advance(120);
    const quote = await t.call('GET', `/api/tickets/${car.json.ticketNumber}`);
    expect(quote.json.permit.validTo).toBe(at(60));
    expect(quote.json.amountDue).toBe(2000);
  });
});

describe('the bookings report', () => {
  it('counts permit and reservation entries, no-shows, cancellations, overstays and prepaid revenue of the day', async () => {
    const res = await t.call('GET', '/api/reports/bookings?date=2026-11-23', { as: 'manager' });
    expect(res.status).toBe(200);
    const [expected] = await t.sql<{ permitEntries: number; reservationEntries: number; noShows: number; cancellations: number; prepaid: string }[]>`
      select (select count(*)::int from tickets where kind = 'permit') as permit_entries,
        (select count(*)::int from tickets where kind = 'reservation') as reservation_entries,
        (select count(*)::int from reservations where status = 'no_show') as no_shows,
        (select count(*)::int from reservations where status = 'cancelled' and ended_by <> 'test') as cancellations,
        (select coalesce(sum(prepaid_cents), 0)::text from reservations where status <> 'cancelled') as prepaid`;
    expect(res.json).toMatchObject({ permitEntries: expected!.permitEntries, reservationEntries: expected!.reservationEntries, noShows: expected!.noShows, cancellations: expected!.cancellations, prepaidCents: Number(expected!.prepaid) });
    expect(res.json.permitEntries).toBeGreaterThan(0);
    expect(res.json.reservationEntries).toBeGreaterThan(0);
    expect(res.json.noShows).toBe(1);
    expect(res.json.overstays).toBe(1); // RES 1 left an hour after its window
    expect(res.json.overstayCents).toBe(1000);
    const csv = await t.call('GET', `${g()}/reports/bookings?date=2026-11-23&format=csv`, { as: 'manager' });
    expect(csv.text.split('\r\n')[0]).toBe('from,to,permit_entries,permit_overstays,reservations,reservation_entries,no_shows,cancellations,overstays,overstay_cents,prepaid_cents');
  });
});
