import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpaceBooks } from '../test/spaces.js';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * The audit row of an entry or exit is sent without waiting and awaited with the idempotency key's
 * save (one round trip): when that audit insert fails, the whole change must still roll back — no
 * ticket, no space held, no key stored, no payment — and the same key must work once it can.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 3 });
  await t.sql`create table refuse_audit_switch (on_ boolean)`;
  await t.sql`
    create function refuse_audit() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from refuse_audit_switch) then raise exception 'audit refused by the test'; end if;
      return new;
    end $$`;
  await t.sql`create trigger refuse_audit before insert on audit_log for each row when (new.action in ('ticket.enter', 'ticket.exit')) execute function refuse_audit()`;
});
afterAll(() => t.close());

const refuseAudits = (on: boolean) => (on ? t.sql`insert into refuse_audit_switch values (true)` : t.sql`delete from refuse_audit_switch`);

describe('a failed audit write undoes its change', () => {
  it.each([
    ['with an Idempotency-Key', 'AUDIT1', { 'idempotency-key': 'audit-fails-1' }],
    ['without one', 'AUDIT2', {} as Record<string, string>],
  ])('an entry %s: 500, nothing written, and the same request succeeds afterwards', async (_, plate, headers) => {
    await refuseAudits(true);
    const failed = await t.call('POST', '/api/tickets', { body: { licensePlate: plate }, headers });
    expect(failed.status).toBe(500);
    const [counts] = await t.sql<{ tickets: number; keys: number }[]>`
      select (select count(*)::int from tickets where plate_normalized = ${plate}) as tickets,
             (select count(*)::int from idempotency_keys) as keys`;
    expect(counts).toEqual({ tickets: 0, keys: 0 });
    expect((await readSpaceBooks(t.sql, t.garageId)).taken).toBe(0);

    await refuseAudits(false);
    const ok = await t.call('POST', '/api/tickets', { body: { licensePlate: plate }, headers });
    expect(ok.status).toBe(201);
    const audit = await t.sql`select 1 from audit_log where action = 'ticket.enter' and subject = ${ok.json.ticketNumber}`;
    expect(audit).toHaveLength(1);
    const out = await t.call('PUT', `/api/tickets/${ok.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(out.status).toBe(200);
    await t.sql`delete from idempotency_keys`;
  });

  it('an exit: 500, the ticket still active and unpaid, its space still held; then it completes once', async () => {
    const entry = await t.call('POST', '/api/tickets', { body: { licensePlate: 'AUDIT 3' } });
    await refuseAudits(true);
    const headers = { 'idempotency-key': 'audit-fails-exit' };
    const failed = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' }, headers });
    expect(failed.status, failed.text).toBe(500);
    const [row] = await t.sql<{ status: string; amountPaid: string | null }[]>`select status, amount_paid from tickets where ticket_number = ${entry.json.ticketNumber}`;
    expect(row).toEqual({ status: 'active', amountPaid: null });
    expect((await readSpaceBooks(t.sql, t.garageId)).taken).toBe(1);

    await refuseAudits(false);
    const ok = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' }, headers });
    expect(ok.status).toBe(200);
    const audits = await t.sql`select 1 from audit_log where action = 'ticket.exit' and subject = ${entry.json.ticketNumber}`;
    expect(audits).toHaveLength(1);
  });
});
