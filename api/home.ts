import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler } from 'hono';

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

/**
 * Serves the built PWA from `dist` for every non-API GET: a file when one matches the path, else
 * `index.html` (SPA fallback) — but a missing file under `/assets/` or with an extension is a 404,
 * so a stale page never gets HTML for a script. `/api/*` is never answered here. Without a build,
 * a page says how to make one.
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
    const body = inside && file !== root ? await fileAt(file) : null;
    if (body) {
      c.header('Content-Type', contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
      c.header('Cache-Control', cacheControl(urlPath));
      return c.body(new Uint8Array(body));
    }
    if (urlPath.startsWith('/assets/') || path.posix.extname(urlPath) !== '') {
      c.header('Cache-Control', 'no-cache');
      return c.text(`Not found: ${urlPath}`, 404);
    }
    const index = await fileAt(path.join(root, 'index.html'));
    c.header('Cache-Control', 'no-cache');
    if (!index) return c.html(placeholder);
    c.header('Content-Type', contentTypes['.html']!);
    return c.body(new Uint8Array(index));
  };
}

/** `/` and every other non-API path: the attendant app. */
export const homePage: Handler = servePwa();
