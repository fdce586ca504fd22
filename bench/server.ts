import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../api/db/embedded.js';

/** A ParkOps server started as a child process for the bench. */
export type BenchServer = {
  baseUrl: string;
  /** Its process group (the server, and the embedded PostgreSQL it starts). */
  groupId: number;
  /** Where its stdout and stderr go. */
  logFile: string;
  /** Stops it (SIGTERM, then SIGKILL to its process group after a grace period); safe to call twice. */
  stop: () => Promise<void>;
  /** Last resort from a synchronous `exit` handler: kills the whole process group now. */
  killNow: () => void;
};

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 20_000;

/**
 * Starts `npx tsx server/main.ts` on a free loopback port in its own process group (so a Ctrl-C in the
 * terminal reaches only the bench, which then stops the server in order), and waits until
 * `/api/status` answers 200.
 */
export async function startServer(options: { root: string; dataDir: string; env: Record<string, string> }): Promise<BenchServer> {
  const port = await freePort();
  const logFile = path.join(options.dataDir, 'server.log');
  const log = createWriteStream(logFile);
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: options.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, PORT: String(port), DATA_DIR: options.dataDir },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  if (child.pid === undefined) throw new Error('the server did not start: no process id');
  const server: BenchServer = { baseUrl, groupId: child.pid, logFile, stop: () => stopChild(child), killNow: () => killGroup(child, 'SIGKILL') };
  try {
    await waitReady(baseUrl, exited);
  } catch (error) {
    await server.stop();
    const tail = (await readFile(logFile, 'utf8')).split('\n').slice(-30).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server log (${logFile}) ---\n${tail}`);
  }
  return server;
}

async function waitReady(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the server exited (code ${gone}) before it was ready`);
    const status = await fetch(`${baseUrl}/api/status`).then(
      (r) => r.status,
      () => 0, // not listening yet: try again
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${baseUrl}/api/status within ${READY_TIMEOUT_MS / 1000} s`);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !groupAlive(child.pid)) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // ESRCH: gone in between
  }
}

/**
 * SIGTERM to the whole process group: npx does not pass a signal on, so the server (main.ts: finish
 * requests, close the pool, stop the embedded database) must get it directly; PostgreSQL, in the same
 * group, takes SIGTERM as a "smart" shutdown that waits for the server's connections to close. Waits
 * until the group is gone, the database included, and kills what is left after the grace period.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  killGroup(child, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    console.error(`the server did not stop within ${STOP_GRACE_MS / 1000} s; killing its process group`);
    killGroup(child, 'SIGKILL');
  }
}
