import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, chmod, chown, copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { Sql } from 'postgres';
import { connect } from '../db/connect.js';
import { EMBEDDED_FLAGS, freePort, postgresBinary, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';

/** A PostgreSQL primary and a hot standby streaming from it, each a real server of its own. */
export type StreamingPair = { primaryUrl: string; standbyUrl: string; stop: () => Promise<void> };

/** Files a base backup leaves out, and folders it copies empty (as pg_basebackup does). */
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init']);
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);
const START_TIMEOUT_MS = 15_000;
const quiet = { info: () => {}, error: (m: string) => console.error(m) };

/**
 * Starts a primary (the embedded PostgreSQL), runs `prepare` on it (migrations, say), and makes a
 * streaming standby of it without pg_basebackup (the embedded binaries lack it): the low-level
 * backup API around a copy of the data folder, `backup_label`, `standby.signal`, `primary_conninfo`
 * and a physical replication slot (so the WAL the standby needs is kept). Whatever fails, nothing
 * is left running; `stop()` stops both servers and removes their folders.
 */
export async function startStreamingPair(prepare: (primaryUrl: string) => Promise<void> = async () => {}): Promise<StreamingPair> {
  const root = await mkdtemp(path.join(tmpdir(), 'parkops-replica-'));
  await chmod(root, 0o755);
  let primary: EmbeddedDatabase | undefined;
  let standby: ChildProcess | undefined;
  const stop = async () => {
    await Promise.allSettled([standby ? stopServer(standby) : undefined, primary?.stop()]);
    await rm(root, { recursive: true, force: true });
  };
  try {
    primary = await startEmbeddedPostgres(path.join(root, 'primary'), quiet, { scratch: true });
    await prepare(primary.url);
    const standbyDir = path.join(root, 'standby', 'pg');
    await copyAsBaseBackup(primary.url, path.join(root, 'primary', 'pg'), standbyDir);
    const port = await freePort();
    standby = await startStandby(standbyDir, port);
    const standbyUrl = new URL(primary.url);
    standbyUrl.port = String(port);
    return { primaryUrl: primary.url, standbyUrl: standbyUrl.toString(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A base backup of the running primary in `to`, set up to stream from it as a hot standby. */
async function copyAsBaseBackup(primaryUrl: string, from: string, to: string): Promise<void> {
  const sql = connect(primaryUrl, { max: 1 });
  try {
    await sql`select pg_create_physical_replication_slot('standby', true)`;
    // the backup belongs to the session that started it: one connection (max: 1) for all three steps
    await sql`select pg_backup_start('parkops-standby', true)`;
    await mkdir(path.dirname(to), { recursive: true, mode: 0o755 });
    await copyCluster(from, to);
    const [stopped] = await sql<{ labelfile: string; spcmapfile: string }[]>`select labelfile, spcmapfile from pg_backup_stop(false)`;
    await writeFile(path.join(to, 'backup_label'), stopped!.labelfile);
    if (stopped!.spcmapfile) await writeFile(path.join(to, 'tablespace_map'), stopped!.spcmapfile);
  } finally {
    await sql.end();
  }
  const primary = new URL(primaryUrl);
  await writeFile(path.join(to, 'standby.signal'), '');
  const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=parkops-standby`;
  await appendFile(path.join(to, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo.replaceAll("'", "''")}'\nprimary_slot_name = 'standby'\n`);
  await chmod(to, 0o700);
  const owner = await stat(from); // the `postgres` user when the tests run as root
  if (userInfo().uid === 0) await chownTree(to, owner.uid, owner.gid);
}

/**
 * Copies a running cluster's folder as a base backup does, files in parallel (fs.cp took seconds):
 * without the files and folder contents of SKIP_FILES and EMPTY_DIRS. A file PostgreSQL removes
 * meanwhile is skipped; WAL replay from the backup's start makes the copy consistent.
 */
async function copyCluster(from: string, to: string): Promise<void> {
  const entries = (await readdir(from, { recursive: true, withFileTypes: true })).filter((e) => {
    const [top, ...below] = path.relative(from, path.join(e.parentPath, e.name)).split(path.sep);
    return !SKIP_FILES.has(e.name) && !(below.length > 0 && EMPTY_DIRS.has(top!));
  });
  await mkdir(to, { mode: 0o700 });
  for (const dir of entries.filter((e) => e.isDirectory())) await mkdir(path.join(to, path.relative(from, path.join(dir.parentPath, dir.name))), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map((f) =>
        copyFile(path.join(from, f), path.join(to, f)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error; // removed since it was listed: not part of the backup
        }),
      ),
    );
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { recursive: true })) await chown(path.join(dir, entry), uid, gid);
}

/** Starts `postgres` on the standby's folder and waits until it takes read-only connections. */
async function startStandby(dataDir: string, port: number): Promise<ChildProcess> {
  const owner = await stat(dataDir);
  const flags = ['-D', dataDir, '-p', String(port), ...EMBEDDED_FLAGS, '-c', 'fsync=off'];
  const child = spawn(postgresBinary(), flags, { ...(userInfo().uid === 0 ? { uid: owner.uid, gid: owner.gid } : {}), stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the standby did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready to accept read-only connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the standby exited with ${code} before it started:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopServer(child);
    throw error;
  });
  child.stderr!.resume(); // keep reading its log, or a full pipe would stall it
  return child;
}

/** SIGINT (PostgreSQL's fast shutdown), then SIGKILL if it is still running after 10 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  child.kill('SIGINT');
  await exited;
  clearTimeout(timer);
}

/** Waits until `standby` has replayed everything `primary` had written when called. */
export async function waitForReplay(primary: Sql, standby: Sql, timeoutMs = 10_000): Promise<void> {
  const [written] = await primary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  const lsn = written!.lsn;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await standby<{ caughtUp: boolean }[]>`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as caught_up`;
    if (row!.caughtUp) return;
    if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Pauses the standby's replay (it keeps receiving WAL, and answers from what it had replayed) until `resumeReplay`. */
export async function pauseReplay(standby: Sql): Promise<void> {
  await standby`select pg_wal_replay_pause()`;
  for (let i = 0; i < 500; i++) {
    const [row] = await standby<{ state: string }[]>`select pg_get_wal_replay_pause_state() as state`;
    if (row!.state === 'paused') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the standby did not pause its replay');
}

/** Lets the standby replay again. */
export async function resumeReplay(standby: Sql): Promise<void> {
  await standby`select pg_wal_replay_resume()`;
}
