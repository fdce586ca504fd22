import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_ROLES, hasRole, ROLES, type Role } from '../../shared/auth.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { accessRules } from './access.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the access table', () => {
  it('has a rule for every route the app serves under /api and /r, and no rule for a route that does not exist', () => {
    const served = new Set(
      t.app.routes.filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/r/'))).map((r) => `${r.method} ${r.path}`),
    );
    const ruled = new Set(accessRules.map((r) => `${r.method} ${r.path}`));
    expect([...served].filter((r) => !ruled.has(r))).toEqual([]);
    expect([...ruled].filter((r) => !served.has(r))).toEqual([]);
  });

  const concrete = (path: string) =>
    path.replace(':garageId', String(t.garageId)).replace(':ticketNumber', 'PS-000000').replace(':id', '999999').replace(':file', 'swagger-ui.css');

  const cases = accessRules.flatMap((rule) =>
    ([null, ...ROLES] as (Role | null)[]).map((role) => ({ ...rule, role })),
  );

  it.each(cases)('$method $path as $role', async ({ method, path, access, role }) => {
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
    const res = await t.call(method, concrete(path), { as: role, body });
    if (path === '/api/auth/logout') await t.signInAll(); // that call ended the session it used
    const allowed = access === 'public' || (role !== null && hasRole(role, ACTION_ROLES[access]));
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
    } else {
      expect(res.status).toBe(role === null ? 401 : 403);
      expect(res.json.code).toBe(role === null ? 'unauthorized' : 'forbidden');
    }
  });
});
