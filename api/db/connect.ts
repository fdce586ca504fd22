import postgres, { type Sql } from 'postgres';

/** How this server's connections are named in pg_stat_activity (per process, for its metrics). */
export const APPLICATION_NAME = `parkops:${process.pid}`;

/** How its read-replica pool's connections are named (apart, so the primary's metrics never count them). */
export const READ_APPLICATION_NAME = `${APPLICATION_NAME}:read`;

/** Seconds a new connection may take (TCP, TLS and sign-in) before it fails: a reachable database answers far sooner. */
export const CONNECT_TIMEOUT_S = 3;

/**
 * Seconds before the pool tries a connection again after one failed. postgres.js's default grows
 * as 3^n/100 up to 20 s, and queued queries wait out every step — during an outage requests sat
 * in that queue for 5 to 30 s. Capped at 1 s here; the app's circuit (api/http/circuit.ts) keeps
 * new requests out of the queue meanwhile.
 */
export function reconnectDelayS(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 1);
}

/** The connection pool ParkOps uses: small, with timeouts, camelCase columns. */
export function connect(url: string, options: { max?: number; applicationName?: string } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 6,
    idle_timeout: 30,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: reconnectDelayS,
    max_lifetime: 60 * 30,
    transform: postgres.camel,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? APPLICATION_NAME, statement_timeout: 15_000, lock_timeout: 10_000 },
  });
}
