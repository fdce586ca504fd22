import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import postgres, { type Sql } from 'postgres';
import { logIn, setTotalSpaces } from './api-client.js';
import type { Cleanup } from './cleanup.js';
import type { BenchConfig } from './config.js';
import { runningEmbeddedUrl } from '../api/db/embedded.js';
import { startServer, type BenchServer } from './server.js';

/** A running server with its database, signed in, ready for load. */
export type Prepared = { server: BenchServer; sql: Sql; dbUrl: string; garageId: number; token: string; signingSecret: string; dataDir: string };

/**
 * Starts the server (embedded PostgreSQL in a fresh folder under /tmp, or BENCH_DATABASE_URL),
 * connects to its database, signs in as admin and sizes the garage to BENCH_SPACES (the entry/exit
 * runs keep it BENCH_OCCUPANCY percent full).
 * Everything it starts is registered with `cleanup`.
 */
export async function prepare(root: string, config: BenchConfig, cleanup: Cleanup, say: (line: string) => void): Promise<Prepared> {
  const dataDir = await mkdtemp('/tmp/parkops-bench-');
  await chmod(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must reach it
  if (!config.BENCH_KEEP) cleanup.add('remove the data folder', () => rm(dataDir, { recursive: true, force: true }));
  const password = config.BENCH_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const signingSecret = randomBytes(16).toString('hex');
  say(`starting the server (data in ${dataDir}, database: ${config.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded'})`);
  const server = await startServer({
    root,
    dataDir,
    env: {
      DATABASE_URL: config.BENCH_DATABASE_URL ?? '',
      ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
      GARAGE_TOTAL_SPACES: String(config.BENCH_SPACES),
      SLACK_SIGNING_SECRET: signingSecret,
      // nothing may talk to the real Slack: no bot token, no summary channel, no team check
      SLACK_BOT_TOKEN: '',
      SLACK_SUMMARY_CHANNEL: '',
      SLACK_TEAM_ID: '',
    },
  });
  cleanup.add('stop the server', server.stop);
  cleanup.addLastResort(server.killNow);
  const dbUrl = config.BENCH_DATABASE_URL ?? (await embeddedUrlOf(dataDir)); // the server's own
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {}, connection: { application_name: 'parkops-bench' } });
  cleanup.add('close the bench connections', () => sql.end());
  const [garage] = await sql<{ id: number }[]>`select id from garages order by id limit 1`;
  if (!garage) throw new Error('the server started without a garage');
  const token = await logIn(server.baseUrl, 'admin', password).catch((error: unknown) => {
    const hint = config.BENCH_DATABASE_URL && !config.BENCH_ADMIN_PASSWORD ? ' (this database already had an admin: set BENCH_ADMIN_PASSWORD)' : '';
    throw new Error(`sign-in as admin failed${hint}: ${error instanceof Error ? error.message : String(error)}`);
  });
  await setTotalSpaces(server.baseUrl, token, config.BENCH_SPACES);
  return { server, sql, dbUrl, garageId: garage.id, token, signingSecret, dataDir: path.resolve(dataDir) };
}

/** The running server's embedded PostgreSQL (the bench joins it; it never starts one itself). */
async function embeddedUrlOf(dataDir: string): Promise<string> {
  const url = await runningEmbeddedUrl(dataDir);
  if (!url) throw new Error(`no running embedded PostgreSQL in ${dataDir}`);
  return url;
}
