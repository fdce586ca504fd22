import { readdir, readFile } from 'node:fs/promises';

/** CPU seconds used so far: the server's Node processes, PostgreSQL, and the bench itself with the tools it ran (pgbench). */
export type CpuSample = { server: number; postgres: number; bench: number };

/** CPU per pair of a run, ms: the load-independent view of where the time goes. `postgres` is null when the database is not the server's own. */
export type CpuPerPair = { server: number; postgres: number | null; loadGenerator: number };

/** Linux's USER_HZ: /proc's CPU times are in these ticks. */
const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; comm: string; ppid: number; pgid: number; own: number; reaped: number };

/** One process's /proc/<pid>/stat: name, process group, its own CPU ticks and those of its reaped children. */
function parseStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const comm = text.slice(text.indexOf('(') + 1, close);
  const f = text.slice(close + 2).split(' '); // f[0] is field 3 (state)
  const num = (field: number) => Number(f[field - 3]);
  return { pid: Number(text.slice(0, text.indexOf(' '))), comm, ppid: num(4), pgid: num(5), own: num(14) + num(15), reaped: num(16) + num(17) };
}

async function readStat(pid: string): Promise<ProcStat | null> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(parseStat, () => null); // gone meanwhile: it is reaped into its parent's count
}

/**
 * CPU used so far by the processes of the server's process group — the Node server and, with the
 * embedded database, its postmaster — and by the postmaster's children (backends, autovacuum: each
 * in a session of its own, so found by parent; one that has ended is in the postmaster's reaped
 * time), and by the bench with the children it has waited for (pgbench). Linux only; zeros elsewhere.
 */
export async function sampleCpu(serverGroup: number): Promise<CpuSample> {
  await new Promise((r) => setTimeout(r, 200)); // let the postmaster reap the backends of a run that just ended
  const self = await readStat('self');
  const sample = { server: 0, postgres: 0, bench: self ? (self.own + self.reaped) / TICKS_PER_SECOND : 0 };
  const pids = await readdir('/proc').catch(() => [] as string[]);
  const stats = (await Promise.all(pids.filter((p) => /^\d+$/.test(p)).map(readStat))).filter((s): s is ProcStat => s !== null);
  const postmasters = new Set(stats.filter((s) => s.pgid === serverGroup && s.comm === 'postgres').map((s) => s.pid));
  for (const s of stats) {
    const seconds = (s.own + s.reaped) / TICKS_PER_SECOND;
    if (postmasters.has(s.pid) || postmasters.has(s.ppid)) sample.postgres += seconds;
    else if (s.pgid === serverGroup) sample.server += seconds;
  }
  return sample;
}

/** CPU per pair between two samples, ms. */
export function cpuPerPair(before: CpuSample, after: CpuSample, pairs: number, ownDatabase: boolean): CpuPerPair {
  const per = (a: number, b: number) => (pairs > 0 ? ((b - a) * 1000) / pairs : 0);
  return {
    server: per(before.server, after.server),
    postgres: ownDatabase ? per(before.postgres, after.postgres) : null,
    loadGenerator: per(before.bench, after.bench),
  };
}
