import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `body` in a process of its own with the driver guard on, as the server has it; its output and exit code. */
function runGuarded(body: string, withGuard: boolean) {
  const script = `
    import postgres from 'postgres';
    import { createLogger } from './api/logger.ts';
    import { guardDriverCrash } from './api/db/driver-guard.ts';
    if (${withGuard}) guardDriverCrash(createLogger('warn'));
    ${body}
    console.log('still running');
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// A 1 ms statement_timeout cancels the driver's own array-types query on a new connection
// (porsager/postgres#1205): the same dropped promise a connection lost while PostgreSQL stops leaves.
const failingTypesFetch = `
  const sql = postgres(process.env.DATABASE_URL, { max: 1, connection: { statement_timeout: 1 } });
  await sql\`select 1\`.catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
  await sql.end();
`;

describe('the driver guard', () => {
  it('a failed array-types fetch on a new connection does not end the process', () => {
    const { status, output } = runGuarded(failingTypesFetch, true);
    expect(output).toContain('still running');
    expect(output).toContain('fetched array types (known driver bug)');
    expect(status).toBe(0);
  });

  it('(the bug is real: without the guard, the process dies of it)', () => {
    const { status, output } = runGuarded(failingTypesFetch, false);
    expect(output).not.toContain('still running');
    expect(status).not.toBe(0);
  });

  it('any other unhandled rejection still ends the process', () => {
    const { status, output } = runGuarded(`Promise.reject(new Error('a real bug')); await new Promise((r) => setTimeout(r, 200));`, true);
    expect(output).toContain('a real bug');
    expect(status).toBe(1);
  });
});
