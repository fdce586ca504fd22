import type { Db } from '../db/types.js';
import { loadReceiptKey } from './queries.js';
import { keyFromSecret } from './token.js';

/** Where the key that signs receipt tokens comes from: RECEIPT_LINK_SECRET, else the one kept in the database. */
export type ReceiptKeys = { current: (sql: Db, randomBytes: (n: number) => Uint8Array) => Promise<Buffer> };

/**
 * The receipt key source of a server (one, in Deps, for its HTTP app and its Slack commands alike): derived from `secret` when set (no query ever), else read from
 * (or first stored in) the database once and kept in memory, so a bad token never costs a query
 * after the first request.
 */
export function receiptKeys(secret?: string): ReceiptKeys {
  if (secret !== undefined) {
    const key = keyFromSecret(secret);
    return { current: async () => key };
  }
  const loaded = new WeakMap<Db, Promise<Buffer>>();
  return {
    current(sql, randomBytes) {
      let key = loaded.get(sql);
      if (!key) {
        key = loadReceiptKey(sql, randomBytes(32));
        key.catch(() => loaded.delete(sql)); // a failed read is tried again by the next request
        loaded.set(sql, key);
      }
      return key;
    },
  };
}

