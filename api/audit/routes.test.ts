import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './queries.js';
import { startTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/audit paging', () => {
  it('pages through more than ten rows newest first, each row exactly once, in id order', async () => {
    for (let i = 0; i < 75; i++) {
      await recordAudit(t.sql, { garageId: t.garageId, actor: 'system', source: 'system', action: 'test.paging', subject: `row-${i}` });
    }
    const seen: number[] = [];
    let before: number | null = null;
    for (let page = 0; page < 100; page++) {
      const query: string = `/api/audit?action=test.paging&limit=5${before === null ? '' : `&before=${before}`}`;
      const res = await t.call('GET', query, { as: 'manager' });
      expect(res.status).toBe(200);
      seen.push(...res.json.entries.map((e: { id: number }) => e.id));
      before = res.json.nextBefore;
      if (before === null) break;
    }
    expect(seen).toHaveLength(75);
    expect(new Set(seen).size).toBe(75);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const inTable = (await t.sql<{ id: string }[]>`select id::text from audit_log where action = 'test.paging' order by audit_log.id desc`).map((r) => Number(r.id));
    expect(seen).toEqual(inTable);
  });
});

describe('GET /api/audit filters are bounded at the door', () => {
  it.each(['actor', 'action', 'subject'])('a NUL in %s is a 400 with a sentence', async (name) => {
    const res = await t.call('GET', `/api/audit?${name}=a%00b`, { as: 'manager' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation_failed' });
    expect(res.json.message).toMatch(/NUL/);
  });

  it.each(['0', '-1', '9007199254740993', '1e400', 'abc'])('before=%s is a 400', async (before) => {
    const res = await t.call('GET', `/api/audit?before=${before}`, { as: 'manager' });
    expect(res.status).toBe(400);
  });
});

describe('rows of no garage (staff accounts, sign-ins)', () => {
  it("an admin sees them under the garage's own path too (the app's Audit screen reads it); a manager sees only the garage's rows", async () => {
    await recordAudit(t.sql, { garageId: null, actor: 'user:1', source: 'api', action: 'test.staff_row', subject: 'someone' });
    await recordAudit(t.sql, { garageId: t.garageId, actor: 'user:1', source: 'api', action: 'test.staff_row', subject: 'garage row' });
    const subjects = async (path: string, as: 'manager' | 'admin') => {
      const res = await t.call('GET', `${path}?action=test.staff_row`, { as });
      expect(res.status).toBe(200);
      return res.json.entries.map((e: { subject: string }) => e.subject).sort();
    };
    for (const path of ['/api/audit', `/api/garages/${t.garageId}/audit`]) {
      expect(await subjects(path, 'admin')).toEqual(['garage row', 'someone']);
      expect(await subjects(path, 'manager')).toEqual(['garage row']);
    }
  });
});
