import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { TEMPLATE_DATABASE } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Starts one embedded PostgreSQL for the whole run and migrates a template every test file copies. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parkops-test-'));
  await chmod(dataDir, 0o755);
  const quiet = { info: () => {}, error: (m: string) => console.error(m) };
  const db = await startEmbeddedPostgres(dataDir, quiet);
  const admin = connect(db.url, { max: 1 });
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = connect(db.url.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`), { max: 1 });
  await migrate(template);
  await template.end();
  project.provide('databaseUrl', db.url);
  return async () => {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
