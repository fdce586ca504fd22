import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDayRange, type LocalDate } from '../../shared/garage-day.js';
import type { PeriodTally, ReportPart } from '../../shared/reports.js';
import { updateSettings } from '../garage/queries.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { dailyReport, toPeriodFigures } from './daily.js';
import { insertPeriodFigures, lockFiguresForStoring, readTallies, storeClosedPeriods } from './queries.js';

let t: TestApp;
const TZ = 'America/New_York';

beforeAll(async () => {
  t = await startTestApp({ timezone: TZ, start: '2026-11-24T17:00:00Z' }); // noon on the 24th in New York
});
afterAll(() => t.close());
beforeEach(async () => {
  // each test starts at noon in New York, two days or more after the last, on days of its own
  const later = new Date(t.clock.now.getTime() + 2 * 86_400_000);
  t.clock.now = new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth(), later.getUTCDate(), 17));
  await t.sql`delete from period_figures`;
  await t.signInAll();
});

const localToday = () => new Date(t.clock.now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
const dayBefore = (date: LocalDate, n = 1) => new Date(Date.parse(`${date}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: LocalDate): ReportPart => {
  const { start, end } = localDayRange(date, date, TZ);
  return { start, end, asOf: end, closed: true };
};

let plates = 0;
/** Puts a ticket straight into the table (history brought in, or a fix by hand); a car still inside holds a space. */
async function history(entry: string, exit: string | null, amount = 1000) {
  const plate = `FG${++plates}`;
  const [row] = await t.sql<{ ticketNumber: string }[]>`
    with space as (
      select number from spaces where garage_id = ${t.garageId} and open and ticket_id is null and ${exit === null}
      order by number limit 1
    ), ticket as (
      insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
        duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, fee_breakdown, space_number)
      values (${t.garageId}, ${`PS-FG${String(plates).padStart(4, '0')}`}, ${plate}, ${plate}, 'Car', ${entry}, ${exit},
        ${exit ? Math.floor((Date.parse(exit) - Date.parse(entry)) / 60000) : null}, ${exit ? amount : null},
        ${exit ? 'completed' : 'active'}, ${exit ? 'Cash' : null}, 1000, 0, ${exit ? t.sql.json({ totalCents: amount }) : null},
        (select number from space))
      returning id, space_number, ticket_number
    ), held as (
      update spaces set ticket_id = ticket.id from ticket where spaces.garage_id = ${t.garageId} and spaces.number = ticket.space_number
    )
    select ticket_number from ticket
  `;
  return row!.ticketNumber;
}

/** The stored periods of the garage. */
async function stored(): Promise<(ReportPart & { tally: PeriodTally })[]> {
  const rows = await t.sql<{ startsAt: Date; endsAt: Date }[]>`
    select starts_at, ends_at from period_figures where garage_id = ${t.garageId} order by starts_at, ends_at
  `;
  const parts = rows.map((r) => ({ start: r.startsAt, end: r.endsAt, asOf: r.endsAt, closed: true }));
  const read = await readTallies(t.sql, t.garageId, parts, 'skip', 'all');
  return parts.map((p, i) => ({ ...p, tally: read[i]! }));
}

/** A period's tally counted from tickets now, whatever is stored. */
async function recount(part: ReportPart): Promise<PeriodTally> {
  const [read] = await readTallies(t.sql, t.garageId, [{ ...part, closed: false }], 'count', 'all');
  return read!;
}

/** What every stored period must be: its recount. */
async function expectStoredExact() {
  for (const s of await stored()) expect(s.tally, `stored ${s.start.toISOString()}..${s.end.toISOString()}`).toEqual(await recount(s));
}

/** A day's report counted from tickets in one piece (the way reports were read before periods were stored). */
async function countedDay(date: LocalDate) {
  const part = dayOf(date);
  const asOf = part.end < t.clock.now ? part.end : t.clock.now;
  const figures = toPeriodFigures(date, date, await recount({ ...part, asOf }), TZ);
  return { ...figures, timezone: TZ, days: [figures] };
}

/** Resolves once a transaction waits for the figures lock (an advisory lock not granted), or once `done` settles. */
async function lockWaitedFor(done: Promise<unknown>) {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  while (!settled) {
    const [row] = await t.sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
        and database = (select oid from pg_database where datname = current_database())
    `;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('stored figures of closed periods', () => {
  it('a past day is counted once, stored, then read from what was stored', async () => {
    const yesterday = dayBefore(localToday());
    const { start } = dayOf(yesterday);
    await history(new Date(start.getTime() + 9 * 3_600_000).toISOString(), new Date(start.getTime() + 11 * 3_600_000).toISOString(), 2000);
    const first = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    expect(first).toMatchObject({ totalRevenue: 2000, vehiclesIn: 1, vehiclesOut: 1 });
    expect((await stored()).map((s) => s.start)).toContainEqual(start);
    await expectStoredExact();
    // what a report reads is the stored row: one changed by hand shows (and nothing else would change it)
    await t.sql`update period_figures set revenue = revenue + 1 where garage_id = ${t.garageId} and starts_at = ${start}`;
    expect((await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now)).totalRevenue).toBe(2001);
  });

  it("an offline exit dated into yesterday after yesterday's figures were stored: the report has it, to the cent", async () => {
    t.clock.advance(-12 * 60); // midnight in New York
    const entered = (await t.call('POST', '/api/tickets', { body: { licensePlate: 'LATE 1' } })).json;
    t.clock.advance(23 * 60 + 30); // 23:30
    t.clock.advance(60); // 00:30 the next day: the phone was offline since 23:30
    const yesterday = dayBefore(localToday());
    const before = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    expect(before).toMatchObject({ totalRevenue: 0, stillParked: expect.any(Number) });
    expect(await stored()).not.toHaveLength(0);
    await t.signInAll(); // a day went by
    const exitTime = new Date(t.clock.now.getTime() - 60 * 60_000).toISOString();
    const exit = await t.call('PUT', `/api/tickets/${entered.ticketNumber}/exit`, { body: { paymentMethod: 'Cash', exitTime } });
    expect(exit.status).toBe(200);
    const after = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    expect(after).toEqual(await countedDay(yesterday));
    expect(after.totalRevenue).toBe(before.totalRevenue + exit.json.amountPaid);
    expect(after.stillParked).toBe(before.stillParked - 1);
    await expectStoredExact();
  });

  it('a change deletes the stored periods it moves (those ending after it), and only those', async () => {
    const today = localToday();
    const days = [3, 2, 1].map((n) => dayBefore(today, n));
    const [d3, d2, d1] = days.map(dayOf) as [ReportPart, ReportPart, ReportPart];
    const paid = await history(new Date(d2.start.getTime() + 3_600_000).toISOString(), new Date(d2.start.getTime() + 2 * 3_600_000).toISOString());
    await dailyReport(t.sql, t.garageId, days[0]!, days[2]!, t.clock.now);
    const starts = async () => (await stored()).filter((s) => s.end.getTime() - s.start.getTime() > 3_600_000).map((s) => s.start);
    expect(await starts()).toEqual([d3.start, d2.start, d1.start]);

    await t.sql`update tickets set amount_paid = 400 where ticket_number = ${paid}`; // a refund, by hand
    expect(await starts()).toEqual([d3.start]);
    await dailyReport(t.sql, t.garageId, days[0]!, days[2]!, t.clock.now);
    expect((await dailyReport(t.sql, t.garageId, days[1]!, days[1]!, t.clock.now)).totalRevenue).toBe(400);

    await t.sql`delete from tickets where ticket_number = ${paid}`; // a void, by hand
    expect(await starts()).toEqual([d3.start]);
    await dailyReport(t.sql, t.garageId, days[0]!, days[2]!, t.clock.now);

    await history(new Date(d1.start.getTime() + 3_600_000).toISOString(), null); // history brought in, still inside
    expect(await starts()).toEqual([d3.start, d2.start]);
    await dailyReport(t.sql, t.garageId, days[0]!, days[2]!, t.clock.now);
    await expectStoredExact();

    // looking a ticket up (its "seen active" mark) changes no figure and keeps what is stored
    const inside = await t.call('GET', '/api/tickets?status=active');
    expect(inside.json.length).toBeGreaterThan(0);
    expect(await starts()).toEqual([d3.start, d2.start, d1.start]);
  });

  it("today: its hours that are over are stored, the rest counted live; the day equals a count of the whole day", async () => {
    t.clock.advance(3 * 60 + 20); // 15:20 in New York
    const today = localToday();
    const { start } = dayOf(today);
    await history(new Date(start.getTime() + 8 * 3_600_000).toISOString(), new Date(start.getTime() + 9.5 * 3_600_000).toISOString(), 2000);
    await history(new Date(start.getTime() + 14 * 3_600_000).toISOString(), null);
    const report = await dailyReport(t.sql, t.garageId, today, today, t.clock.now);
    expect(report).toEqual(await countedDay(today));
    const hours = (await stored()).filter((s) => s.start >= start);
    expect(hours).toHaveLength(15);
    expect(hours.every((h) => h.end.getTime() - h.start.getTime() === 3_600_000)).toBe(true);
    const stats = (await t.call('GET', '/api/garage/stats')).json;
    expect(stats).toMatchObject({ todayRevenue: report.totalRevenue, vehiclesEnteredToday: report.vehiclesIn, vehiclesProcessedToday: report.vehiclesOut, averageStayMinutes: report.averageStayMinutes });
    await expectStoredExact();
  });

  it("a new timezone: the old timezone's stored days are not read", async () => {
    const yesterday = dayBefore(localToday());
    const { start } = dayOf(yesterday);
    await history(new Date(start.getTime() + 2 * 3_600_000).toISOString(), new Date(start.getTime() + 3 * 3_600_000).toISOString(), 3000);
    await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    await updateSettings(t.sql, t.garageId, { timezone: 'Asia/Tokyo' });
    try {
      const tokyo = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
      const { start: s, end } = localDayRange(yesterday, yesterday, 'Asia/Tokyo');
      const counted = toPeriodFigures(yesterday, yesterday, await recount({ start: s, end, asOf: end < t.clock.now ? end : t.clock.now, closed: false }), 'Asia/Tokyo');
      expect(tokyo).toEqual({ ...counted, timezone: 'Asia/Tokyo', days: [counted] });
    } finally {
      await updateSettings(t.sql, t.garageId, { timezone: TZ });
    }
  });
});

describe('storing and changing at the same time', () => {
  it('a change that lands while a day is being stored deletes what was stored; the next read counts it', async () => {
    const yesterday = dayBefore(localToday());
    const day = dayOf(yesterday);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const storing = t.sql.begin(async (tx) => {
      await lockFiguresForStoring(tx, t.garageId);
      locked();
      await gate; // the change below is waiting for the lock now
      await insertPeriodFigures(tx, t.garageId, [day], t.clock.now);
    });
    await isLocked;
    const change = history(new Date(day.start.getTime() + 3_600_000).toISOString(), new Date(day.start.getTime() + 5 * 3_600_000).toISOString(), 4000);
    await lockWaitedFor(change);
    release();
    await storing;
    await change;
    expect(await stored()).toEqual([]); // the change deleted the row counted without it
    const report = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    expect(report.totalRevenue).toBe(4000);
    expect(report).toEqual(await countedDay(yesterday));
    await expectStoredExact();
  });

  it('storing waits for a change in flight and counts it', async () => {
    const yesterday = dayBefore(localToday());
    const day = dayOf(yesterday);
    let commit!: () => void;
    const gate = new Promise<void>((r) => (commit = r));
    let changed!: () => void;
    const hasChanged = new Promise<void>((r) => (changed = r));
    const change = t.sql.begin(async (tx) => {
      await tx`
        insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
          duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, fee_breakdown)
        values (${t.garageId}, 'PS-WAIT01', 'WAIT1', 'WAIT1', 'Car', ${new Date(day.start.getTime() + 3_600_000)}, ${new Date(day.start.getTime() + 2 * 3_600_000)},
          60, 1000, 'completed', 'Mobile', 1000, 0, ${t.sql.json({ totalCents: 1000 })})
      `;
      changed();
      await gate;
    });
    await hasChanged;
    const storing = storeClosedPeriods(t.sql, t.garageId, [day], t.clock.now, 30_000);
    await lockWaitedFor(storing);
    commit();
    await change;
    expect(await storing).toBe(true);
    const [row] = await stored();
    expect(row!.tally).toMatchObject({ revenue: '1000', revenueByMethod: { Mobile: '1000' } });
    await expectStoredExact();
  });

  it('a change held longer than storing waits: nothing is stored, the answer is still exact, the next read stores', async () => {
    const yesterday = dayBefore(localToday());
    const day = dayOf(yesterday);
    const paid = await history(new Date(day.start.getTime() + 3_600_000).toISOString(), new Date(day.start.getTime() + 2 * 3_600_000).toISOString(), 1500);
    let commit!: () => void;
    const gate = new Promise<void>((r) => (commit = r));
    let changed!: () => void;
    const hasChanged = new Promise<void>((r) => (changed = r));
    const change = t.sql.begin(async (tx) => {
      await tx`update tickets set amount_paid = 2500 where ticket_number = ${paid}`;
      changed();
      await gate;
    });
    await hasChanged;
    const during = await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now);
    expect(during.totalRevenue).toBe(1500); // the change is not committed yet
    expect(await stored()).toEqual([]);
    commit();
    await change;
    expect((await dailyReport(t.sql, t.garageId, yesterday, yesterday, t.clock.now)).totalRevenue).toBe(2500);
    expect(await stored()).toHaveLength(1);
    await expectStoredExact();
  });

  it('tickets change only in read committed transactions (a snapshot from before could miss a stored row)', async () => {
    const yesterday = dayBefore(localToday());
    const { start } = dayOf(yesterday);
    await expect(
      t.sql.begin('isolation level repeatable read', (tx) => tx`
        insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
          duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, fee_breakdown)
        values (${t.garageId}, 'PS-RR0001', 'RR1', 'RR1', 'Car', ${start}, ${start}, 0, 0, 'completed', 'Cash', 1000, 0, '{}')
      `),
    ).rejects.toThrow(/read committed/);
  });
});
