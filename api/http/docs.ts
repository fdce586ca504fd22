import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const assetsDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
/** The files of swagger-ui-dist the page uses, by name; a Map, so `constructor` or `__proto__` is simply not one. */
const assets = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

/**
 * The docs page's policy: its scripts are files from here (no inline script: the start-up code is
 * our own swagger-initializer.js, the file swagger-ui-dist expects you to edit); Swagger UI sets inline styles as it renders and shows data: images, and
 * "Try it out" calls this origin.
 */
export const DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ParkOps API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui-dist/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/swagger-ui-dist/swagger-initializer.js"></script>
</body>
</html>
`;

/** Starts Swagger UI on the contract (served as swagger-initializer.js in place of the dist's petstore one). */
const initializer = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: null });\n`;

/** /api/docs: Swagger UI over /api/openapi.json, its files served from here (the garage may be offline). */
export function docsRoutes() {
  return new Hono()
    .get('/', (c) => {
      c.header('Content-Security-Policy', DOCS_POLICY);
      c.header('Cache-Control', 'no-cache');
      return c.html(page);
    })
    .get('/assets/swagger-ui-dist/:file', async (c) => {
      const file = c.req.param('file');
      if (file === 'swagger-initializer.js') return c.body(initializer, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
      const type = assets.get(file);
      if (!type) return c.notFound();
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(await readFile(path.join(assetsDir, file)), 200, { 'Content-Type': type });
    });
}
