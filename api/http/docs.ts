import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { swaggerUI } from '@hono/swagger-ui';

const require = createRequire(import.meta.url);
const assetsDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** /api/docs: Swagger UI over /api/openapi.json, its files served from here (the garage may be offline). */
export function docsRoutes() {
  return new Hono()
    .get('/', swaggerUI({ url: '/api/openapi.json', baseUrl: '/api/docs/assets', title: 'ParkOps API' }))
    .get('/assets/swagger-ui-dist/:file', async (c) => {
      const file = c.req.param('file');
      const type = assets[file];
      if (!type) return c.notFound();
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(await readFile(path.join(assetsDir, file)), 200, { 'Content-Type': type });
    });
}
