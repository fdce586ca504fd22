import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReceiptLink, RevokedReceiptLinks } from '../../shared/receipt-links.js';
import { createApp } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/app.js';
import { insertUser } from '../users/queries.js';
import { receiptKeys } from './keys.js';
import { RECEIPT_NOT_FOUND_PAGE } from './page.js';
import { loadReceiptByTokenHash } from './queries.js';
import { receiptPageRoutes } from './routes.js';
import { tokenFor } from './token.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ start: '2026-11-23T12:00:00.000Z' });
});
afterAll(() => t.close());

/** A car in and paid by card after `minutes`; its ticket number. */
async function paidTicket(plate: string, minutes = 90): Promise<string> {
  const entry = await t.call('POST', '/api/tickets', { body: { licensePlate: plate } });
  expect(entry.status).toBe(201);
  t.clock.advance(minutes);
  const exit = await t.call('PUT', `/api/tickets/${entry.json.ticketNumber}/exit`, { body: { paymentMethod: 'Credit Card' } });
  expect(exit.status).toBe(200);
  return entry.json.ticketNumber;
}

async function mint(ticketNumber: string, as: 'attendant' | 'manager' = 'attendant'): Promise<ReceiptLink> {
  const res = await t.call('POST', `/api/tickets/${ticketNumber}/receipt-link`, { as });
  expect(res.status).toBe(200);
  return ReceiptLink.parse(res.json);
}

/** Opens a link as a driver would: no session, no cookie. */
async function open(path: string) {
  const res = await t.app.request(path);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A token of the right shape signed by nobody: 16 and 12 random bytes. */
const randomToken = () => `${randomBytes(16).toString('base64url')}.${randomBytes(12).toString('base64url')}`;

describe('a paid ticket’s receipt link', () => {
  it('shows exactly that receipt to anyone holding it, with no sign-in', async () => {
    const mine = await paidTicket('RCPT 1', 150);
    const other = await paidTicket('OTHER 9', 30);
    const link = await mint(mine);
    expect(link).toMatchObject({ ticketNumber: mine, path: expect.stringMatching(/^\/r\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/) });
    const page = await open(link.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    for (const text of ['Garage', mine, 'RCPT 1', 'Car', 'Nov 23, 2026, 12:00 PM', 'Nov 23, 2026, 2:30 PM', '2 h 30 min', '$30.00', 'Credit Card', '(UTC)']) {
      expect(page.text).toContain(text);
    }
    expect(page.text).not.toContain(other);
    expect(page.text).not.toContain('OTHER 9');
    expect(page.text).not.toContain('$5.00'); // the other ticket's amount
  });

  it('is served never stored, never indexed, without a referrer, under a policy that lets nothing load or run', async () => {
    const link = await mint(await paidTicket('HDR 1'));
    for (const path of [link.path, `/r/${randomToken()}`]) {
      const page = await open(path);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-robots-tag')).toMatch(/^noindex/);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
      expect(csp).not.toContain('script-src');
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('has no script, no link into the app or anywhere, nothing to load, no form', async () => {
    const page = await open((await mint(await paidTicket('BARE 1'))).path);
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script|<a[\s>]|href=|src=|<form|<img|<link|<iframe|url\(|@import|javascript:/i);
  });

  it('is the same link each time it is asked for (audited once), until revoked', async () => {
    const ticket = await paidTicket('SAME 1');
    const first = await mint(ticket);
    const again = await mint(ticket, 'manager');
    expect(again).toEqual(first);
    const audit = await t.call('GET', `/api/audit?action=receipt_link.create&limit=500`, { as: 'manager' });
    expect(audit.json.entries.filter((e: { subject: string }) => e.subject === ticket)).toHaveLength(1);
    const [counted] = await t.sql<{ n: number }[]>`select count(*)::int as n from receipt_links l join tickets t on t.id = l.ticket_id where t.ticket_number = ${ticket}`;
    expect(counted!.n).toBe(1);
  });

  it('keeps only a hash of the token in the database', async () => {
    const link = await mint(await paidTicket('HASH 1'));
    const token = link.path.slice(3);
    const rows = await t.sql<{ row: string }[]>`select row_to_json(l)::text as row from receipt_links l`;
    const keys = await t.sql<{ row: string }[]>`select encode(key, 'base64') as row from receipt_link_keys`;
    const stored = rows.map((r) => r.row).join('\n');
    for (const part of [token, ...token.split('.')]) {
      expect(stored).not.toContain(part);
      expect(stored).not.toContain(Buffer.from(part, 'base64url').toString('hex'));
    }
    expect(keys).toHaveLength(1);
  });

  it('shows refunds given since, and what the garage kept', async () => {
    const ticket = await paidTicket('REFUND 1', 120);
    const link = await mint(ticket);
    const refund = await t.call('POST', `/api/tickets/${ticket}/refunds`, { as: 'manager', body: { amountCents: 500, reason: 'goodwill', note: 'staff-only words' } });
    expect(refund.status).toBe(200);
    const page = await open(link.path);
    expect(page.text).toContain('$20.00');
    expect(page.text).toMatch(/Refunded [^<]+\(Credit Card\)<\/dt><dd>−\$5\.00/);
    expect(page.text).toContain('Kept</dt><dd class="total">$15.00');
    expect(page.text).not.toContain('staff-only words');
  });

  it('writes the garage name as text, never as markup', async () => {
    const renamed = await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { name: '<script>alert(1)</script> & Co' } });
    expect(renamed.status).toBe(200);
    const page = await open((await mint(await paidTicket('ESC 1'))).path);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(page.text).not.toContain('<script>');
    await t.call('PATCH', `/api/garages/${t.garageId}`, { as: 'admin', body: { name: 'Garage' } });
  });
});

describe('minting', () => {
  it('refuses a ticket still parked, a voided one, and a number never issued, in words', async () => {
    const parked = await t.call('POST', '/api/tickets', { body: { licensePlate: 'PARKED 1' } });
    const active = await t.call('POST', `/api/tickets/${parked.json.ticketNumber}/receipt-link`);
    expect(active.status).toBe(409);
    expect(active.json).toMatchObject({ code: 'ticket_not_completed', message: expect.stringContaining('not paid yet') });
    const voided = await t.call('POST', `/api/tickets/${parked.json.ticketNumber}/void`, { as: 'manager', body: { reason: 'test' } });
    expect(voided.status).toBe(200);
    const afterVoid = await t.call('POST', `/api/tickets/${parked.json.ticketNumber}/receipt-link`);
    expect(afterVoid.status).toBe(409);
    expect(afterVoid.json.message).toContain('voided');
    const none = await t.call('POST', '/api/tickets/PS-000000/receipt-link');
    expect(none.status).toBe(404);
    expect(none.json.message).toBe('No ticket PS-000000.');
    const bad = await t.call('POST', '/api/tickets/nonsense!/receipt-link');
    expect(bad.status).toBe(400);
  });

  it('works at the garage-scoped path too, giving the same link', async () => {
    const ticket = await paidTicket('SCOPED 1');
    const seed = await mint(ticket);
    const scoped = await t.call('POST', `/api/garages/${t.garageId}/tickets/${ticket}/receipt-link`);
    expect(scoped.status).toBe(200);
    expect(scoped.json).toEqual(seed);
  });

  it('two at once make one link', async () => {
    const ticket = await paidTicket('RACE 1');
    const links = await Promise.all(Array.from({ length: 6 }, () => t.call('POST', `/api/tickets/${ticket}/receipt-link`)));
    expect(new Set(links.map((l) => l.json.path)).size).toBe(1);
  });
});

describe('revoking', () => {
  it('is for managers; the link then answers the very 404 of a link never made; a new link works', async () => {
    const ticket = await paidTicket('REVOKE 1');
    const link = await mint(ticket);
    const byAttendant = await t.call('POST', `/api/tickets/${ticket}/receipt-link/revoke`);
    expect(byAttendant.status).toBe(403);
    expect((await open(link.path)).status).toBe(200);
    const revoked = await t.call('POST', `/api/tickets/${ticket}/receipt-link/revoke`, { as: 'manager' });
    expect(revoked.status).toBe(200);
    expect(RevokedReceiptLinks.parse(revoked.json)).toEqual({ ticketNumber: ticket, revoked: 1 });
    const gone = await open(link.path);
    const never = await open(`/r/${randomToken()}`);
    expect(gone.status).toBe(404);
    expect(gone.text).toBe(never.text);
    expect(gone.text).toBe(RECEIPT_NOT_FOUND_PAGE);
    expect([...gone.headers.entries()].filter(([n]) => n !== 'x-request-id' && n !== 'date')).toEqual([...never.headers.entries()].filter(([n]) => n !== 'x-request-id' && n !== 'date'));
    const audit = await t.call('GET', '/api/audit?action=receipt_link.revoke&limit=500', { as: 'manager' });
    expect(audit.json.entries.find((e: { subject: string }) => e.subject === ticket)).toMatchObject({ actor: `user:${t.users.manager.id}`, details: { links: 1 } });
    const again = await t.call('POST', `/api/tickets/${ticket}/receipt-link/revoke`, { as: 'manager' });
    expect(again.json.revoked).toBe(0);
    const fresh = await mint(ticket);
    expect(fresh.path).not.toBe(link.path);
    expect((await open(fresh.path)).status).toBe(200);
    expect((await open(link.path)).status).toBe(404);
  });
});

describe('a link that does not work', () => {
  it('altered in any way — one character, signature stripped, parts swapped between tickets — is the same 404', async () => {
    const a = (await mint(await paidTicket('TAMPER 1'))).path.slice(3);
    const b = (await mint(await paidTicket('TAMPER 2'))).path.slice(3);
    const [ra, sa] = a.split('.') as [string, string];
    const [rb, sb] = b.split('.') as [string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const tampered = [
      flip(a, 0),
      flip(a, 10),
      flip(a, 21), // the last character of R: its spare bits make another spelling of nearly the same bytes
      flip(a, 23),
      flip(a, a.length - 1),
      ra,
      `${ra}.`,
      `.${sa}`,
      `${ra}.${sb}`,
      `${rb}.${sa}`,
      `${sa}.${ra}`,
      a.toUpperCase(),
      `${a}x`,
      `${a}.${sa}`,
      `${ra}%00.${sa}`,
      'x'.repeat(4000),
      '%',
      '...',
    ];
    const expected = await open(`/r/${randomToken()}`);
    for (const token of tampered) {
      const page = await open(`/r/${token}`);
      expect(page.status, token).toBe(404);
      expect(page.text, token).toBe(expected.text);
    }
    expect((await open(`/r/${a}`)).status).toBe(200);
  });

  it('200 random tokens: all 404, and a bad signature never reaches the database', async () => {
    const load = vi.fn(loadReceiptByTokenHash);
    const keys = receiptKeys();
    const pages = new Hono().route('/r', receiptPageRoutes({ ...t.deps, receiptKeys: keys }, load));
    await keys.current(t.sql, t.deps.randomBytes); // the key is read once per server; then bad tokens cost nothing
    for (let i = 0; i < 200; i++) {
      const res = await pages.request(`/r/${randomToken()}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(RECEIPT_NOT_FOUND_PAGE);
    }
    expect(load).not.toHaveBeenCalled();
    // signed with the server's key but never made: one query, the same 404
    const signed = tokenFor(await keys.current(t.sql, t.deps.randomBytes), randomBytes(16));
    const res = await pages.request(`/r/${signed}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(RECEIPT_NOT_FOUND_PAGE);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('signed with another key (RECEIPT_LINK_SECRET set or changed) is refused; minting then replaces the live link', async () => {
    const ticket = await paidTicket('ROTATE 1');
    const before = await mint(ticket);
    const rotated = createApp({ ...t.deps, receiptKeys: receiptKeys('a-secret-of-at-least-32-characters!') });
    expect((await rotated.request(before.path)).status).toBe(404);
    const res = await rotated.request(`/api/tickets/${ticket}/receipt-link`, { method: 'POST', headers: { authorization: `Bearer ${t.users.attendant.token}` } });
    const after = ReceiptLink.parse(await res.json());
    expect(after.path).not.toBe(before.path);
    expect((await rotated.request(after.path)).status).toBe(200);
    expect((await open(after.path)).status).toBe(404); // this app still signs with the database's key
  });
});

describe('another garage', () => {
  it("cannot mint or revoke this garage's links: the 404 of a number never issued", async () => {
    const ticket = await paidTicket('WALL 1');
    const link = await mint(ticket);
    const created = await t.call('POST', '/api/garages', { as: 'admin', body: { name: 'North', totalSpaces: 5, hourlyRate: 500, timezone: 'Europe/Paris' } });
    const garageB = created.json.id as number;
    await insertUser(t.sql, { username: 'manager-north', passwordHash: await hashPassword(TEST_PASSWORD), role: 'manager', garageIds: [garageB] });
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager-north', password: TEST_PASSWORD }) });
    const token = ((await login.json()) as { token: string }).token;
    const as = (path: string) => t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    for (const path of [
      `/api/tickets/${ticket}/receipt-link`,
      `/api/tickets/${ticket}/receipt-link/revoke`,
      `/api/garages/${garageB}/tickets/${ticket}/receipt-link`,
      `/api/garages/${garageB}/tickets/${ticket}/receipt-link/revoke`,
    ]) {
      const res = await as(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { message: string }).message).toBe(`No ticket ${ticket}.`);
    }
    for (const path of [`/api/garages/${t.garageId}/tickets/${ticket}/receipt-link`, `/api/garages/${t.garageId}/tickets/${ticket}/receipt-link/revoke`]) {
      expect((await as(path)).status, path).toBe(404);
    }
    expect((await open(link.path)).status).toBe(200);
  });
});

it('the OpenAPI document describes both routes, at the seed path and in one garage', async () => {
  const doc = (await t.call('GET', '/api/openapi.json', { as: null })).json;
  expect(doc.paths['/api/tickets/{ticketNumber}/receipt-link'].post.operationId).toBe('mintReceiptLink');
  expect(doc.paths['/api/tickets/{ticketNumber}/receipt-link/revoke'].post.operationId).toBe('revokeReceiptLink');
  expect(doc.paths['/api/garages/{garageId}/tickets/{ticketNumber}/receipt-link'].post.operationId).toBe('mintReceiptLinkInGarage');
});
