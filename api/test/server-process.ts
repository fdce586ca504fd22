import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../db/embedded.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** A ParkOps server running as its own process, as an operator would run it. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then wait for it to exit (SIGKILL after a grace period). */
  stop: () => Promise<void>;
  /** kill -9: no shutdown, no goodbye. */
  kill9: () => Promise<void>;
};

/** Starts `server/main.ts` with `env` on a free port and waits until /api/status answers. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.kill('SIGTERM');
      await exited();
      clearTimeout(timer);
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it answered:\n${output}`);
    const up = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false, // not listening yet
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.kill9();
  throw new Error(`server did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
}

/** A tiny HTTP client for a server process: JSON in and out, a bearer token, a timeout always. */
export function clientFor(url: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

/** Signs in on a server process and gives back its token. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await clientFor(url)('POST', '/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.token as string;
}
