import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Sql } from 'postgres';
import { connect } from './connect.js';
import { migrate, MIGRATIONS_DIR } from './migrate.js';
import { readdir } from 'node:fs/promises';

let admin: Sql;
const made: string[] = [];

/** An empty database (not copied from the migrated template). */
async function emptyDatabase() {
  const name = `migrate_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  made.push(name);
  return inject('databaseUrl').replace(/\/postgres$/, `/${name}`);
}

beforeAll(() => {
  admin = connect(inject('databaseUrl'), { max: 1 });
});
afterAll(async () => {
  for (const name of made) await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
});

describe('migrate', () => {
  it('three servers starting together apply each migration exactly once', async () => {
    const url = await emptyDatabase();
    const pools = [connect(url), connect(url), connect(url)];
    const results = await Promise.all(pools.map((sql) => migrate(sql)));
    const all = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(results.flat().sort()).toEqual(all);
    const rows = await pools[0]!<{ name: string }[]>`select name from schema_migrations order by name`;
    expect(rows.map((r) => r.name)).toEqual(all);
    expect(await migrate(pools[0]!)).toEqual([]);
    await Promise.all(pools.map((sql) => sql.end()));
  });

  it('a failing migration is rolled back whole, named in the error, and not recorded', async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'parkops-migrations-'));
    await writeFile(path.join(dir, '0001_ok.sql'), 'create table a (id int);');
    await writeFile(path.join(dir, '0002_broken.sql'), 'create table b (id int);\ncreate table oops (;');
    const sql = connect(url);
    await expect(migrate(sql, dir)).rejects.toThrow(/0002_broken\.sql/);
    const [row] = await sql<{ names: string[]; hasB: boolean }[]>`
      select array(select name from schema_migrations order by name) as names, to_regclass('b') is not null as has_b`;
    expect(row).toEqual({ names: ['0001_ok.sql'], hasB: false });
    await sql.end();
  });
});
