import postgres, { type Sql } from 'postgres';

/** How this server's connections are named in pg_stat_activity (per process, for its metrics). */
export const APPLICATION_NAME = `parkops:${process.pid}`;

/** The connection pool ParkOps uses: small, with timeouts, camelCase columns. */
export function connect(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 6,
    idle_timeout: 30,
    connect_timeout: 5,
    max_lifetime: 60 * 30,
    transform: postgres.camel,
    onnotice: () => {},
    connection: { application_name: APPLICATION_NAME, statement_timeout: 15_000, lock_timeout: 10_000 },
  });
}
