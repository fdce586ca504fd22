import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const get = (path: string) => fetch(`${baseUrl}${path}`);

describe('the server serves the built PWA', () => {
  it.each(['/', '/entry', '/exit', '/settings', '/some/deep/path'])('%s: the app page (SPA fallback), never cached long', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(await r.text()).toContain('<div id="app">');
  });

  it('serves the service worker as JavaScript that browsers re-check on every visit', async () => {
    const r = await get('/sw.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable, with their types', async () => {
    const assets = readdirSync(new URL('../pwa/dist/assets/', import.meta.url));
    const js = assets.find((f) => f.endsWith('.js'))!;
    const css = assets.find((f) => f.endsWith('.css'))!;
    const rj = await get(`/assets/${js}`);
    expect(rj.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(rj.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(`/assets/${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves the manifest and the icons with their types', async () => {
    const m = await get('/manifest.webmanifest');
    expect(m.headers.get('content-type')).toBe('application/manifest+json');
    expect(await m.json()).toMatchObject({ display: 'standalone', start_url: '/' });
    const icon = await get('/icons/icon-192.png');
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await icon.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it.each(['/assets/missing-123.js', '/missing.png'])('%s: a missing file is 404, not the page', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).not.toContain('text/html');
  });

  it('never answers /api paths with the page', async () => {
    for (const path of ['/api', '/api/nope', '/api/tickets/PS-000000']) {
      const r = await get(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('does not serve files outside pwa/dist', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../../package.json']) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain('"dependencies"');
    }
  });
});
