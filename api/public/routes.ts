import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { PublicOccupancy } from '../../shared/garages.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { createReadPool } from '../db/read-pool.js';
import { createOccupancyFeed } from './occupancy-feed.js';

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

/** Sends a snapshot's body with its ETag (computed once per snapshot) and public caching; hono's etag middleware answers 304. */
function cached<T>(c: Context, body: T, tag: string) {
  c.header('ETag', tag);
  c.header('Cache-Control', 'public, max-age=15');
  return c.json(body, 200);
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
        const snap = await feed.snapshot();
        return cached(c, snap.garages, snap.etag);
      })
      /** GET /api/public/occupancy/:garageId */
      .openapi(one, async (c) => {
        const { garageId } = c.req.valid('param');
        const found = (await feed.snapshot()).byId.get(garageId);
        if (!found) throw new AppError('not_found', `No published garage ${garageId}`);
        return cached(c, found.body, found.etag);
      })
  );
}
