import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, servePwa } from './home.js';

/** A built app as `npm run build` leaves it: text files with their .br and .gz copies beside them. */
const dist = mkdtempSync(path.join(tmpdir(), 'parkops-dist-'));
const files: Record<string, string> = {
  'index.html': '<!doctype html><title>ParkOps</title>'.repeat(20),
  'assets/index-abc123.js': 'console.log("the attendant app");'.repeat(50),
  'sw.js': 'self.addEventListener("fetch", () => {});',
  'icons/icon-192.png': 'not really a png',
};
mkdirSync(path.join(dist, 'assets'));
mkdirSync(path.join(dist, 'icons'));
for (const [name, text] of Object.entries(files)) {
  writeFileSync(path.join(dist, name), text);
  if (name.endsWith('.png') || name === 'sw.js') continue; // the build leaves some files uncompressed
  writeFileSync(path.join(dist, `${name}.br`), brotliCompressSync(text));
  writeFileSync(path.join(dist, `${name}.gz`), gzipSync(text));
}
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono().get('*', servePwa(dist));
const get = async (urlPath: string, acceptEncoding?: string) => {
  const res = await app.request(urlPath, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('static files go precompressed, chosen by Accept-Encoding', () => {
  it('brotli when the browser takes it, with the type, Vary and long-lived caching of a hashed file', async () => {
    const { res, bytes } = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(bytes).toString()).toBe(files['assets/index-abc123.js']);
    expect(bytes.length).toBeLessThan(files['assets/index-abc123.js']!.length / 3);
  });

  it('gzip when brotli is not taken (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const { res, bytes } = await get('/assets/index-abc123.js', accept);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(bytes).toString()).toBe(files['assets/index-abc123.js']);
    }
  });

  it('the file itself for a client that takes neither, and for files without copies', async () => {
    const plain = await get('/assets/index-abc123.js');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.bytes.toString()).toBe(files['assets/index-abc123.js']);
    const sw = await get('/sw.js', 'br, gzip');
    expect(sw.res.headers.get('content-encoding')).toBeNull();
    expect(sw.res.headers.get('cache-control')).toBe('no-cache');
  });

  it('the page (and the SPA fallback) compressed too, never cached without asking', async () => {
    for (const urlPath of ['/', '/index.html', '/exit']) {
      const { res, bytes } = await get(urlPath, 'br');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(brotliDecompressSync(bytes).toString()).toBe(files['index.html']);
    }
  });

  it('the compressed copies are not files of their own', async () => {
    expect((await get('/assets/index-abc123.js.br', 'br')).res.status).toBe(404);
    expect((await get('/index.html.gz')).res.status).toBe(404);
  });
});

describe('acceptedEncodings', () => {
  it.each([
    ['gzip, deflate, br', ['gzip', 'deflate', 'br']],
    ['br;q=0, gzip', ['gzip']],
    ['GZIP;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['', []],
    [undefined, []],
  ])('%j', (header, expected) => {
    expect([...acceptedEncodings(header)].sort()).toEqual([...expected].sort());
  });
});
