import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, localDayRange, type LocalDate } from '../../shared/garage-day.js';
import { readPlate } from '../../shared/plate.js';
import { roundedAverage, type ReportPart } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import { garageStats } from '../garage/stats.js';
import { AppError } from '../http/app-error.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { enterVehicle } from '../tickets/enter.js';
import { exitVehicle } from '../tickets/exit.js';
import { byTicketNumber } from '../tickets/lookup.js';
import { dailyReport, toPeriodFigures } from './daily.js';
import { readTallies } from './queries.js';
import { correctTicket, requestRefund, requestVoid } from '../corrections/use-cases.js';

const TZ = 'America/New_York';
/** Two days before New York's 25-hour day (DST ends on 1 Nov 2026). */
const START = '2026-10-30T16:00:00Z';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ timezone: TZ, start: START });
});
afterAll(() => t.close());

/** The garage of the run under way: each run starts from a garage of its own, empty, at START. */
let deps: TestApp['deps'];
async function freshGarage() {
  const [garage] = await t.sql<{ id: number }[]>`
    insert into garages (total_spaces, hourly_rate, timezone) values (40, 1000, ${TZ}) returning id
  `;
  deps = { ...t.deps, garageId: garage!.id };
  t.clock.now = new Date(START);
}

const by = { actor: 'system', source: 'system' } as const;
/** Corrections as a manager asks them: carried out at once. */
const manager = { by, role: 'manager' } as const;
const MINUTE = 60_000;
let serial = 0;
let storedChecked = 0;

/** A period counted from tickets now, whatever is stored: the live computation. */
async function recount(parts: ReportPart[]) {
  const read = await readTallies(t.sql, deps.garageId, parts.map((p) => ({ ...p, closed: false })), 'count', 'all');
  return read.map((r) => r!);
}

/**
 * The books' invariants after every step: no ticket refunded beyond what it paid (and its refunded
 * total is the sum of its refunds), and occupancy is the active tickets is the spaces they hold.
 */
async function expectBooksKept() {
  const [books] = await t.sql<{ overRefunded: number; mismatched: number; active: number; taken: number }[]>`
    select
      (select count(*)::int from tickets where garage_id = ${deps.garageId} and refunded_cents > coalesce(amount_paid, 0)) as over_refunded,
      (select count(*)::int from tickets t where garage_id = ${deps.garageId}
        and refunded_cents <> coalesce((select sum(amount_cents) from refunds r where r.ticket_id = t.id), 0)) as mismatched,
      (select count(*)::int from tickets where garage_id = ${deps.garageId} and status = 'active') as active,
      (select count(*)::int from spaces where garage_id = ${deps.garageId} and ticket_id is not null) as taken`;
  expect(books).toMatchObject({ overRefunded: 0, mismatched: 0 });
  expect(books!.taken).toBe(books!.active);
}

/** The invariant: every stored period equals its recount from tickets, to the cent. */
async function expectStoredExact() {
  const rows = await t.sql<{ startsAt: Date; endsAt: Date }[]>`
    select starts_at, ends_at from period_figures where garage_id = ${deps.garageId} order by starts_at, ends_at
  `;
  if (rows.length === 0) return;
  const parts = rows.map((r) => ({ start: r.startsAt, end: r.endsAt, asOf: r.endsAt, closed: true }));
  const stored = (await readTallies(t.sql, deps.garageId, parts, 'skip', 'all')).map((r) => r!);
  expect(stored).toEqual(await recount(parts));
  storedChecked += rows.length;
}

/** The report for from..to counted from tickets in one piece per row (as reports were read before periods were stored). */
async function countedReport(from: LocalDate, to: LocalDate, count: number) {
  const now = t.clock.now;
  const piece = (a: LocalDate, b: LocalDate) => {
    const { start, end } = localDayRange(a, b, TZ);
    return { start, end, asOf: end < now ? end : now, closed: false };
  };
  const dates = Array.from({ length: count }, (_, i) => addDays(from, i));
  const [whole, ...days] = await recount([piece(from, to), ...dates.map((d) => piece(d, d))]);
  const dayFigures = dates.map((d, i) => toPeriodFigures(d, d, days[i]!, TZ));
  return { ...toPeriodFigures(from, to, whole!, TZ), timezone: TZ, days: dayFigures };
}

/** Runs a use case; a refusal a person would be told about (full, out of the window) is not a failure here. */
async function refusedOrDone(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** Where a dated time lands: anywhere, on an hour (a stored period's start), or a millisecond before one (the end of a stored period). */
const snap = fc.constantFrom('none' as const, 'none' as const, 'onHour' as const, 'justBeforeHour' as const);
function snapped(time: Date, to: 'none' | 'onHour' | 'justBeforeHour'): Date {
  if (to === 'none') return time;
  const hour = Math.floor(time.getTime() / 3_600_000) * 3_600_000;
  return new Date(to === 'onHour' ? hour : hour - 1);
}

const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('enter' as const), backMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1440 })), snap }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('exit' as const),
      pick: fc.nat(),
      back: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      method: fc.constantFrom(...PAYMENT_METHODS),
      snap,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('report' as const), daysBack: fc.integer({ min: 0, max: 4 }), days: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stats' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('history' as const),
      backMinutes: fc.integer({ min: 0, max: 3 * 1440 }),
      stayMinutes: fc.integer({ min: 0, max: 600 }),
      amount: fc.integer({ min: 0, max: 50_000 }),
      snap,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fix' as const), pick: fc.nat(), amount: fc.integer({ min: 0, max: 50_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1.2, noNaN: true }), method: fc.constantFrom(...PAYMENT_METHODS) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('books' as const) }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const seen: Record<string, number> = {};
async function run(a: Action) {
  seen[a.kind] = (seen[a.kind] ?? 0) + 1;
  const now = t.clock.now;
  switch (a.kind) {
    case 'enter': {
      const entryTime = a.backMinutes ? snapped(new Date(now.getTime() - a.backMinutes * MINUTE), a.snap) : undefined;
      await refusedOrDone(() => enterVehicle(deps, { plate: readPlate(`PR${++serial}`)!, vehicleType: 'Car', entryTime }, by));
      return;
    }
    case 'exit': {
      const inside = await t.sql<{ ticketNumber: string; entryTime: Date }[]>`
        select ticket_number, entry_time from tickets where garage_id = ${deps.garageId} and status = 'active' order by id
      `;
      const ticket = inside[a.pick % Math.max(1, inside.length)];
      if (!ticket) return;
      const since = Math.min(now.getTime() - ticket.entryTime.getTime(), 24 * 60 * MINUTE - MINUTE);
      const exitTime = a.back ? snapped(new Date(now.getTime() - Math.max(0, Math.floor(since * a.back))), a.snap) : undefined;
      await refusedOrDone(() => exitVehicle(deps, { target: byTicketNumber(ticket.ticketNumber), paymentMethod: a.method, exitTime }, by));
      return;
    }
    case 'advance':
      t.clock.advance(a.minutes);
      return;
    case 'report': {
      const from = addDays(localDate(now, TZ), -a.daysBack);
      const to = addDays(from, a.days - 1);
      const report = await dailyReport(t.sql, deps.garageId, from, to, now);
      expect(report).toEqual(await countedReport(from, to, a.days));
      return;
    }
    case 'stats': {
      const stats = await garageStats(t.sql, deps.garageId, now);
      const today = localDate(now, TZ);
      const { start, end } = localDayRange(today, today, TZ);
      const [whole] = await recount([{ start, end, asOf: now, closed: false }]);
      expect(stats).toMatchObject({
        todayRevenue: parseCents(whole!.revenue) - parseCents(whole!.refunds),
        vehiclesEnteredToday: whole!.vehiclesIn,
        vehiclesProcessedToday: whole!.vehiclesOut,
        averageStayMinutes: roundedAverage(whole!.stayMinutes, whole!.stays),
      });
      return;
    }
    case 'history': {
      // a completed stay brought in by hand, dated up to three days back (past any client-time window)
      const exit = snapped(new Date(now.getTime() - a.backMinutes * MINUTE), a.snap);
      const entry = new Date(exit.getTime() - a.stayMinutes * MINUTE);
      const n = ++serial;
      await t.sql`
        insert into tickets (garage_id, ticket_number, license_plate, plate_normalized, vehicle_type, entry_time, exit_time,
          duration_minutes, amount_paid, status, payment_method, hourly_rate, grace_minutes, fee_breakdown)
        values (${deps.garageId}, ${`PS-H${String(n).padStart(5, '0')}`}, ${`HI${n}`}, ${`HI${n}`}, 'Car', ${entry}, ${exit},
          ${a.stayMinutes}, ${a.amount}, 'completed', 'Debit Card', 1000, 0, ${t.sql.json({ totalCents: a.amount })})
      `;
      return;
    }
    case 'fix':
    case 'delete': {
      // a fix by hand to a paid ticket without refunds (its amount, or the ticket removed)
      const done = await t.sql<{ id: number }[]>`
        select id from tickets t where garage_id = ${deps.garageId} and status = 'completed' and refunded_cents = 0
          and not exists (select 1 from exceptions e where e.ticket_id = t.id) and not exists (select 1 from corrections c where c.ticket_id = t.id)
        order by id`;
      const ticket = done[a.pick % Math.max(1, done.length)];
      if (!ticket) return;
      if (a.kind === 'fix') await t.sql`update tickets set amount_paid = ${a.amount} where id = ${ticket.id}`;
      else await t.sql`delete from tickets where id = ${ticket.id}`;
      return;
    }
    case 'refund': {
      // a manager's refund of a share of what a paid ticket paid (over 100%: refused, never made)
      const paid = await t.sql<{ ticketNumber: string; amountPaid: string }[]>`
        select ticket_number, amount_paid from tickets where garage_id = ${deps.garageId} and status = 'completed' and amount_paid > 0 order by id`;
      const ticket = paid[a.pick % Math.max(1, paid.length)];
      if (!ticket) return;
      const amountCents = Math.max(1, Math.round(Number(ticket.amountPaid) * a.share));
      await refusedOrDone(() => requestRefund(deps, ticket.ticketNumber, { amountCents, reason: 'goodwill', method: a.method }, manager));
      return;
    }
    case 'void':
    case 'correct': {
      const inside = await t.sql<{ ticketNumber: string }[]>`
        select ticket_number from tickets where garage_id = ${deps.garageId} and status = 'active' order by id`;
      const ticket = inside[a.pick % Math.max(1, inside.length)];
      if (!ticket) return;
      if (a.kind === 'void') await refusedOrDone(() => requestVoid(deps, ticket.ticketNumber, { reason: 'duplicate' }, manager));
      else await refusedOrDone(() => correctTicket(deps, ticket.ticketNumber, { vehicleType: 'Van' }, manager));
      return;
    }
    case 'books': {
      // over the garage's whole life: net revenue is what was paid minus what went back, to the cent
      const [first] = await t.sql<{ at: Date | null }[]>`select min(entry_time) as at from tickets where garage_id = ${deps.garageId}`;
      if (!first!.at) return;
      const from = localDate(first!.at, TZ);
      const to = localDate(now, TZ);
      const report = await dailyReport(t.sql, deps.garageId, from, to, now);
      const [raw] = await t.sql<{ paid: string; refunded: string; voids: number; corrections: number }[]>`
        select (select coalesce(sum(amount_paid), 0) from tickets where garage_id = ${deps.garageId} and status = 'completed')::text as paid,
               (select coalesce(sum(amount_cents), 0) from refunds where garage_id = ${deps.garageId})::text as refunded,
               (select count(*)::int from tickets where garage_id = ${deps.garageId} and status = 'voided') as voids,
               (select count(*)::int from corrections where garage_id = ${deps.garageId}) as corrections`;
      expect(report.netRevenue).toBe(parseCents(raw!.paid) - parseCents(raw!.refunded));
      expect(report.grossRevenue - report.refunds).toBe(report.netRevenue);
      expect({ voids: report.voids, corrections: report.corrections }).toEqual({ voids: raw!.voids, corrections: raw!.corrections });
      return;
    }
  }
}

describe('stored figures (property)', () => {
  it('after any sequence of entries, exits (some dated into earlier days), history, fixes by hand, refunds, voids, corrections and reads, every stored period equals a recount from tickets, every report equals a count in one piece, net revenue is payments minus refunds, no ticket is refunded beyond what it paid, and occupancy is the active tickets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40, size: 'max' }), async (actions) => {
        await freshGarage();
        for (const a of actions) {
          await run(a);
          await expectStoredExact();
          await expectBooksKept();
        }
      }),
      { numRuns: 40 },
    );
    console.log('SEEN', seen, storedChecked, (await t.sql`select count(*) from tickets`)[0], (await t.sql`select count(*) from period_figures`)[0]);
    expect(storedChecked).toBeGreaterThan(0);
    // the runs made refunds, voids and corrections for real, not only refusals
    const [made] = await t.sql<{ refunds: number; voids: number; corrections: number }[]>`
      select (select count(*)::int from refunds) as refunds, (select count(*)::int from tickets where status = 'voided') as voids,
             (select count(*)::int from corrections) as corrections`;
    expect(made).toMatchObject({ refunds: expect.any(Number), voids: expect.any(Number), corrections: expect.any(Number) });
    expect(Math.min(made!.refunds, made!.voids, made!.corrections)).toBeGreaterThan(0);
  }, 300_000);
});
