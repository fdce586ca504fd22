import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { connect } from '../db/connect.js';
import { createLogger } from '../logger.js';
import { receiptKeys } from '../receipts/keys.js';

// The contract is built from the route definitions alone: a pool that points nowhere shows no query is needed.
const sql = connect('postgres://postgres:x@127.0.0.1:1/none', { max: 1 });
afterAll(() => sql.end());

const app = createApp({
  sql,
  garageId: 1,
  now: () => new Date('2026-11-23T12:00:00.000Z'),
  randomBytes: (n) => new Uint8Array(n),
  receiptKeys: receiptKeys(),
  log: createLogger('silent'),
  sessionIdleMs: 12 * 3600_000,
});

let config: Awaited<ReturnType<typeof createConfig>>;
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] });
});

/**
 * Findings accepted on purpose, each with why; every other one fails the test.
 * GET /api/status takes no input and needs no session, so it has no 4xx answer to declare:
 * inventing one to please the linter would mislead the people writing clients.
 */
const accepted = [{ ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1status/get/responses' }];
const matches = (p: NormalizedProblem, a: (typeof accepted)[number]) => p.ruleId === a.ruleId && p.location[0]?.pointer === a.pointer;

/** One line per problem: severity, rule, message and the JSON pointer into the document, so a failure says what to fix. */
function describeProblem(p: NormalizedProblem) {
  const where = p.location.map((l) => l.pointer ?? `line ${l.start.line}:${l.start.col}`).join(', ');
  return `${p.severity} ${p.ruleId}: ${p.message} at ${where}`;
}

/** Lints an OpenAPI document (as text) with Redocly's `recommended` ruleset. */
function lint(source: string) {
  return lintFromString({ source, absoluteRef: 'openapi.json', config });
}

describe("the OpenAPI document under Redocly's recommended rules", () => {
  it('GET /api/openapi.json has no errors and no warnings beyond the accepted ones', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const problems = await lint(await res.text());
    expect(problems.filter((p) => !accepted.some((a) => matches(p, a))).map(describeProblem)).toEqual([]);
    expect(accepted.filter((a) => !problems.some((p) => matches(p, a))), 'accepted findings that no longer occur: drop them').toEqual([]);
  });

  it('the linter does flag a document missing what clients need (so the test above can fail)', async () => {
    const bare = {
      openapi: '3.1.0',
      info: { title: 'Bare', version: '1' },
      paths: { '/things': { get: { summary: 'Things', responses: { 200: { description: 'ok' } } } } },
    };
    const problems = (await lint(JSON.stringify(bare))).map(describeProblem);
    for (const rule of ['no-empty-servers', 'operation-operationId', 'operation-4xx-response', 'info-license']) {
      expect(problems.some((p) => p.includes(` ${rule}: `)), `${rule} in\n${problems.join('\n')}`).toBe(true);
    }
  });
});
