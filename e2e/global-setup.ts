/**
 * Builds the PWA, then starts the real server (embedded PostgreSQL in a fresh temp folder) on a
 * free port for the end-to-end tests, and stops it afterwards, whatever happened.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const ADMIN_PASSWORD = 'e2e-admin-password';
const BUILD_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForStatus(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before answering:\n${output()}`);
    const ok = await fetch(`${url}/api/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/status within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      // Graceful shutdown did not finish: end the server's whole process group.
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // vitest sets NODE_ENV=test; the app is built as it ships.
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', timeout: BUILD_TIMEOUT_MS, env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal})`);
  }
  const dataDir = mkdtempSync('/tmp/parkops-e2e-');
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      GARAGE_TOTAL_SPACES: '140',
      GARAGE_HOURLY_RATE_CENTS: '1000',
      GARAGE_TIMEZONE: 'UTC',
      DATABASE_URL: '',
      SLACK_SIGNING_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const teardown = async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (log.trim()) console.log(`server log:\n${log.slice(-4000)}`);
  };
  try {
    await waitForStatus(baseUrl, server, () => log);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return teardown;
}
