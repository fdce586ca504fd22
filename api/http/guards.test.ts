import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Every operation of the contract that takes a body, with its path's parameters filled in. */
async function bodyRoutes(): Promise<{ method: string; path: string }[]> {
  const doc = (await t.call('GET', '/api/openapi.json', { as: null })).json as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.requestBody !== undefined)
      .map(([method, _op]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '1') })),
  );
}

/** A JSON body sent as bytes, so no Content-Type goes with it (as from a bare HTTP client). */
const bareJson = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(new Request(`http://localhost${path}`, { method, headers, body: new TextEncoder().encode(JSON.stringify(body)) }));

describe('a JSON body without Content-Type', () => {
  it('is a 400 with a sentence on every route that takes a body, the public login included', async () => {
    const routes = await bodyRoutes();
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/auth/login');
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const expected = { status: 400, code: 'validation_failed', message: 'Send the body as JSON with Content-Type: application/json' };
    const answers = [];
    for (const { method, path } of routes) {
      const res = await bareJson(method, path, { licensePlate: 'NOTYPE1' }, { authorization: `Bearer ${t.users.admin.token}` });
      const body = await res.json();
      answers.push({ route: `${method} ${path}`, status: res.status, code: body.code, message: body.message });
    }
    expect(answers).toEqual(routes.map(({ method, path }) => ({ route: `${method} ${path}`, ...expected })));
  });

  it('the login says so before anything else, signed in or not', async () => {
    const res = await bareJson('POST', '/api/auth/login', { username: 'admin1', password: 'x' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('Send the body as JSON with Content-Type: application/json');
  });

  it('another content type is named in the answer; JSON with a charset or a +json type is fine', async () => {
    const plain = await t.call('POST', '/api/tickets', { body: { licensePlate: 'TYPE1' }, headers: { 'content-type': 'text/plain' } });
    expect(plain).toMatchObject({ status: 400, json: { message: 'Send the body as JSON with Content-Type: application/json (got text/plain)' } });
    const charset = await t.call('POST', '/api/tickets', { body: { licensePlate: 'TYPE2' }, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.status).toBe(201);
  });
});

describe('NUL characters (PostgreSQL text cannot hold them)', () => {
  it('in the login username: 400 naming the field, and no audit row is attempted', async () => {
    const res = await t.call('POST', '/api/auth/login', { as: null, body: { username: 'admin1\u0000', password: 'whatever-1' } });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed', message: 'username: must not contain NUL characters (\\u0000)' } });
  });

  it('anywhere in any JSON body, nested or in a key', async () => {
    const nested = await t.call('POST', '/api/tickets', { body: { licensePlate: 'NUL1', extra: [{ note: 'a\u0000' }] } });
    expect(nested).toMatchObject({ status: 400, json: { message: 'extra.0.note: must not contain NUL characters (\\u0000)' } });
    const key = await t.call('PUT', '/api/garage/settings', { as: 'manager', body: { ['time\u0000zone']: 'UTC' } });
    expect(key.status).toBe(400);
    expect(key.json.message).toMatch(/NUL/);
  });

  it('an escaped backslash before u0000 is text, not a NUL', async () => {
    const res = await t.call('POST', '/api/auth/login', { as: null, body: { username: 'nobody\\u0000', password: 'whatever-1' } });
    expect(res.status).toBe(401);
  });

  it('in a query parameter or the path', async () => {
    const query = await t.call('GET', '/api/tickets?plate=AB%00C');
    expect(query).toMatchObject({ status: 400, json: { message: 'plate: must not contain NUL characters (%00)' } });
    const path = await t.call('GET', '/api/tickets/PS-%00');
    expect(path).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
  });
});
