import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Sql } from 'postgres';
import { connect } from '../db/connect.js';

/** The migrated database each test file's own database is copied from. */
export const TEMPLATE_DATABASE = 'parkops_template';

/** A database of a test file's own, copied from the migrated template. */
export type TestDatabase = { sql: Sql; url: string; drop: () => Promise<void> };

/** Makes a fresh, migrated database for one test file on the run's embedded PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = connect(adminUrl, { max: 1 });
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const sql = connect(url, { max: 10 });
  return {
    sql,
    url,
    drop: async () => {
      await sql.end();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
