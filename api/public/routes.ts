import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { PublicOccupancy } from '../../shared/garages.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { createReadPool } from '../db/read-pool.js';
import { createOccupancyFeed, type FeedAnswer } from './occupancy-feed.js';

const GarageParam = z.object({ garageId: z.string().regex(/^[1-9][0-9]{0,9}$/, 'A garage id is a number').meta({ example: '1' }) });
const notModified = { 304: { description: 'Not modified since the ETag sent in If-None-Match' } };

const list = createRoute({
  method: 'get',
  path: '/occupancy',
  operationId: 'getPublicOccupancy',
  summary: 'Free spaces of every garage that publishes them (no session; ParkAPI v3 field names; counts only)',
  security: [],
  responses: { 200: jsonResponse(z.array(PublicOccupancy), 'The published garages'), ...notModified, ...errorResponses(400) },
});

const one = createRoute({
  method: 'get',
  path: '/occupancy/{garageId}',
  operationId: 'getPublicGarageOccupancy',
  summary: 'Free spaces of one garage that publishes them (no session)',
  security: [],
  request: { params: GarageParam },
  responses: { 200: jsonResponse(PublicOccupancy, 'The garage'), ...notModified, ...errorResponses(400, 404) },
});

/** True when If-None-Match names this ETag (a list, `*`, or a weak form of it). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === tag || v === `W/${tag}`;
  });
}

/**
 * Sends a snapshot's answer (serialized and tagged once per snapshot) with public caching; a
 * matching If-None-Match is a 304 without a body, before anything is written (hono's etag middleware
 * stays behind it for any answer this misses).
 */
function cached<T>(c: Context, answer: FeedAnswer<T>) {
  c.header('ETag', answer.etag);
  c.header('Cache-Control', 'public, max-age=15');
  if (matches(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304);
  return c.body(answer.json, 200, { 'Content-Type': 'application/json' });
}

/** /api/public: what anyone may read, without a session — the occupancy feed for maps and cities, read from the read replica when there is one. */
export function publicRoutes(deps: Deps) {
  const feed = createOccupancyFeed(createReadPool(deps.sql, deps.sqlRead, deps.log), deps.now);
  const router = createRouter();
  router.use('*', etag()); // If-None-Match -> 304, keeping the ETag we set (no hashing per request)
  return (
    router
      /** GET /api/public/occupancy */
      .openapi(list, async (c) => {
        return cached(c, (await feed.snapshot()).all) as never;
      })
      /** GET /api/public/occupancy/:garageId */
      .openapi(one, async (c) => {
        const { garageId } = c.req.valid('param');
        const found = (await feed.snapshot()).byId.get(garageId);
        if (!found) throw new AppError('not_found', `No published garage ${garageId}`);
        return cached(c, found) as never;
      })
  );
}
