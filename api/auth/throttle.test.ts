import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { parseTrustedProxies } from '../http/client-address.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A sign-in as a client at `address` would send it (the address is the socket's, as on a real server). */
const login = (username: string, password: string, address?: string, headers: Record<string, string> = {}) =>
  t.app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) },
    address ? { incoming: { socket: { remoteAddress: address } } } : undefined,
  );

/** How many passwords were checked for a username: each check leaves a login or login_failed audit row. */
async function checked(username: string) {
  const [row] = await t.sql<{ failed: number; ok: number; throttled: number }[]>`
    select count(*) filter (where action = 'auth.login_failed')::int as failed,
           count(*) filter (where action = 'auth.login')::int as ok,
           count(*) filter (where action = 'auth.login_throttled')::int as throttled
    from audit_log where subject = ${username}`;
  return row!;
}

async function addUser(username: string, password: string) {
  const res = await t.call('POST', '/api/users', { as: 'admin', body: { username, password, role: 'attendant' } });
  expect(res.status).toBe(201);
}

describe('sign-in throttling under parallel attempts', () => {
  it('30 simultaneous wrong passwords for one username: 5 are checked, 25 get 429 with Retry-After, and then the right one is refused', async () => {
    await addUser('racer1', 'racer-pass-1');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login('racer1', `wrong-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    for (const a of answers.filter((x) => x.status === 429)) {
      const retryAfter = Number(a.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    expect(await checked('racer1')).toEqual({ failed: 5, ok: 0, throttled: 25 });
    const right = await login('racer1', 'racer-pass-1');
    expect(right.status).toBe(429);
    expect(await checked('racer1')).toMatchObject({ failed: 5, ok: 0 });
  });

  it('30 simultaneous attempts with the right password among them: never more than 5 checked before it', async () => {
    await addUser('racer2', 'racer-pass-2');
    const attempts = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'racer-pass-2' : `wrong-${i}`));
    const answers = await Promise.all(attempts.map((p) => login('racer2', p)));
    const got = await checked('racer2');
    const rightAnswer = answers[29]!.status;
    if (rightAnswer === 200) {
      // checked among the first five: then its success frees the username again, as a success should
      expect(got.ok).toBe(1);
    } else {
      expect(rightAnswer).toBe(429);
      expect(got).toMatchObject({ failed: 5, ok: 0 });
    }
    expect(got.failed).toBeLessThanOrEqual(2 * 5 - 1);
  });

  it('a success clears the username’s failures', async () => {
    await addUser('racer3', 'racer-pass-3');
    for (let i = 0; i < 4; i++) expect((await login('racer3', `wrong-${i}`)).status).toBe(401);
    expect((await login('racer3', 'racer-pass-3')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('racer3', `wrong-again-${i}`)).status).toBe(401);
    expect((await login('racer3', 'racer-pass-3')).status).toBe(200);
  });
});

describe('sign-in throttling per client address', () => {
  it('one address spraying one password over many usernames is refused after 30 failures; another address is not', async () => {
    const sprayed = Array.from({ length: 30 }, (_, i) => login(`spray${i}`, 'Summer2026!', '203.0.113.7'));
    expect((await Promise.all(sprayed)).map((a) => a.status)).toEqual(Array(30).fill(401));
    const refused = await login('spray-next', 'Summer2026!', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).message).toMatch(/address/);
    expect((await login('attendant1', 'correct horse battery', '203.0.113.7')).status).toBe(429);
    expect((await login('attendant1', 'correct horse battery', '198.51.100.4')).status).toBe(200);
    t.clock.advance(16);
    expect((await login('attendant1', 'correct horse battery', '203.0.113.7')).status).toBe(200);
  });

  it('simultaneous sprays from one address check at most 30 passwords', async () => {
    const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => login(`burst${i}`, 'Autumn2026!', '203.0.113.9')));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(30);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });

  it('X-Forwarded-For is ignored from a client that is not a trusted proxy', async () => {
    for (let i = 0; i < 30; i++) await login(`xff${i}`, 'Winter2026!', '203.0.113.11', { 'x-forwarded-for': `10.9.0.${i}` });
    expect((await login('xff-next', 'Winter2026!', '203.0.113.11', { 'x-forwarded-for': '10.9.1.1' })).status).toBe(429);
  });

  it('behind a trusted proxy, the address is the one the proxy saw (the right-most untrusted X-Forwarded-For entry)', async () => {
    const behindProxy = createApp({ ...t.deps, trustedProxies: parseTrustedProxies('10.0.0.0/8') });
    const viaProxy = (username: string, forwardedFor: string) =>
      behindProxy.request(
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ username, password: 'Spring2026!' }) },
        { incoming: { socket: { remoteAddress: '::ffff:10.0.0.2' } } },
      );
    // the client makes up the left part; our proxies 10.1.1.1 and 10.0.0.2 add what they saw
    for (let i = 0; i < 30; i++) expect((await viaProxy(`proxied${i}`, `192.0.2.${i}, 198.51.100.77, 10.1.1.1`)).status).toBe(401);
    expect((await viaProxy('proxied-next', '192.0.2.200, 198.51.100.77, 10.1.1.1')).status).toBe(429);
    expect((await viaProxy('proxied-next', '198.51.100.78')).status).toBe(401); // another client behind the same proxy
    const [row] = await t.sql<{ address: string }[]>`select details->>'address' as address from audit_log where subject = 'proxied0'`;
    expect(row!.address).toBe('198.51.100.77');
  });
});
