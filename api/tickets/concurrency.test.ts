import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 10 });
});
afterAll(() => t.close());

const count = async (where: string) => {
  const [row] = await t.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from tickets where ${where}`);
  return row!.n;
};

describe('concurrency (PostgreSQL decides)', () => {
  it('50 racing entries into 10 spaces make exactly 10 tickets; the rest are told the garage is full', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.call('POST', '/api/tickets', { body: { licensePlate: `RACE${i}` } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.code)).toEqual(Array(40).fill('garage_full'));
    expect(await count(`status = 'active'`)).toBe(10);
    const stats = await t.call('GET', '/api/garage/stats');
    expect(stats.json).toMatchObject({ occupiedSpaces: 10, availableSpaces: 0 });
  });

  it('20 racing exits of one ticket complete it once', async () => {
    const [active] = await t.sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active' limit 1`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.call('PUT', `/api/tickets/${active!.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.code)).toEqual(Array(19).fill('ticket_already_completed'));
    const audits = await t.sql`select 1 from audit_log where action = 'ticket.exit' and subject = ${active!.ticketNumber}`;
    expect(audits).toHaveLength(1);
  });

  it('one Idempotency-Key sent 10 times at once makes one ticket, and every answer is that ticket', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', '/api/tickets', { body: { licensePlate: 'SAMEKEY' }, headers: { 'idempotency-key': 'phone-42-entry-1' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.json.ticketNumber)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await count(`plate_normalized = 'SAMEKEY'`)).toBe(1);
  });

  it('racing entries of one plate make one ticket', async () => {
    const [first] = await t.sql<{ ticketNumber: string }[]>`select ticket_number from tickets where status = 'active' and plate_normalized <> 'SAMEKEY' limit 1`;
    await t.call('PUT', `/api/tickets/${first!.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call('POST', '/api/tickets', { body: { licensePlate: 'TWIN1' } })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.code)).toEqual(Array(7).fill('vehicle_already_parked'));
    expect(await count(`plate_normalized = 'TWIN1'`)).toBe(1);
  });
});

describe('concurrency with idempotency keys', () => {
  it('30 racing entries, each with its own key, into a garage with 10 free spaces: 10 tickets, 20 garage_full, nothing else', async () => {
    const app = await startTestApp({ totalSpaces: 10 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          app.call('POST', '/api/tickets', { body: { licensePlate: `KEYED${i}` }, headers: { 'idempotency-key': `keyed-${i}` } }),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
      expect(answers.filter((a) => a.status !== 201).map((a) => a.json.code)).toEqual(Array(20).fill('garage_full'));
    } finally {
      await app.close();
    }
  });
});
