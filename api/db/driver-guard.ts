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
 * Keeps the server alive through that one driver bug; any other uncaught exception is logged and
 * ends the process, as Node would.
 */
export function guardDriverCrash(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    if (isClosedSocketWrite(error)) {
      log.warn({ err: error }, 'postgres.js wrote to a closed connection (known driver bug); the query already failed and was answered');
      return;
    }
    log.fatal({ err: error, origin }, 'uncaught exception');
    process.exit(1);
  });
}
