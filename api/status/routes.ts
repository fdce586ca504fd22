import { createRoute } from '@hono/zod-openapi';
import { Status } from '../../shared/garage.js';
import type { Deps } from '../deps.js';
import { createRouter, jsonResponse } from '../http/openapi.js';
import { pingDatabase } from './queries.js';

const status = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getStatus',
  summary: 'Health: ok when the database answers',
  security: [],
  responses: { 200: jsonResponse(Status, 'Up'), 503: jsonResponse(Status, 'The database is unreachable') },
});

/** How long the health check waits for the database. */
const PING_TIMEOUT_MS = 2000;

/** /api/status */
export function statusRoutes(deps: Deps) {
  /** GET /api/status */
  return createRouter().openapi(status, async (c) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([pingDatabase(deps.sql), timeout]);
      return c.json({ status: 'ok' as const }, 200);
    } catch (error) {
      deps.log.warn({ err: error }, 'status: database unreachable');
      return c.json({ status: 'unavailable' as const }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
}
