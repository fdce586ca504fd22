import type { Config } from '../config.js';
import { isDatabaseUnavailable } from '../http/errors.js';
import type { Logger } from '../logger.js';
import type { Sql } from './types.js';

/** How long reads go straight to the primary after the replica failed, before the next read tries it again. */
export const REPLICA_RETRY_MS = 2000;

/** Runs a read that may be as old as the replica's replay lag: on the replica, or on the primary when it cannot answer. */
export type ReadPool = <T>(read: (sql: Sql) => Promise<T>) => Promise<T>;

/** A statement the standby cancelled because replay needed what it read (a recovery conflict): the next one may pass. */
function isRecoveryConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

const answers = (sql: Sql) => sql`select 1`.then(
  () => true,
  () => false,
);

/**
 * Where reports and the public feed read (DATABASE_READ_URL): `replica` while it answers, else
 * `primary`; without a replica, always `primary`. A replica that cannot be reached costs one failed
 * read, answered from the primary, then reads skip it for REPLICA_RETRY_MS — it never reaches the
 * app's database circuit, which is about the primary (a replica outage would otherwise answer the
 * whole API 503). It is blamed only when it also fails a `select 1`, so a primary that went away
 * mid-read is reported as that. A statement cancelled by replay is read again on the primary.
 * @example const reads = createReadPool(deps.sql, deps.sqlRead, deps.log); await reads((sql) => loadPublishedOccupancy(sql));
 */
export function createReadPool(primary: Sql, replica: Sql | undefined, log: Logger, clock: () => number = () => performance.now()): ReadPool {
  if (!replica || replica === primary) return (read) => read(primary);
  let skipUntil: number | null = null;
  return async (read) => {
    if (skipUntil !== null && clock() < skipUntil) return read(primary);
    try {
      const result = await read(replica);
      if (skipUntil !== null) log.info({}, 'the read replica answers again: reports and the public feed read it');
      skipUntil = null;
      return result;
    } catch (error) {
      if (isRecoveryConflict(error)) return read(primary);
      if (!isDatabaseUnavailable(error) || (await answers(replica))) throw error;
      if (skipUntil === null) log.warn({ err: error }, 'the read replica cannot be reached: reports and the public feed read the primary until it answers');
      skipUntil = clock() + REPLICA_RETRY_MS;
      return read(primary);
    }
  };
}

/**
 * The URL of the read replica to open a pool to: DATABASE_READ_URL, only beside DATABASE_URL. The
 * embedded PostgreSQL has no replica of its own, so without DATABASE_URL it is ignored, and the log says so.
 */
export function readReplicaUrl(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_READ_URL'>, log: Logger): string | undefined {
  if (!config.DATABASE_READ_URL) return undefined;
  if (!config.DATABASE_URL) {
    log.warn({}, 'DATABASE_READ_URL is ignored because DATABASE_URL is unset: reports and the public feed read the embedded PostgreSQL like everything else');
    return undefined;
  }
  return config.DATABASE_READ_URL;
}

/**
 * At start: says whether the read replica is a standby. One that cannot be reached now is only
 * logged (reads fall back to the primary until it answers); one that refuses us (wrong password, no
 * such database) will not mend itself, so it stops the start with a message naming DATABASE_READ_URL.
 */
export async function checkReadReplica(replica: Sql, log: Logger): Promise<void> {
  try {
    const [row] = await replica<{ inRecovery: boolean }[]>`select pg_is_in_recovery() as in_recovery`;
    const what = row!.inRecovery ? 'a standby' : 'which is not a standby (pg_is_in_recovery() is false)';
    log.info({ standby: row!.inRecovery }, `reports and the public feed read from DATABASE_READ_URL, ${what}`);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error }, 'DATABASE_READ_URL cannot be reached now: reports and the public feed read the primary until it answers');
      return;
    }
    throw new Error(`DATABASE_READ_URL could not be used: ${error instanceof Error ? error.message : String(error)}`);
  }
}
