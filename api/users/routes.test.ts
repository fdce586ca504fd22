import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('PATCH /api/users/:id bounds the id at the door', () => {
  it.each(['2147483648', '99999999999999999999', '0', '-3', '1.5', 'abc'])('id %s is a 400 with a sentence', async (id) => {
    const res = await t.call('PATCH', `/api/users/${id}`, { as: 'admin', body: { role: 'manager' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation_failed' });
    expect(res.json.message).toMatch(/^id: /);
  });

  it('the largest id is looked up: 404', async () => {
    const res = await t.call('PATCH', '/api/users/2147483647', { as: 'admin', body: { role: 'manager' } });
    expect(res.status).toBe(404);
  });
});
