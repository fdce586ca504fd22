import type { Sql, TransactionSql } from 'postgres';

/** Anything a query can run on: the pool, or an open transaction. */
export type Db = Sql | TransactionSql;
export type { Sql, TransactionSql };
