import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { AppError } from './app-error.js';

/** How long requests are answered 503 at once after the database was found unreachable, before it is probed again. */
export const CIRCUIT_OPEN_MS = 2000;
/** How long one probe may take before it counts as a failure. */
const PROBE_TIMEOUT_MS = 5000;

/** Errors that say a connection could not be made at all: the database is down or unreachable right now. */
const CANNOT_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'CONNECT_TIMEOUT', '57P03']);

/**
 * Whether the database can be reached, as this server last found it. While it is known to be
 * unreachable the circuit is open: requests are answered 503 at once instead of queueing for a
 * connection that cannot be made (queued requests used to wait 5 to 30 s, or never get an answer).
 * Every CIRCUIT_OPEN_MS one probe (`select 1`) asks again; when it answers, the circuit closes.
 */
export type DatabaseCircuit = {
  /** True while the database is known to be unreachable (answer 503 without trying). */
  isOpen: () => boolean;
  /** A request met a database-unavailable error: a failed connect opens the circuit; a broken connection is probed. */
  failed: (error: unknown) => void;
};

/**
 * A circuit over `probe` (a cheap query on the pool). `clock` is milliseconds, monotonic.
 * @example const circuit = createDatabaseCircuit({ probe: () => pingDatabase(sql), log }); if (circuit.isOpen()) …
 */
export function createDatabaseCircuit(options: { probe: () => Promise<unknown>; log: Logger; openMs?: number; clock?: () => number }): DatabaseCircuit {
  const { probe, log } = options;
  const openMs = options.openMs ?? CIRCUIT_OPEN_MS;
  const clock = options.clock ?? (() => performance.now());
  let openUntil: number | null = null;
  let probing = false;

  const open = (reason: unknown) => {
    if (openUntil === null) log.warn({ err: reason }, 'database unreachable: answering 503 at once until a probe gets through');
    openUntil = clock() + openMs;
  };

  const runProbe = () => {
    if (probing) return;
    probing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`), { code: 'CONNECT_TIMEOUT' })), PROBE_TIMEOUT_MS);
    });
    Promise.race([probe(), timeout]).then(
      () => {
        if (openUntil !== null) log.info({}, 'database reachable again');
        openUntil = null;
      },
      (error: unknown) => open(error),
    ).finally(() => {
      clearTimeout(timer);
      probing = false;
    });
  };

  return {
    isOpen() {
      if (openUntil === null) return false;
      if (clock() >= openUntil) runProbe();
      return true;
    },
    failed(error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && CANNOT_CONNECT.has(code)) open(error);
      else runProbe();
    },
  };
}

/** The answer while the database cannot be reached: 503, with when to try again. */
export function unavailableError(): AppError {
  return new AppError(
    'unavailable',
    'The database is not reachable right now. Try again in a moment; a retry with the same Idempotency-Key never doubles anything.',
    undefined,
    { 'Retry-After': String(Math.ceil(CIRCUIT_OPEN_MS / 1000)) },
  );
}

/**
 * Answers 503 at once while the circuit is open, before anything waits for the database; the
 * `exempt` paths (and those below them) need no database or answer for themselves.
 */
export function failFastWhileDown(circuit: DatabaseCircuit, exempt: string[] = []): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const isExempt = exempt.some((p) => path === p || path.startsWith(`${p}/`));
    if (!isExempt && circuit.isOpen()) throw unavailableError();
    await next();
  };
}
