import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Handler } from 'hono';

/** Where `npm run build` puts the attendant app. */
export const PWA_DIST = fileURLToPath(new URL('../pwa/dist/', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  // The plate reader's opt-in download (pwa/vite.config.ts): WebAssembly must be typed so to compile as it streams.
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

/**
 * How long a browser may keep a file: Vite's hashed assets forever; the page, the service worker
 * and the manifest never without asking (so an update is seen on the next visit); icons an hour.
 */
export function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (urlPath === '/sw.js' || urlPath.endsWith('.html') || urlPath.endsWith('.webmanifest')) return 'no-cache';
  return 'public, max-age=3600';
}

const placeholder = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ParkOps</title>
<style>
  body { font: 18px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1.25rem; background: #0b1220; color: #f3f6fb; }
  main { max-width: 36rem; margin: auto; }
  a { color: #8fd3ff; }
  code { background: #1d2a44; padding: 0.1rem 0.3rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
  <h1>ParkOps</h1>
  <p>The API is running, but the attendant app has not been built yet: run <code>npm run build</code> (or start with <code>npm start</code>, which builds it first), then reload.</p>
  <p>Meanwhile: <a href="/api/docs">API docs</a> (<a href="/api/openapi.json">OpenAPI 3.1</a>), health at <a href="/api/status"><code>/api/status</code></a>.</p>
</main>
</body>
</html>`;

async function fileAt(file: string): Promise<Buffer | null> {
  const s = await stat(file).catch(() => null);
  return s?.isFile() ? readFile(file) : null;
}

/** The precompressed copies the build writes beside each text file (pwa/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The encodings a client accepts, from its `Accept-Encoding` (`q=0` refuses one; `*` accepts any).
 * @example acceptedEncodings('gzip, deflate, br;q=0.9') // Set { 'gzip', 'deflate', 'br' }
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name === '*') ENCODINGS.forEach((e) => accepted.add(e.name));
    else accepted.add(name);
  }
  return accepted;
}

/** A file as sent: its precompressed copy in the best encoding the client takes, else itself. */
async function bestCopy(file: string, acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding: string | null } | null> {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const e of ENCODINGS) {
    if (!accepted.has(e.name)) continue;
    const body = await fileAt(file + e.suffix);
    if (body) return { body, encoding: e.name };
  }
  const body = await fileAt(file);
  return body ? { body, encoding: null } : null;
}

/**
 * Serves the built PWA from `dist` for every non-API GET: a file when one matches the path, else
 * `index.html` (SPA fallback) — but a missing file under `/assets/` or with an extension is a 404,
 * so a stale page never gets HTML for a script. `/api/*` is never answered here. Text files go as
 * their brotli or gzip copy when the client takes one (the build writes them: no compressing per
 * request). Without a build, a page says how to make one.
 */
export function servePwa(dist: string = PWA_DIST): Handler {
  const root = path.resolve(dist);
  return async (c) => {
    const urlPath = c.req.path;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return c.json({ message: `No such API endpoint: ${c.req.method} ${urlPath}`, code: 'not_found' }, 404);
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return c.text('Bad path', 400);
    }
    const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
    const inside = file === root || file.startsWith(root + path.sep);
    const acceptEncoding = c.req.header('accept-encoding');
    const found = inside && file !== root && !ENCODINGS.some((e) => file.endsWith(e.suffix)) ? await bestCopy(file, acceptEncoding) : null;
    if (found) return send(c, found, contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream', cacheControl(urlPath));
    if (urlPath.startsWith('/assets/') || path.posix.extname(urlPath) !== '') {
      c.header('Cache-Control', 'no-cache');
      return c.text(`Not found: ${urlPath}`, 404);
    }
    const index = await bestCopy(path.join(root, 'index.html'), acceptEncoding);
    if (!index) {
      c.header('Cache-Control', 'no-cache');
      return c.html(placeholder);
    }
    return send(c, index, contentTypes['.html']!, 'no-cache');
  };
}

/** Sends a file (or its compressed copy) with its type, caching, and `Vary` so caches keep each encoding apart. */
function send(c: Context, copy: { body: Buffer; encoding: string | null }, type: string, cache: string) {
  c.header('Content-Type', type);
  c.header('Cache-Control', cache);
  c.header('Vary', 'Accept-Encoding');
  if (copy.encoding) c.header('Content-Encoding', copy.encoding);
  return c.body(new Uint8Array(copy.body));
}

/** `/` and every other non-API path: the attendant app. */
export const homePage: Handler = servePwa();
