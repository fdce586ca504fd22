import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { signIn, startServerProcess, type ServerProcess } from '../test/server-process.js';

const PASSWORD = 'inflight-admin';
let db: TestDatabase | undefined;
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
});

type Answer = { i: number; status: number; code?: string | undefined };

/**
 * One request over a keep-alive agent: `written` settles once the whole request is handed to the
 * operating system (so it has reached the server's host), `answer` with its answer, or status 0
 * and the error (a reset connection) when none came.
 */
function send(agent: Agent, url: string, token: string, i: number, method: string, path: string, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const req = request(`${url}${path}`, {
    method,
    agent,
    headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'idempotency-key': `${path}-${i}-${payload}` } : {}) },
    timeout: 20_000,
  });
  const written = new Promise<void>((resolve) => req.once('finish', () => resolve()));
  const answer = new Promise<Answer>((resolve) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ i, status: res.statusCode ?? 0, code: text.startsWith('{') ? JSON.parse(text).code : undefined }));
      res.on('error', (e) => resolve({ i, status: 0, code: e.message }));
    });
    req.once('error', (e: NodeJS.ErrnoException) => resolve({ i, status: 0, code: e.code ?? e.message }));
    req.once('timeout', () => req.destroy(new Error('no answer within 20 s')));
  });
  req.end(payload);
  return { written, answer };
}

/**
 * Opens 8 keep-alive connections (idle again afterwards), then sends 20 requests (reads and entries,
 * on those connections and on fresh ones) and SIGTERM `leadMs` after the last of them was written.
 */
async function burstThenTerm(server: ServerProcess, leadMs: number, tag: string) {
  const token = await signIn(server.url, 'admin', PASSWORD);
  const agent = new Agent({ keepAlive: true });
  await Promise.all(Array.from({ length: 8 }, (_, i) => send(agent, server.url, token, i, 'GET', '/api/garage/stats').answer));
  const today = new Date().toISOString().slice(0, 10);
  const reads = ['/api/garage/stats', '/api/activities?limit=5', `/api/reports/daily?date=${today}`, '/api/auth/me'];
  const burst = Array.from({ length: 20 }, (_, i) =>
    i % 5 === 4 ? send(agent, server.url, token, i, 'POST', '/api/tickets', { licensePlate: `${tag}${i}` }) : send(agent, server.url, token, i, 'GET', reads[i % reads.length]!),
  );
  await Promise.all(burst.map((b) => b.written));
  await new Promise((r) => setTimeout(r, leadMs));
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  const answers = await Promise.all(burst.map((b) => b.answer));
  agent.destroy();
  return { answers, code: await exited };
}

const clean = (a: Answer) => (a.status >= 200 && a.status < 300) || (a.status === 503 && a.code === 'unavailable');

describe('SIGTERM with requests already sent', () => {
  it('20 requests sent ~50 ms (and 0 ms) before SIGTERM, on kept-alive and fresh connections, all get an answer (2xx or a clean 503), none reset', async () => {
    db = await createTestDatabase();
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: db!.url, ADMIN_PASSWORD: PASSWORD })))));
    const [fifty, zero] = await Promise.all([burstThenTerm(servers[0]!, 50, 'TERMA'), burstThenTerm(servers[1]!, 0, 'TERMB')]);
    expect({ lead50: fifty.answers.filter((a) => !clean(a)), lead0: zero.answers.filter((a) => !clean(a)) }, servers.map((s) => s.output()).join('\n---\n')).toEqual({ lead50: [], lead0: [] });
    expect([fifty.code, zero.code]).toEqual([0, 0]);
  }, 120_000);
});
