/**
 * Builds the attendant app only when its sources changed since the last build (`npm start`):
 *   tsx scripts/build-app.ts
 * The sources are fingerprinted (SHA-256 of every file's path and bytes: pwa/ without its output
 * and tests, shared/, package-lock.json); the fingerprint of the last good build is kept in
 * pwa/dist/.source-hash. `npm run build` always builds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'pwa', 'dist');
const stamp = path.join(dist, '.source-hash');
/** What the build reads: a change to any of these makes a new app. */
const sources = ['pwa', 'shared', 'package-lock.json'];
const skipped = new Set(['node_modules', 'dist', 'dev-dist', 'test']);

async function filesUnder(relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === null) return [relative];
  const nested = await Promise.all(
    entries.filter((e) => !skipped.has(e.name) && !/\.test\.tsx?$/.test(e.name)).map((e) => (e.isDirectory() ? filesUnder(path.join(relative, e.name)) : [path.join(relative, e.name)])),
  );
  return nested.flat();
}

/** The fingerprint of the app's sources as they are now. */
export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(sources.map(filesUnder))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(await readFile(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

const current = await sourceHash();
const built = await readFile(stamp, 'utf8').catch(() => null);
if (built === current) {
  console.log('attendant app is up to date (pwa/dist); not rebuilding');
} else {
  const { build } = await import('vite'); // loaded only to build: it is most of this script's start time
  await build({ configFile: path.join(root, 'pwa', 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stamp, current);
  console.log('attendant app built into pwa/dist');
}
