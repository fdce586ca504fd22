/**
 * The composition root: reads the configuration, starts (or joins) PostgreSQL, and wires the HTTP
 * app (api/), the Slack adapter (bot/) and the schedules (daily summary, key pruning) together.
 * It sits above every part, so no part imports another part above it.
 */
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../api/app.js';
import { createSlack } from '../bot/create-slack.js';
import type { Deps } from '../api/deps.js';
import { ConfigError, loadConfig, type Config } from '../api/config.js';
import { connect, READ_APPLICATION_NAME } from '../api/db/connect.js';
import { checkReadReplica, readReplicaUrl } from '../api/db/read-pool.js';
import { parseTrustedProxies } from '../api/http/client-address.js';
import { guardDriverCrash } from '../api/db/driver-guard.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../api/db/embedded.js';
import { migrate } from '../api/db/migrate.js';
import type { Sql } from '../api/db/types.js';
import { ensureFirstAdmin } from '../api/auth/bootstrap.js';
import { ensureGarage } from '../api/garage/queries.js';
import { startHousekeeping } from '../api/housekeeping.js';
import { createLogger, type Logger } from '../api/logger.js';
import { createDrain, isHttpServer } from './drain.js';
import { receiptKeys } from '../api/receipts/keys.js';

/** How long shutdown waits for requests in flight before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Connections to the read replica: reports and the public feed (itself one query a second at most). */
const READ_POOL_SIZE = 3;

/** Migrations, the garage, the first admin, and a look at the read replica: what a start needs before it can serve. */
async function prepareDatabase(sql: Sql, sqlRead: Sql | undefined, config: Config, log: Logger) {
  const applied = await migrate(sql);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const garageId = await ensureGarage(sql, {
    totalSpaces: config.GARAGE_TOTAL_SPACES,
    hourlyRate: config.GARAGE_HOURLY_RATE_CENTS,
    timezone: config.GARAGE_TIMEZONE,
  });
  const admin = await ensureFirstAdmin(sql, garageId, config.ADMIN_PASSWORD);
  if (sqlRead) await checkReadReplica(sqlRead, log);
  return { garageId, admin };
}

async function start(config: Config, log: Logger) {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.DATA_DIR, {
      info: (msg) => log.info({}, msg),
      error: (msg) => log.error({}, msg),
    });
    url = embedded.url;
  }
  const sql = connect(url);
  const readUrl = readReplicaUrl(config, log);
  const sqlRead = readUrl ? connect(readUrl, { max: READ_POOL_SIZE, applicationName: READ_APPLICATION_NAME }) : undefined;
  const { garageId, admin } = await prepareDatabase(sql, sqlRead, config, log).catch(async (error: unknown) => {
    await Promise.all([sql.end({ timeout: 1 }), sqlRead?.end({ timeout: 1 })]);
    await embedded?.stop(); // do not leave the embedded cluster running behind a failed start
    throw error;
  });
  if (admin?.generatedPassword) {
    // printed once, on purpose, to the console only (not the structured log)
    console.log(`\n  First start: created user "admin" with password ${admin.generatedPassword}\n  Sign in and change it, or set ADMIN_PASSWORD before the first start.\n`);
  } else if (admin) log.info({}, 'first start: created user "admin" with ADMIN_PASSWORD');
  const deps: Deps = {
    sql,
    sqlRead,
    garageId,
    now: () => new Date(),
    randomBytes: (n) => randomBytes(n),
    receiptKeys: receiptKeys(config.RECEIPT_LINK_SECRET),
    log,
    sessionIdleMs: config.SESSION_IDLE_HOURS * 3600_000,
    metricsToken: config.METRICS_TOKEN,
    trustedProxies: parseTrustedProxies(config.TRUSTED_PROXY),
  };
  const slack = createSlack({ deps, config, log });
  deps.alerts = slack.alerts ?? undefined; // anomalies reach the managers' channel when Slack is set up
  const app = createApp(deps, slack.routes);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT }, () => resolve(s));
  });
  const drain = isHttpServer(server) ? createDrain(server) : null;
  log.info({ port: config.PORT, database: embedded ? 'embedded' : 'DATABASE_URL', readReplica: sqlRead ? 'DATABASE_READ_URL' : 'none' }, `ParkOps listening on http://localhost:${config.PORT}`);
  slack.startSummaries();
  const pruning = startHousekeeping(deps);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 5000);
    force.unref();
    // answer everything already sent (queued connections, requests on kept-alive ones), then close
    const { leftOpen } = drain ? await drain.drain(SHUTDOWN_GRACE_MS) : await new Promise<{ leftOpen: number }>((resolve) => server.close(() => resolve({ leftOpen: 0 })));
    if (leftOpen > 0) log.warn({ leftOpen }, 'connections still open after the grace period; closing anyway');
    pruning.stop();
    await slack.stop(); // the summary schedule, and Slack work still running after its ack
    await Promise.all([sql.end({ timeout: SHUTDOWN_GRACE_MS / 1000 }), sqlRead?.end({ timeout: SHUTDOWN_GRACE_MS / 1000 })]);
    if (embedded) await embedded.stop();
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const log = createLogger(config.LOG_LEVEL);
guardDriverCrash(log);
start(config, log).catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : 'start failed');
  process.exit(1);
});
