import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { AppError } from '../http/app-error.js';
import type { Metrics } from './metrics.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * GET /metrics in Prometheus text format, only for the scraper holding `METRICS_TOKEN`
 * (`Authorization: Bearer …`); without a configured token the route does not exist.
 */
export function metricsRoutes(metrics: Metrics, token: string | undefined) {
  return new Hono().get('/', async (c) => {
    if (!token) throw new AppError('not_found', 'Metrics are off: set METRICS_TOKEN to turn them on');
    const sent = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!sent || !sameSecret(sent, token)) throw new AppError('unauthorized', 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>');
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
}
