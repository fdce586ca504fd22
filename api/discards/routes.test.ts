import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Discard, DiscardPage } from '../../shared/discards.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { refusedCashExit } from '../test/discards.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const paidExit = refusedCashExit;

const audits = (action: string) =>
  t.sql<{ actor: string; subject: string; details: Record<string, unknown> }[]>`select actor, subject, details from audit_log where action = ${action} order by id`;

describe('POST /api/discards', () => {
  it('records who discarded what, the amount and why; a paid exit waits for a manager', async () => {
    const res = await t.call('POST', '/api/discards', { body: paidExit('exit-key-1') });
    expect(res.status).toBe(201);
    const discard = Discard.parse(res.json);
    expect(discard).toMatchObject({
      kind: 'exit',
      status: 'needs_manager',
      amountCents: 6000,
      paymentMethod: 'Cash',
      discardedBy: { id: t.users.attendant.id, username: 'attendant1' },
      discardedAt: t.clock.now.toISOString(),
      resolution: null,
    });
    const [audit] = (await audits('outbox.discard')).filter((a) => a.details.discardId === discard.id);
    expect(audit).toMatchObject({
      actor: `user:${t.users.attendant.id}`,
      subject: 'OFF-3F9A1C',
      details: { kind: 'exit', status: 'needs_manager', amountCents: 6000, paymentMethod: 'Cash', reason: paidExit('').reason, refusal: 'garage_full' },
    });
  });

  it('an entry (no money taken) is kept as a record', async () => {
    const res = await t.call('POST', '/api/discards', {
      body: paidExit('entry-key-1', { kind: 'entry', paymentMethod: null, amountCents: null, reason: 'Typed the plate wrong' }),
    });
    expect(res).toMatchObject({ status: 201, json: { status: 'recorded', kind: 'entry' } });
  });

  it('the same item reported again is the same record; another person with the same key makes their own', async () => {
    const first = await t.call('POST', '/api/discards', { body: paidExit('exit-key-2') });
    const again = await t.call('POST', '/api/discards', { body: paidExit('exit-key-2') });
    expect(again).toMatchObject({ status: 201, json: { id: first.json.id } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await t.call('POST', '/api/discards', { as: 'manager', body: paidExit('exit-key-2') });
    expect(other.json.id).not.toBe(first.json.id);
    const rows = (await audits('outbox.discard')).filter((a) => a.details.discardId === first.json.id);
    expect(rows).toHaveLength(1);
  });

  it('the same item reported ten times at once (a phone retrying on a bad link) is one record with one audit row', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.call('POST', '/api/discards', { body: paidExit('race-report') })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect((await audits('outbox.discard')).filter((a) => a.details.discardId === answers[0]!.json.id)).toHaveLength(1);
  });

  it.each([
    ['a reason of two letters', { reason: 'no' }, 'reason'],
    ['an amount over 10 million dollars', { amountCents: 1_000_000_001 }, 'amountCents'],
    ['a negative amount', { amountCents: -1 }, 'amountCents'],
    ['an unknown payment method', { paymentMethod: 'Gold' }, 'paymentMethod'],
    ['a time that is not an instant', { happenedAt: 'yesterday' }, 'happenedAt'],
    ['a key of 256 characters', { key: 'k'.repeat(256) }, 'key'],
    ['an unknown field', { extra: 1 }, '(body)'],
  ])('refuses %s with a 400 naming the field', async (_label, over, path) => {
    const res = await t.call('POST', '/api/discards', { body: paidExit('bad-key', over) });
    expect(res).toMatchObject({ status: 400, json: { code: 'validation_failed' } });
    expect(res.json.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('the payments a manager resolves', () => {
  it('managers list what waits for them, newest first, and page through it', async () => {
    for (const k of ['page-1', 'page-2', 'page-3']) await t.call('POST', '/api/discards', { body: paidExit(k) });
    const first = await t.call('GET', '/api/discards?status=needs_manager&limit=2', { as: 'manager' });
    const page = DiscardPage.parse(first.json);
    expect(page.discards).toHaveLength(2);
    expect(page.discards.every((d) => d.status === 'needs_manager')).toBe(true);
    expect(page.discards[0]!.id).toBeGreaterThan(page.discards[1]!.id);
    const second = DiscardPage.parse((await t.call('GET', `/api/discards?status=needs_manager&limit=2&before=${page.nextBefore}`, { as: 'manager' })).json);
    expect(second.discards[0]!.id).toBeLessThan(page.discards[1]!.id);
    expect((await t.call('GET', '/api/discards', { as: 'attendant' })).status).toBe(403);
  });

  it('a manager resolves a paid exit once, with a note; a second time is 409', async () => {
    const { json: d } = await t.call('POST', '/api/discards', { body: paidExit('resolve-1') });
    const res = await t.call('POST', `/api/discards/${d.id}/resolve`, { as: 'manager', body: { note: 'Cash counted in the drawer, $60' } });
    expect(res).toMatchObject({
      status: 200,
      json: { status: 'resolved', resolution: { by: { username: 'manager1' }, note: 'Cash counted in the drawer, $60' } },
    });
    const again = await t.call('POST', `/api/discards/${d.id}/resolve`, { as: 'admin', body: { note: 'again' } });
    expect(again).toMatchObject({ status: 409, json: { code: 'already_resolved', message: expect.stringContaining('manager1') } });
    const [audit] = (await audits('outbox.discard.resolve')).filter((a) => a.subject === String(d.id));
    expect(audit).toMatchObject({ actor: `user:${t.users.manager.id}`, details: { note: 'Cash counted in the drawer, $60' } });
  });

  it('ten managers resolving at the same moment: one resolution, one audit row', async () => {
    const { json: d } = await t.call('POST', '/api/discards', { body: paidExit('race-1') });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call('POST', `/api/discards/${d.id}/resolve`, { as: i % 2 ? 'manager' : 'admin', body: { note: `click ${i}` } })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    expect((await audits('outbox.discard.resolve')).filter((a) => a.subject === String(d.id))).toHaveLength(1);
  });

  it('nothing to resolve where no money was taken; unknown and out-of-range ids', async () => {
    const { json: d } = await t.call('POST', '/api/discards', { body: paidExit('entry-2', { kind: 'entry', paymentMethod: null, amountCents: null }) });
    expect(await t.call('POST', `/api/discards/${d.id}/resolve`, { as: 'manager', body: { note: 'nothing' } })).toMatchObject({
      status: 409,
      json: { message: expect.stringContaining('no money was taken') },
    });
    expect((await t.call('POST', '/api/discards/999999/resolve', { as: 'manager', body: { note: 'nothing' } })).status).toBe(404);
    expect((await t.call('POST', '/api/discards/2147483648/resolve', { as: 'manager', body: { note: 'nothing' } })).status).toBe(400);
    expect((await t.call('POST', `/api/discards/${d.id}/resolve`, { as: 'manager', body: { note: '' } })).status).toBe(400);
  });
});
