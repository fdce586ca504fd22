import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';

/**
 * Merchants' validations at the HTTP door: codes applied at exit after the tariff, a use counted
 * once per paid exit (retries replay, races for the last use have one winner), refusals in words
 * with nothing written, and the bill-back per merchant.
 */
let t: TestApp;
const g = () => `/api/garages/${t.garageId}`;
beforeAll(async () => {
  t = await startTestApp({ totalSpaces: 40, hourlyRate: 1000, timezone: 'UTC', start: '2026-11-23T12:00:00.000Z' });
});
afterAll(() => t.close());

let plates = 0;
async function parked(minutes: number): Promise<string> {
  const res = await t.call('POST', '/api/tickets', { body: { licensePlate: `VAL ${++plates}` } });
  expect(res.status).toBe(201);
  t.clock.advance(minutes);
  return res.json.ticketNumber;
}
async function merchant(name: string): Promise<number> {
  const res = await t.call('POST', `${g()}/merchants`, { as: 'manager', body: { name, contact: 'billing@example.com' } });
  expect(res.status).toBe(201);
  return res.json.id;
}
async function code(merchantId: number, body: Record<string, unknown>) {
  const res = await t.call('POST', `${g()}/merchants/${merchantId}/codes`, {
    as: 'manager',
    body: { validFrom: '2026-11-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', ...body },
  });
  expect(res.status).toBe(201);
  return res.json;
}
const exit = (n: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.call('PUT', `/api/tickets/${n}/exit`, { body: { paymentMethod: 'Credit Card', ...body }, headers });
const usesOf = async (c: string) => (await t.sql<{ uses: number }[]>`select uses from validation_codes where code = ${c}`)[0]!.uses;

describe('validations', () => {
  it('each kind takes off what it says, after the tariff, never below 0; the receipt says so line by line', async () => {
    const cinema = await merchant('Cinema, Main St');
    await code(cinema, { code: 'CINEMA5', kind: 'amount', value: 500 });
    await code(cinema, { code: 'half', kind: 'percent', value: 50 });
    await code(cinema, { code: 'FREE2H', kind: 'minutes', value: 120 });
    await code(cinema, { code: 'FLAT3', kind: 'flat', value: 300 });

    const a = await exit(await parked(150), { validationCode: 'cinema5' }); // 3 h = 3000
    expect(a.status).toBe(200);
    expect(a.json.amountPaid).toBe(2500);
    expect(a.json.feeBreakdown.validation).toMatchObject({ code: 'CINEMA5', merchant: 'Cinema, Main St', kind: 'amount', discountCents: 500 });
    expect(a.json.feeBreakdown.lines.reduce((n: number, l: { cents: number }) => n + l.cents, 0)).toBe(2500);

    expect((await exit(await parked(150), { validationCode: 'HALF' })).json.amountPaid).toBe(1500);
    expect((await exit(await parked(150), { validationCode: 'FREE2H' })).json.amountPaid).toBe(1000); // 30 min left: 1 h
    expect((await exit(await parked(100), { validationCode: 'FREE2H' })).json.amountPaid).toBe(0); // shorter than the free time
    expect((await exit(await parked(150), { validationCode: 'FLAT3' })).json.amountPaid).toBe(300);
    expect((await exit(await parked(20), { validationCode: 'FLAT3' })).json.amountPaid).toBe(300); // 1000 → flat 300
    const small = await code(cinema, { code: 'BIG', kind: 'amount', value: 999999 });
    expect(small.kind).toBe('amount');
    expect((await exit(await parked(20), { validationCode: 'BIG' })).json.amountPaid).toBe(0);
    const [audit] = await t.sql<{ details: { validation?: { code: string } } }[]>`select details from audit_log where action = 'ticket.exit' order by id desc limit 1`;
    expect(audit!.details.validation?.code).toBe('BIG');
  });

  it('a code that cannot be used refuses the exit in words, and nothing is charged or counted', async () => {
    const shop = await merchant('Shoe shop');
    await code(shop, { code: 'OLD', kind: 'amount', value: 100, validFrom: '2026-01-01T00:00:00.000Z', validTo: '2026-02-01T00:00:00.000Z' });
    await code(shop, { code: 'LATER', kind: 'amount', value: 100, validFrom: '2027-01-01T00:00:00.000Z', validTo: '2027-02-01T00:00:00.000Z' });
    await code(shop, { code: 'ONCE', kind: 'amount', value: 100, maxUses: 1 });
    const n = await parked(60);
    for (const [c, words] of [
      ['NOPE', /not a validation code of this garage/],
      ['OLD', /expired at 2026-02-01 00:00/],
      ['LATER', /valid from 2027-01-01 00:00/],
    ] as const) {
      const res = await exit(n, { validationCode: c });
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ code: 'validation_refused' });
      expect(res.json.message).toMatch(words);
    }
    expect((await exit(await parked(60), { validationCode: 'ONCE' })).status).toBe(200);
    const used = await exit(n, { validationCode: 'ONCE' });
    expect(used.json.message).toMatch(/no uses left \(1 of 1\)/);
    expect((await t.call('GET', `/api/tickets/${n}`)).json.status).toBe('active');
    expect(await usesOf('ONCE')).toBe(1);
    expect((await t.sql`select 1 from validation_uses u join tickets k on k.id = u.ticket_id where k.ticket_number = ${n}`).length).toBe(0);
  });

  it('a retried exit replays and never takes a second use', async () => {
    const m = await merchant('Bakery');
    await code(m, { code: 'BREAD', kind: 'amount', value: 200, maxUses: 5 });
    const n = await parked(60);
    const first = await exit(n, { validationCode: 'BREAD' }, { 'idempotency-key': 'bread-1' });
    const again = await exit(n, { validationCode: 'BREAD' }, { 'idempotency-key': 'bread-1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.amountPaid).toBe(first.json.amountPaid);
    expect(await usesOf('BREAD')).toBe(1);
  });

  it('exits racing for the last use: exactly one gets it; the others are refused and stay parked', async () => {
    const m = await merchant('Theatre');
    await code(m, { code: 'LASTONE', kind: 'percent', value: 100, maxUses: 3 });
    const cars = await Promise.all(Array.from({ length: 3 }, () => parked(0)));
    t.clock.advance(60);
    expect((await exit(cars[0]!, { validationCode: 'LASTONE' })).status).toBe(200);
    expect((await exit(cars[1]!, { validationCode: 'LASTONE' })).status).toBe(200);
    const racers = [cars[2]!, ...(await Promise.all(Array.from({ length: 7 }, () => parked(0))))];
    const answers = await Promise.all(racers.map((n) => exit(n, { validationCode: 'LASTONE' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.json.code === 'validation_refused')).toHaveLength(7);
    expect(await usesOf('LASTONE')).toBe(3);
    const [uses] = await t.sql<{ n: number }[]>`select count(*)::int as n from validation_uses u join validation_codes c on c.id = u.code_id where c.code = 'LASTONE'`;
    expect(uses!.n).toBe(3);
    const refused = racers.filter((_, i) => answers[i]!.status === 409);
    const statuses = await Promise.all(refused.map(async (n) => (await t.call('GET', `/api/tickets/${n}`)).json.status));
    expect(statuses).toEqual(Array(7).fill('active'));
  });

  it('the bill-back: per merchant and code, uses and what they took off, in JSON and CSV (names quoted)', async () => {
    const res = await t.call('GET', `/api/reports/validations?date=2026-11-23`, { as: 'manager' });
    expect(res.status).toBe(200);
    const cinema = res.json.merchants.find((m: { name: string }) => m.name === 'Cinema, Main St');
    expect(cinema).toMatchObject({ contact: 'billing@example.com' });
    expect(cinema.codes.find((c: { code: string }) => c.code === 'CINEMA5')).toEqual({ code: 'CINEMA5', uses: 1, discountCents: 500 });
    const [sum] = await t.sql<{ n: string }[]>`select sum(discount_cents)::text as n from validation_uses where used_at >= '2026-11-23' and used_at < '2026-11-24'`;
    expect(res.json.totalDiscountCents).toBe(Number(sum!.n));
    const csv = await t.call('GET', `${g()}/reports/validations?date=2026-11-23&format=csv`, { as: 'manager' });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('from,to,merchant,contact,code,uses,discount_cents');
    expect(csv.text).toContain('2026-11-23,2026-11-23,"Cinema, Main St",billing@example.com,CINEMA5,1,500');
    expect((await t.call('GET', `/api/reports/validations`, { as: 'attendant' })).status).toBe(403);
  });

  it('managers list merchants with their codes, end a code early, and get clear 4xx for bad input', async () => {
    const list = await t.call('GET', `${g()}/merchants`, { as: 'manager' });
    expect(list.status).toBe(200);
    const bakery = list.json.find((m: { name: string }) => m.name === 'Bakery');
    expect(bakery.codes[0]).toMatchObject({ code: 'BREAD', uses: 1, maxUses: 5 });
    const ended = await t.call('PATCH', `${g()}/merchants/${bakery.id}/codes/bread`, { as: 'manager', body: { validTo: t.clock.now.toISOString() } });
    expect(ended.status).toBe(200);
    expect((await exit(await parked(30), { validationCode: 'BREAD' })).json.message).toMatch(/expired/);
    const below = await t.call('PATCH', `${g()}/merchants/${bakery.id}/codes/BREAD`, { as: 'manager', body: { maxUses: 0 } });
    expect(below.status).toBe(400);
    const twice = await t.call('POST', `${g()}/merchants`, { as: 'manager', body: { name: 'Bakery' } });
    expect(twice.status).toBe(409);
    const taken = await t.call('POST', `${g()}/merchants/${bakery.id}/codes`, { as: 'manager', body: { code: 'bread', kind: 'amount', value: 1, validFrom: '2026-11-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z' } });
    expect(taken.status).toBe(409);
    const pct = await t.call('POST', `${g()}/merchants/${bakery.id}/codes`, { as: 'manager', body: { code: 'P', kind: 'percent', value: 101, validFrom: '2026-11-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z' } });
    expect(pct.status).toBe(400);
    expect(pct.json.message).toMatch(/code|percent/);
    const none = await t.call('POST', `${g()}/merchants/999999/codes`, { as: 'manager', body: { code: 'ZZ', kind: 'amount', value: 1, validFrom: '2026-11-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z' } });
    expect(none.status).toBe(404);
    expect((await t.call('GET', `${g()}/merchants`)).status).toBe(403);
  });

  it('a quote previews a code without using it', async () => {
    const m = await merchant('Gym');
    await code(m, { code: 'GYM', kind: 'amount', value: 700, maxUses: 1 });
    const q = await t.call('POST', `${g()}/rate-plan/quote`, { body: { entryTime: '2026-11-23T08:00:00.000Z', exitTime: '2026-11-23T10:00:00.000Z', validationCode: 'gym' } });
    expect(q.status).toBe(200);
    expect(q.json.totalCents).toBe(1300);
    expect(q.json.words.at(-1)).toBe('Validated by Gym (GYM): −$7.00');
    expect(await usesOf('GYM')).toBe(0);
    const bad = await t.call('POST', `${g()}/rate-plan/quote`, { body: { entryTime: '2026-11-23T08:00:00.000Z', exitTime: '2026-11-23T10:00:00.000Z', validationCode: 'NOPE' } });
    expect(bad.status).toBe(409);
    expect(bad.json.code).toBe('validation_refused');
  });
});
