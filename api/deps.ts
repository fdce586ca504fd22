import type { Alerts } from './alerts.js';
import type { Sql } from './db/types.js';
import type { TrustedProxies } from './http/client-address.js';
import type { Logger } from './logger.js';
import type { ReceiptKeys } from './receipts/keys.js';

/** What the app is built from; tests pass their own clock and database. */
export type Deps = {
  /** The primary: every write, and every read but those below. */
  sql: Sql;
  /**
   * The read replica's pool (DATABASE_READ_URL), where reports and the public feed read — through
   * `createReadPool`, which falls back to `sql` while it cannot be reached; unset: they read `sql`.
   */
  sqlRead?: Sql | undefined;
  garageId: number;
  now: () => Date;
  randomBytes: (n: number) => Uint8Array;
  log: Logger;
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** The bearer token the metrics scraper sends; unset: no /metrics. */
  metricsToken?: string | undefined;
  /** Where anomalies are announced to managers (the Slack adapter, wired by the composition root); unset: nowhere. */
  alerts?: Alerts | undefined;
  /** The key that signs receipt links (`receiptKeys(RECEIPT_LINK_SECRET)`, api/receipts/keys.ts): one per server, for HTTP and Slack. */
  receiptKeys: ReceiptKeys;
  /** Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (TRUSTED_PROXY); unset: none. */
  trustedProxies?: TrustedProxies | undefined;
};
