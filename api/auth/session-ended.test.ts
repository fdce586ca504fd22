import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './passwords.js';
import { insertUser } from '../users/queries.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A new attendant signed in with a token of their own (so ending it disturbs no other test). */
async function freshSession(username: string) {
  const user = await insertUser(t.sql, { username, passwordHash: await hashPassword(TEST_PASSWORD), role: 'attendant' });
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  const { token } = (await res.json()) as { token: string };
  return { id: user!.id, token };
}

async function meWith(token: string | null) {
  const res = await t.app.request('/api/auth/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: (await res.json()) as { code: string; message: string; details?: { reason: string }[] } };
}

describe('a 401 says why the session ended', () => {
  it('no session sent', async () => {
    const res = await meWith(null);
    expect(res).toMatchObject({ status: 401, json: { code: 'unauthorized', details: [{ reason: 'no_session' }] } });
  });

  it('a token nobody issued', async () => {
    const res = await meWith('not-a-real-token-0123456789');
    expect(res.json).toMatchObject({ details: [{ reason: 'unknown' }], message: expect.stringContaining('Sign in again') });
  });

  it('signed out, on this or another device', async () => {
    const s = await freshSession('ended.signout');
    await t.app.request('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: '{}' });
    const res = await meWith(s.token);
    expect(res).toMatchObject({ status: 401, json: { details: [{ reason: 'signed_out' }], message: expect.stringContaining('signed out') } });
  });

  it('the password was reset by an admin', async () => {
    const s = await freshSession('ended.reset');
    const patch = await t.call('PATCH', `/api/users/${s.id}`, { as: 'admin', body: { password: 'a brand new passphrase' } });
    expect(patch.status).toBe(200);
    const res = await meWith(s.token);
    expect(res.json).toMatchObject({ details: [{ reason: 'password_reset' }], message: expect.stringContaining('password was changed') });
  });

  it('the account was disabled', async () => {
    const s = await freshSession('ended.disabled');
    await t.call('PATCH', `/api/users/${s.id}`, { as: 'admin', body: { disabled: true } });
    const res = await meWith(s.token);
    expect(res.json).toMatchObject({ details: [{ reason: 'disabled' }], message: expect.stringContaining('disabled') });
  });

  it('idle longer than the idle limit (12 hours here)', async () => {
    const s = await freshSession('ended.idle');
    t.clock.advance(12 * 60 + 1);
    const res = await meWith(s.token);
    expect(res.json).toMatchObject({ details: [{ reason: 'idle' }], message: 'Your session ended after 12 hours without use. Sign in again.' });
    await t.signInAll();
  });
});
