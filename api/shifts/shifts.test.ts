import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEpisode } from '../../shared/alerts.js';
import { expectedCash } from '../../shared/shifts.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { closeShiftsLeftOpen } from './use-cases.js';

/** Shifts and cash at the HTTP door: open with a float, move cash, close blind, reconcile. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 200, hourlyRate: 1000 });
});
afterAll(() => t.close());

let plates = 0;
async function paidExit(method: string, minutes: number, as: 'attendant' | 'manager' = 'attendant') {
  const entry = await t.call('POST', '/api/tickets', { as, body: { licensePlate: `SH ${++plates}` } });
  t.clock.advance(minutes);
  const exit = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { as, body: { paymentMethod: method } });
  expect(exit.status).toBe(200);
  return exit.json as { ticketNumber: string; amountPaid: number };
}

/** Every answer an attendant can get about the garage and their shift, as one text to search. */
async function everythingAnAttendantSees(shiftId: number): Promise<string> {
  const paths = ['/api/shifts/current', `/api/shifts/${shiftId}`, '/api/garage/stats', '/api/activities?limit=100', '/api/tickets?limit=100', '/api/auth/me', '/api/garages'];
  const answers = await Promise.all(paths.map((p) => t.call('GET', p)));
  return answers.map((a) => JSON.stringify(a.json)).join('\n');
}

describe('a shift', () => {
  it('opens with a float, once per person and garage; closes blind; the expected cash shows only after the count', async () => {
    const opened = await t.call('POST', '/api/shifts', { body: { openingFloatCents: 13_370 } });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ status: 'open', openingFloatCents: 13_370, cashTakenCents: null, expectedCashCents: null });
    const again = await t.call('POST', '/api/shifts', { body: { openingFloatCents: 0 } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('shift_already_open');
    const id = opened.json.id;

    const cash1 = await paidExit('Cash', 150); // $30
    const cash2 = await paidExit('cash', 61); // $20
    await paidExit('Credit Card', 30); // $10
    await paidExit('Mobile', 30); // $10
    const refund = await t.call('POST', `/api/tickets/${cash1.ticketNumber}/refunds`, { as: 'manager', body: { amountCents: 700, reason: 'wrong_rate' } });
    expect(refund.status).toBe(200); // the manager's refund: their cash, not this drawer's
    const drop = await t.call('POST', `/api/shifts/${id}/movements`, { body: { kind: 'drop', amountCents: 2_000, reason: 'To the safe' } });
    expect(drop.status).toBe(200);
    await t.call('POST', `/api/shifts/${id}/movements`, { body: { kind: 'payout', amountCents: 150, reason: 'Window cleaner' } });
    await t.call('POST', `/api/shifts/${id}/movements`, { body: { kind: 'float_add', amountCents: 1_000, reason: 'Coins from the office' } });

    const expected = expectedCash({ floatCents: 13_370, cashTakenCents: cash1.amountPaid + cash2.amountPaid, cashRefundedCents: 0, drops: 2_000, payouts: 150, floatAdds: 1_000 });
    const seen = await everythingAnAttendantSees(id);
    expect(seen).not.toContain(String(expected));
    const card = await t.call('GET', '/api/shifts/current');
    expect(card.json).toMatchObject({ entries: 4, exits: 4, cardCents: 1000, mobileCents: 1000, cashTakenCents: null, cashRefundedCents: null, expectedCashCents: null });
    expect(card.json.movements.map((m: { kind: string }) => m.kind)).toEqual(['drop', 'payout', 'float_add']);
    // the manager sees it at any time
    expect((await t.call('GET', `/api/shifts/${id}`, { as: 'manager' })).json.expectedCashCents).toBe(expected);

    const closed = await t.call('POST', `/api/shifts/${id}/close`, { body: { declaredCashCents: expected - 120, note: 'Counted twice' } });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', declaredCashCents: expected - 120, expectedCashCents: expected, varianceCents: -120 });
    expect((await t.call('POST', `/api/shifts/${id}/close`, { body: { declaredCashCents: 1 } })).json.code).toBe('shift_not_open');
    expect((await t.call('POST', `/api/shifts/${id}/movements`, { body: { kind: 'drop', amountCents: 1, reason: 'late' } })).json.code).toBe('shift_not_open');
    expect((await t.call('POST', `/api/shifts/${id}/reconcile`, { body: { note: 'Found in the drawer' } })).status).toBe(403);
    const reconciled = await t.call('POST', `/api/shifts/${id}/reconcile`, { as: 'manager', body: { note: 'A coin roll short, noted' } });
    expect(reconciled.json.reconciled).toMatchObject({ by: `user:${t.users.manager.id}`, note: 'A coin roll short, noted' });
    const audit = await t.sql<{ action: string }[]>`select action from audit_log where subject = ${String(id)} and action like 'shift.%' order by id`;
    expect(audit.map((a) => a.action)).toEqual(['shift.open', 'shift.drop', 'shift.payout', 'shift.float_add', 'shift.close', 'shift.reconcile']);
  });

  it("cash refunded by the holder comes out of their drawer; someone else's shift is not theirs to see", async () => {
    t.clock.advance(1); // after the last test's refund: a shift holds what happens from its opening on
    const opened = await t.call('POST', '/api/shifts', { as: 'manager', body: { openingFloatCents: 5_000 } });
    const paid = await paidExit('Cash', 120, 'manager'); // $20
    await t.call('POST', `/api/tickets/${paid.ticketNumber}/refunds`, { as: 'manager', body: { amountCents: 500, reason: 'goodwill' } });
    const view = await t.call('GET', `/api/shifts/${opened.json.id}`, { as: 'manager' });
    expect(view.json).toMatchObject({ cashTakenCents: 2000, cashRefundedCents: 500, expectedCashCents: 6500, refunds: 1 });
    expect((await t.call('GET', `/api/shifts/${opened.json.id}`)).status).toBe(404);
    expect((await t.call('GET', '/api/shifts')).status).toBe(403);
    expect((await t.call('GET', '/api/shifts?status=open', { as: 'manager' })).json.shifts.map((s: { id: number }) => s.id)).toContain(opened.json.id);
    t.clock.advance(1);
    const closed = await t.call('POST', `/api/shifts/${opened.json.id}/close`, { as: 'manager', body: { declaredCashCents: 6500 } });
    expect(closed.json).toMatchObject({ expectedCashCents: 6500, varianceCents: 0 });
  });

  it('requireShiftForCash refuses cash without an open shift, saying to open one; card still works', async () => {
    await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { requireShiftForCash: true } });
    const entry = await t.call('POST', '/api/tickets', { body: { licensePlate: 'NOSHIFT 1' } });
    const cash = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(cash.status).toBe(409);
    expect(cash.json).toMatchObject({ code: 'shift_required', message: expect.stringContaining('open your shift') });
    expect((await t.call('GET', `/api/tickets/${entry.json.ticketNumber}`)).json.status).toBe('active');
    const card = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { body: { paymentMethod: 'Debit Card' } });
    expect(card.status).toBe(200);
    await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { requireShiftForCash: false } });
  });

  it('a shift left open 24 hours is closed by the server as unclosed, with what was expected, and announced as a cash_variance episode (once)', async () => {
    const opened = await t.call('POST', '/api/shifts', { body: { openingFloatCents: 1_000 } });
    t.clock.advance(24 * 60 + 5);
    await t.signInAll();
    const announced: AlertEpisode[] = [];
    const alerts = { paymentNeedsManager: () => {}, alertRaised: (e: AlertEpisode) => announced.push(e) };
    expect(await closeShiftsLeftOpen({ ...t.deps, alerts })).toBe(1);
    expect(await closeShiftsLeftOpen({ ...t.deps, alerts })).toBe(0);
    const shift = (await t.call('GET', `/api/shifts/${opened.json.id}`, { as: 'manager' })).json;
    expect(shift).toMatchObject({ status: 'unclosed', expectedCashCents: 1000, declaredCashCents: null });
    expect(announced).toEqual([
      expect.objectContaining({
        kind: 'cash_variance',
        subject: String(opened.json.id),
        details: expect.objectContaining({ shiftId: opened.json.id, unclosed: true, expectedCashCents: 1000, declaredCashCents: null, varianceCents: null, closedAt: shift.closedAt }),
      }),
    ]);
    expect(new Date(shift.closedAt).getTime() - new Date(shift.openedAt).getTime()).toBe(24 * 3600_000);
    // reconciling it ends the episode (tests after this one close shifts with random variances)
    expect((await t.call('POST', `/api/shifts/${opened.json.id}/reconcile`, { as: 'manager', body: { note: 'Counted next morning: all there' } })).status).toBe(200);
    const [open] = await t.sql<{ n: number }[]>`select count(*)::int as n from alert_episodes where kind = 'cash_variance' and cleared_at is null`;
    expect(open!.n).toBe(0);
  });
});

describe('expected cash (property)', () => {
  it('is float + cash in − cash refunded − drops − payouts + float added, to the cent, for random shifts; and the shifts add up to the cash of the garage', async () => {
    await t.signInAll(); // the shift left open 24 hours moved the clock past the sessions' idle time
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('pay' as const), method: fc.constantFrom('Cash', 'Cash', 'Credit Card', 'Mobile'), minutes: fc.integer({ min: 1, max: 600 }) }),
            fc.record({ kind: fc.constant('refund' as const), share: fc.double({ min: 0.05, max: 1, noNaN: true }), method: fc.constantFrom('Cash', 'Credit Card') }),
            fc.record({ kind: fc.constantFrom('drop' as const, 'payout' as const, 'float_add' as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (float, steps) => {
          runs++;
          t.clock.advance(1);
          const opened = await t.call('POST', '/api/shifts', { as: 'manager', body: { openingFloatCents: float } });
          expect(opened.status).toBe(201);
          const id = opened.json.id;
          let cashIn = 0;
          let cashBack = 0;
          const moved = { drop: 0, payout: 0, float_add: 0 };
          const paid: { ticketNumber: string; amountPaid: number; refunded: number }[] = [];
          for (const step of steps) {
            if (step.kind === 'pay') {
              const exit = await paidExit(step.method, step.minutes, 'manager');
              paid.push({ ...exit, refunded: 0 });
              if (step.method === 'Cash') cashIn += exit.amountPaid;
            } else if (step.kind === 'refund') {
              const ticket = paid.find((p) => p.amountPaid - p.refunded > 0);
              if (!ticket) continue;
              const amountCents = Math.max(1, Math.floor((ticket.amountPaid - ticket.refunded) * step.share));
              const res = await t.call('POST', `/api/tickets/${ticket.ticketNumber}/refunds`, { as: 'manager', body: { amountCents, reason: 'goodwill', method: step.method } });
              expect(res.status).toBe(200);
              ticket.refunded += amountCents;
              if (step.method === 'Cash') cashBack += amountCents;
            } else {
              await t.call('POST', `/api/shifts/${id}/movements`, { as: 'manager', body: { kind: step.kind, amountCents: step.amount, reason: 'test' } });
              moved[step.kind] += step.amount;
            }
          }
          const expected = float + cashIn - cashBack - moved.drop - moved.payout + moved.float_add;
          t.clock.advance(1); // the count is made after the last payment (one at the very instant of a close belongs to the next window)
          const closed = await t.call('POST', `/api/shifts/${id}/close`, { as: 'manager', body: { declaredCashCents: Math.max(0, expected) } });
          expect(closed.json).toMatchObject({ expectedCashCents: expected, varianceCents: Math.max(0, expected) - expected });
          t.clock.advance(1);
        },
      ),
      { numRuns: 15 },
    );
    expect(runs).toBe(15);
    // every cash payment and cash refund of the manager belongs to exactly one of their shifts: the sums over shifts equal the garage's cash
    const [sums] = await t.sql<{ byShifts: string; garage: string }[]>`
      with windows as (select opened_at, closed_at from shifts where user_id = ${t.users.manager.id} and status <> 'open')
      select
        (select coalesce(sum(amount_paid), 0) from tickets t where t.exited_by = ${`user:${t.users.manager.id}`} and t.payment_method = 'Cash' and t.status = 'completed'
          and exists (select 1 from windows w where t.exit_time >= w.opened_at and t.exit_time < w.closed_at))::text as by_shifts,
        (select coalesce(sum(amount_paid), 0) from tickets t where t.exited_by = ${`user:${t.users.manager.id}`} and t.payment_method = 'Cash' and t.status = 'completed')::text as garage`;
    expect(sums!.byShifts).toBe(sums!.garage);
  }, 120_000);
});

describe('the shift report', () => {
  it('lists each shift with what its close showed, per attendant, as JSON and CSV (managers)', async () => {
    await t.signInAll();
    const day = t.clock.now.toISOString().slice(0, 10);
    const res = await t.call('GET', `/api/reports/shifts?from=2026-11-23&to=${day}`, { as: 'manager' });
    expect(res.status).toBe(200);
    const closed = await t.sql<{ id: number; expected: string; variance: string | null }[]>`
      select id, expected_cash_cents::text as expected, variance_cents::text as variance from shifts where status <> 'open' order by id`;
    expect(res.json.shifts.filter((l: { status: string }) => l.status !== 'open').map((l: { shiftId: number; expectedCashCents: number }) => [l.shiftId, l.expectedCashCents])).toEqual(
      closed.map((c) => [c.id, Number(c.expected)]),
    );
    const manager = res.json.attendants.find((a: { username: string }) => a.username === 'manager1');
    expect(manager.shifts).toBe(res.json.shifts.filter((l: { username: string }) => l.username === 'manager1').length);
    const csv = await t.call('GET', `/api/reports/shifts?from=2026-11-23&to=${day}&format=csv`, { as: 'manager' });
    expect(csv.text.split('\r\n')[0]).toBe('shift_id,attendant,status,opened_at,closed_at,opening_float_cents,entries,exits,cash_cents,card_cents,mobile_cents,refunds,cash_refunded_cents,voids,lost_tickets,declared_cash_cents,expected_cash_cents,variance_cents');
    expect(csv.text).toContain('attendant total,manager1,');
    expect((await t.call('GET', `/api/reports/shifts?date=${day}`)).status).toBe(403);
  });
});

describe('the list of shifts (managers), a page at a time', () => {
  it('pages back with `before` = the last page’s `nextBefore`, newest first, each shift once', async () => {
    await t.signInAll();
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1);
      const opened = await t.call('POST', '/api/shifts', { as: 'manager', body: { openingFloatCents: 100 } });
      t.clock.advance(1);
      await t.call('POST', `/api/shifts/${opened.json.id}/close`, { as: 'manager', body: { declaredCashCents: 100 } });
    }
    const seen: number[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: { status: number; json: { shifts: { id: number }[]; nextBefore: number | null } } = await t.call('GET', `/api/shifts?limit=2${before ? `&before=${before}` : ''}`, { as: 'manager' });
      expect(page.status).toBe(200);
      expect(page.json.shifts.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.shifts.map((s) => s.id));
      before = page.json.nextBefore;
      if (before === null) break;
    }
    const all = await t.sql<{ id: number }[]>`select id from shifts where garage_id = ${t.deps.garageId} order by id desc`;
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it.each(['limit=0', 'limit=201', 'before=0', 'before=2147483648', 'before=abc', 'status=lost'])('refuses %s with a 400', async (query) => {
    await t.signInAll();
    const res = await t.call('GET', `/api/shifts?${query}`, { as: 'manager' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
  });
});
