import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isHttps, type TrustedProxies } from './client-address.js';

/**
 * The attendant app's policy, on its page and every static file (the service worker's own
 * response sets what the worker may do). The built page has no inline script or style (Vite emits
 * files; Preact sets styles through the DOM, which a policy does not govern); the QR code is inline
 * SVG markup without style attributes; the camera for the QR scanner is getUserMedia, which is not
 * a CSP matter. Everything comes from this origin.
 */
export const APP_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the opt-in plate reader compile its WebAssembly (onnxruntime-web, from
  // this origin); it allows WebAssembly only, never eval() or new Function().
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON answers are never rendered: nothing may load from them, nor frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS, sent only on answers that went out over https (a browser ignores it over http, and it would be wrong there). */
export const HSTS = 'max-age=15552000; includeSubDomains';

/**
 * The security headers of every answer: Hono's set (nosniff, no referrer, same-origin opener and
 * resource policy, no framing), a Content-Security-Policy (APP_POLICY for pages and files,
 * API_POLICY under /api and /metrics, unless a route set its own, as /api/docs does), and
 * Strict-Transport-Security only over https — directly, or per X-Forwarded-Proto from a trusted proxy.
 */
export function securityHeaders(trusted: TrustedProxies): MiddlewareHandler {
  const base = secureHeaders({
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await base(c, next);
    if (!c.res.headers.has('Content-Security-Policy')) {
      const path = c.req.path;
      const api = path === '/api' || path.startsWith('/api/') || path === '/metrics';
      c.res.headers.set('Content-Security-Policy', api ? API_POLICY : APP_POLICY);
    }
    if (isHttps(c, trusted)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
