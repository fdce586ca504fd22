import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginAnswer, User } from '../../shared/auth.js';
import { readPlate } from '../../shared/plate.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/app.js';
import { hashToken } from './tokens.js';
import { issueTicket } from '../tickets/enter.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
const audit = (action: string, subject: string) =>
  t.sql<{ actor: string; source: string; details: any }[]>`select actor, source, details from audit_log where action = ${action} and subject = ${subject} order by id`;

describe('sign in and out', () => {
  it('gives a token and an HttpOnly SameSite=Strict cookie, and never the password hash', async () => {
    const res = await login('attendant1', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const body = await res.json();
    const answer = LoginAnswer.parse(body);
    expect(answer.user).toMatchObject({ username: 'attendant1', role: 'attendant' });
    expect(JSON.stringify(body)).not.toContain('argon2');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`parkops_session=${answer.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    const secure = await login('attendant1', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('the token works as a bearer token and as the cookie; /me says who', async () => {
    const { token } = await (await login('manager1', TEST_PASSWORD)).json();
    const byBearer = await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(User.parse(await byBearer.json())).toMatchObject({ username: 'manager1' });
    const byCookie = await t.app.request('/api/auth/me', { headers: { cookie: `parkops_session=${token}` } });
    expect(byCookie.status).toBe(200);
  });

  it('logout ends the session', async () => {
    const { token } = await (await login('attendant1', TEST_PASSWORD)).json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers })).status).toBe(200);
    const after = await t.app.request('/api/garage/stats', { headers });
    expect(after.status).toBe(401);
  });

  it('a session idle longer than 12 hours has ended', async () => {
    const { token } = await (await login('attendant1', TEST_PASSWORD)).json();
    const headers = { authorization: `Bearer ${token}` };
    t.clock.advance(11 * 60);
    expect((await t.app.request('/api/garage/stats', { headers })).status).toBe(200);
    t.clock.advance(11 * 60); // 11 h after the last use: still alive
    expect((await t.app.request('/api/garage/stats', { headers })).status).toBe(200);
    t.clock.advance(12 * 60 + 1);
    expect((await t.app.request('/api/garage/stats', { headers })).status).toBe(401);
    await t.signInAll();
  });

  it('a request writes the session only when its last use is over a minute old', async () => {
    const { token } = await (await login('attendant1', TEST_PASSWORD)).json();
    const headers = { authorization: `Bearer ${token}` };
    const lastSeen = async () => {
      const [row] = await t.sql<{ lastSeenAt: Date }[]>`select last_seen_at from sessions where token_hash = ${hashToken(token)}`;
      return row!.lastSeenAt.toISOString();
    };
    const signedInAt = await lastSeen();
    t.clock.advance(0.5);
    expect((await t.app.request('/api/auth/me', { headers })).status).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advance(1);
    expect((await t.app.request('/api/auth/me', { headers })).status).toBe(200);
    expect(await lastSeen()).toBe(t.clock.now.toISOString());
  });

  it('wrong password and unknown user get the same 401', async () => {
    const wrong = await login('admin1', 'nope-nope');
    const unknown = await login('nobody', 'nope-nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('400 for a login without a password', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"x"}' });
    expect(res.status).toBe(400);
  });
});

describe('throttling', () => {
  it('five failures for one username within 15 minutes: 429 with Retry-After, even with the right password, until the window passes', async () => {
    const create = await t.call('POST', '/api/users', { as: 'admin', body: { username: 'target1', password: 'target-pass-1', role: 'attendant' } });
    expect(create.status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login('target1', `wrong-${i}`)).status).toBe(401);
    const blocked = await login('target1', 'target-pass-1');
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await login('attendant1', TEST_PASSWORD)).status).toBe(200); // other usernames are not affected
    t.clock.advance(16);
    expect((await login('target1', 'target-pass-1')).status).toBe(200);
    await t.signInAll();
  });

  it('unknown usernames are throttled too', async () => {
    for (let i = 0; i < 5; i++) await login('ghost', 'x');
    expect((await login('ghost', 'x')).status).toBe(429);
  });
});

describe('CSRF: state changes with the cookie need this origin', () => {
  it('refuses a cookie POST from another origin or with no Origin, accepts the same origin', async () => {
    const { token } = await (await login('attendant1', TEST_PASSWORD)).json();
    const post = (origin?: string) =>
      t.app.request('http://localhost/api/tickets', {
        method: 'POST',
        headers: { cookie: `parkops_session=${token}`, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ licensePlate: `CSRF${origin?.length ?? 0}` }),
      });
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post()).status).toBe(403);
    const same = await post('http://localhost');
    expect(same.status).toBe(201);
    const ticket = await same.json();
    const [row] = await audit('ticket.enter', ticket.ticketNumber);
    expect(row).toMatchObject({ source: 'pwa' });
  });
});

describe('user management', () => {
  it('an admin creates, lists, changes role, resets a password, links Slack and disables; each change is audited', async () => {
    const created = await t.call('POST', '/api/users', { as: 'admin', body: { username: 'Sam.Lee', password: 'first-pass-1', role: 'attendant' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: 'sam.lee', role: 'attendant', disabled: false, slackUserId: null });
    const id = created.json.id;
    expect((await t.call('GET', '/api/users', { as: 'admin' })).json.map((u: { username: string }) => u.username)).toContain('sam.lee');
    const samLogin = await (await login('sam.lee', 'first-pass-1')).json();

    const promoted = await t.call('PATCH', `/api/users/${id}`, { as: 'admin', body: { role: 'manager', slackUserId: 'U0SAMLEE' } });
    expect(promoted.json).toMatchObject({ role: 'manager', slackUserId: 'U0SAMLEE' });

    await t.call('PATCH', `/api/users/${id}`, { as: 'admin', body: { password: 'second-pass-2' } });
    expect((await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${samLogin.token}` } })).status).toBe(401);
    expect((await login('sam.lee', 'first-pass-1')).status).toBe(401);
    const again = await (await login('sam.lee', 'second-pass-2')).json();

    await t.call('PATCH', `/api/users/${id}`, { as: 'admin', body: { disabled: true } });
    expect((await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${again.token}` } })).status).toBe(401);
    const disabledLogin = await login('sam.lee', 'second-pass-2');
    expect(disabledLogin.status).toBe(403);

    const rows = await audit('user.update', 'sam.lee');
    expect(rows.map((r) => r.actor)).toEqual(Array(3).fill(`user:${t.users.admin.id}`));
    expect(JSON.stringify(rows)).not.toContain('second-pass-2');
    expect((await audit('user.create', 'sam.lee'))).toHaveLength(1);
  });

  it.each([
    ['a taken username', { username: 'admin1', password: 'whatever-1', role: 'attendant' }, 409],
    ['a short password', { username: 'newbie', password: 'short', role: 'attendant' }, 400],
    ['an unknown role', { username: 'newbie', password: 'long-enough', role: 'owner' }, 400],
    ['a bad username', { username: 'no spaces', password: 'long-enough', role: 'attendant' }, 400],
  ])('refuses %s', async (_name, body, status) => {
    expect((await t.call('POST', '/api/users', { as: 'admin', body })).status).toBe(status);
  });

  it('an admin cannot lock themselves out', async () => {
    const res = await t.call('PATCH', `/api/users/${t.users.admin.id}`, { as: 'admin', body: { disabled: true } });
    expect(res.status).toBe(400);
  });

  it('404 for an unknown user', async () => {
    expect((await t.call('PATCH', '/api/users/999999', { as: 'admin', body: { role: 'manager' } })).status).toBe(404);
  });
});

describe('audit log', () => {
  it('records logins, failures and changes with actor and source; none for a change that rolled back', async () => {
    const entered = await t.call('POST', '/api/tickets', { body: { licensePlate: 'AUD1' } });
    const ok = await t.call('PUT', `/api/tickets/${entered.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(ok.status).toBe(200);
    const refused = await t.call('PUT', `/api/tickets/${entered.json.ticketNumber}/exit`, { body: { paymentMethod: 'Cash' } });
    expect(refused.status).toBe(409);
    const [enter] = await audit('ticket.enter', entered.json.ticketNumber);
    expect(enter).toMatchObject({ actor: `user:${t.users.attendant.id}`, source: 'api', details: { licensePlate: 'AUD1' } });
    expect(await audit('ticket.exit', entered.json.ticketNumber)).toHaveLength(1);

    await t.call('POST', '/api/tickets', { body: { licensePlate: 'AUD2' } });
    const refusedEntry = await t.call('POST', '/api/tickets', { body: { licensePlate: 'AUD2' } });
    expect(refusedEntry.status).toBe(409);
    const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'ticket.enter' and details->>'licensePlate' = 'AUD2'`;
    expect(row?.n).toBe(1);

    await login('attendant1', 'wrong-password');
    const failed = await audit('auth.login_failed', 'attendant1');
    expect(failed.at(-1)).toMatchObject({ actor: `user:${t.users.attendant.id}`, details: { reason: 'wrong_password' } });
  });

  it('a change that fails after writing its ticket and audit row leaves neither', async () => {
    const plate = readPlate('ROLLBK1')!;
    await expect(
      t.sql.begin(async (tx) => {
        await issueTicket(tx, t.deps, { plate, vehicleType: 'Car' }, { actor: 'system', source: 'system' });
        throw new Error('the receipt printer caught fire');
      }),
    ).rejects.toThrow('receipt printer');
    const [row] = await t.sql<{ tickets: number; audits: number }[]>`
      select (select count(*)::int from tickets where plate_normalized = 'ROLLBK1') as tickets,
             (select count(*)::int from audit_log where details->>'licensePlate' = 'ROLLBK1') as audits`;
    expect(row).toEqual({ tickets: 0, audits: 0 });
  });

  it('GET /api/audit filters and pages, for managers', async () => {
    const page1 = await t.call('GET', '/api/audit?action=ticket.enter&limit=1', { as: 'manager' });
    expect(page1.json.entries).toHaveLength(1);
    expect(page1.json.entries[0].action).toBe('ticket.enter');
    const page2 = await t.call('GET', `/api/audit?action=ticket.enter&limit=1&before=${page1.json.nextBefore}`, { as: 'manager' });
    expect(page2.json.entries[0].id).toBeLessThan(page1.json.entries[0].id);
    const mine = await t.call('GET', `/api/audit?actor=user:${t.users.admin.id}`, { as: 'manager' });
    expect(mine.json.entries.every((e: { actor: string }) => e.actor === `user:${t.users.admin.id}`)).toBe(true);
    expect((await t.call('GET', '/api/audit?limit=0', { as: 'manager' })).status).toBe(400);
  });
});
