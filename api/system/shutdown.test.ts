import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/garage-day.js';
import { connect } from '../db/connect.js';
import { runningEmbeddedUrl } from '../db/embedded.js';
import { clientFor, signIn, startServerProcess } from '../test/server-process.js';

describe('graceful shutdown on the embedded database', () => {
  it('SIGTERM lets the requests in flight finish before the database stops, then exits 0', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'parkops-shutdown-'));
    await chmod(dataDir, 0o755);
    try {
      const server = await startServerProcess({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'shutdown-admin', LOG_LEVEL: 'info' });
      const client = clientFor(server.url, await signIn(server.url, 'admin', 'shutdown-admin'));
      // a garage a year old (a report starts no earlier than its first day): a year of daily reports
      // is a few hundred queries, still running when the signal comes
      const db = connect((await runningEmbeddedUrl(dataDir))!, { max: 1 });
      await db`update garages set created_at = now() - interval '400 days'`;
      await db.end();
      const today = new Date().toISOString().slice(0, 10); // the garage's timezone is UTC
      const inFlight = Array.from({ length: 6 }, () => client('GET', `/api/reports/daily?from=${addDays(today, -365)}&to=${today}`));
      await new Promise((r) => setTimeout(r, 50));
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
      expect(await exited).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
