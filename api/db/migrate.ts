import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

/** Where the forward-only migrations live: `sql/NNNN_name.sql`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));

/** Any fixed number shared by every ParkOps server: the advisory lock migrations run under. */
const MIGRATION_LOCK = 727_274_001;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in name order, each in its own
 * transaction, under a PostgreSQL advisory lock so servers starting together apply each once.
 * Returns the names it applied.
 */
export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const conn = await sql.reserve();
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await conn`
      create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`;
    const done = new Set((await conn<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      const text = await readFile(path.join(dir, file), 'utf8');
      await conn.unsafe(`begin;\n${text}\n;insert into schema_migrations (name) values ('${file}');\ncommit;`).catch(async (error: unknown) => {
        await conn`rollback`.catch(() => undefined); // the failed migration's error is the one to report
        throw new Error(`migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      applied.push(file);
    }
    return applied;
  } finally {
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined); // the session ends with release() anyway
    conn.release();
  }
}
