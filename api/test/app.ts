import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/auth.js';
import { createApp } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { insertUser } from '../users/queries.js';
import { ensureGarage } from '../garage/queries.js';
import { createLogger } from '../logger.js';
import type { Sql } from '../db/types.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { receiptKeys } from '../receipts/keys.js';

/** The password every test account gets. */
export const TEST_PASSWORD = 'correct horse battery';

/** A clock a test can set and move. */
export type TestClock = { now: Date; advance: (minutes: number) => void };

/**
 * The real app on a database of this test file's own (or `database`, a migrated one the test
 * brings, with `sqlRead` as its read replica), with an attendant, a manager and an admin signed in,
 * a clock the test moves, and helpers to call the API as any of them.
 */
export async function startTestApp(
  options: { totalSpaces?: number; hourlyRate?: number; timezone?: string; start?: string; database?: TestDatabase; sqlRead?: Sql } = {},
) {
  const db = options.database ?? (await createTestDatabase());
  const garageId = await ensureGarage(db.sql, {
    totalSpaces: options.totalSpaces ?? 140,
    hourlyRate: options.hourlyRate ?? 1000,
    timezone: options.timezone ?? 'UTC',
  });
  const clock: TestClock = {
    now: new Date(options.start ?? '2026-11-23T12:00:00.000Z'),
    advance(minutes) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const deps = {
    sql: db.sql,
    sqlRead: options.sqlRead,
    garageId,
    now: () => clock.now,
    randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
    receiptKeys: receiptKeys(),
    log: createLogger('silent'),
    sessionIdleMs: 12 * 3600_000,
  };
  const app = createApp(deps);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = {} as Record<Role, { id: number; username: string; token: string }>;
  for (const role of ['attendant', 'manager', 'admin'] as const) {
    const user = await insertUser(db.sql, { username: `${role}1`, passwordHash, role });
    users[role] = { id: user!.id, username: user!.username, token: '' };
  }

  /** Signs every test account in (again): after moving the clock past the idle timeout, say. */
  async function signInAll() {
    for (const user of Object.values(users)) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`test sign-in of ${user.username} failed: ${res.status}`);
      user.token = ((await res.json()) as { token: string }).token;
    }
  }
  await signInAll();

  /** Calls the API as `role` (bearer token); a JSON `body` is sent with its content type. */
  async function call(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; as?: Role | null } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    const role = init.as === undefined ? 'attendant' : init.as;
    if (role) headers.authorization = `Bearer ${users[role].token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined; // not JSON (CSV, HTML): the test reads `text`
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  return { app, deps, sql: db.sql, garageId, clock, users, call, signInAll, close: db.drop };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
