import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { connect } from '../db/connect.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/status', () => {
  it('ok without a session while the database answers', async () => {
    expect(await t.call('GET', '/api/status', { as: null })).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it('503 unavailable when the database cannot be reached', async () => {
    const dead = connect('postgres://postgres:x@127.0.0.1:1/none');
    const app = createApp({ ...t.deps, sql: dead });
    const res = await app.request('/api/status');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
    await dead.end();
  });
});

describe('the contract and the page', () => {
  it('serves an OpenAPI 3.1 document generated from the schemas, with every route', async () => {
    const res = await t.call('GET', '/api/openapi.json', { as: null });
    expect(res.json.openapi).toBe('3.1.0');
    const paths = Object.keys(res.json.paths);
    for (const p of ['/api/status', '/api/garage/stats', '/api/tickets', '/api/tickets/{ticketNumber}', '/api/tickets/{ticketNumber}/exit', '/api/activities', '/api/garage/settings', '/api/reports/daily', '/api/auth/login', '/api/users', '/api/audit']) {
      expect(paths).toContain(p);
    }
    const created = res.json.paths['/api/tickets'].post.responses['201'].content['application/json'].schema;
    expect(created.properties).toHaveProperty('ticketNumber');
  });

  it('serves the docs page with its own assets (no CDN)', async () => {
    const page = await t.call('GET', '/api/docs', { as: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    expect(page.text).not.toContain('cdn.jsdelivr');
    const js = await t.app.request('/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
  });

  it('unknown /api paths get 404 in the error shape', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res).toMatchObject({ status: 404, json: { code: 'not_found' } });
  });

  it('a page at / for every other path', async () => {
    const res = await t.app.request('/some/screen');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
