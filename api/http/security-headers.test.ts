import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { parseTrustedProxies } from './client-address.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The directives of a Content-Security-Policy, by name. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('Content-Security-Policy', () => {
  it.each(['/', '/some/screen', '/assets/index-0000.js', '/sw.js', '/manifest.webmanifest'])('the app page and its files (%s): only this origin, no inline script or style, WebAssembly but no eval', async (path) => {
    const res = await t.app.request(path);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['worker-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it('API answers, errors included, load nothing', async () => {
    for (const path of ['/api/status', '/api/nothing-here', '/api/openapi.json']) {
      expect((await t.app.request(path)).headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('the docs page has its own policy, and no inline script for it to allow', async () => {
    const res = await t.app.request('/api/docs');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/api\/docs\//);
      expect(body!.trim()).toBe('');
    }
    const initializer = await t.app.request('/api/docs/assets/swagger-ui-dist/swagger-initializer.js');
    expect(initializer.status).toBe(200);
    expect(await initializer.text()).toContain("url: '/api/openapi.json'");
  });
});

describe('Strict-Transport-Security', () => {
  const hsts = (res: Response) => res.headers.get('strict-transport-security');
  const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

  it('is not sent over plain http, nor when an untrusted client claims https', async () => {
    expect(hsts(await t.app.request('http://localhost/'))).toBeNull();
    expect(hsts(await t.app.request('http://localhost/api/status'))).toBeNull();
    expect(hsts(await t.app.request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } }, socket('203.0.113.5')))).toBeNull();
  });

  it('is sent over https, directly or per X-Forwarded-Proto from a trusted proxy', async () => {
    expect(hsts(await t.app.request('https://localhost/'))).toMatch(/max-age=\d+/);
    const behindProxy = createApp({ ...t.deps, trustedProxies: parseTrustedProxies('127.0.0.1') });
    expect(hsts(await behindProxy.request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } }, socket('127.0.0.1')))).toMatch(/max-age=\d+/);
    expect(hsts(await behindProxy.request('http://localhost/', { headers: { 'x-forwarded-proto': 'http' } }, socket('127.0.0.1')))).toBeNull();
    expect(hsts(await behindProxy.request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } }, socket('203.0.113.5')))).toBeNull();
  });
});

describe('the other headers stay', () => {
  it('nosniff, no framing, camera only for this origin', async () => {
    const res = await t.app.request('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
  });
});
