import type { Logger } from '../logger.js';

/**
 * postgres.js 3.4.9 can throw from a `setImmediate` after a connection's socket closed
 * (`nextWrite` on a null socket: porsager/postgres#1154, #1208, fix pending in #1168/#1209).
 * The query it belonged to has already been rejected with CONNECTION_CLOSED, so nothing is left
 * to settle — but the throw escapes every `try` and would take the server down whenever the
 * database restarts. True for exactly that error.
 */
export function isClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '') &&
    /nextWrite/.test(error.stack ?? '')
  );
}

/**
 * postgres.js 3.4.9 fetches the array types on each new connection and drops that promise
 * (`return fetchArrayTypes()` in `ReadyForQuery`: porsager/postgres#1192, #1205, #1223). When that
 * query fails — the connection reset or ended while PostgreSQL stops, restarts or cancels it — the
 * rejection is unhandled and would end the process, though the connection is simply retried and the
 * query it was opened for fails (or succeeds) on its own. Seen in the fault test once the pool
 * reconnects quickly. True for exactly that rejection: it carries the driver's `pg_type` query.
 */
export function isArrayTypesFetchFailure(error: unknown): boolean {
  const query = (error as { query?: unknown } | null)?.query;
  return typeof query === 'string' && /from pg_catalog\.pg_type a/.test(query) && /b\.typarray/.test(query);
}

/**
 * Keeps the server alive through those two driver bugs; any other uncaught exception or unhandled
 * rejection is logged and ends the process, as Node would.
 */
export function guardDriverCrash(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    if (isClosedSocketWrite(error)) {
      log.warn({ err: error }, 'postgres.js wrote to a closed connection (known driver bug); the query already failed and was answered');
      return;
    }
    if (origin === 'unhandledRejection' && isArrayTypesFetchFailure(error)) {
      log.warn({ err: error }, 'postgres.js lost a new connection while it fetched array types (known driver bug); the connection is retried');
      return;
    }
    log.fatal({ err: error, origin }, 'uncaught exception');
    process.exit(1);
  });
}
