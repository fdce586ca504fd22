import { createRoute } from '@hono/zod-openapi';
import { Status } from '../../shared/garage.js';
import type { Deps } from '../deps.js';
import type { DatabaseCircuit } from '../http/circuit.js';
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

/** /api/status: asks the database, unless the circuit already knows it is out of reach. */
export function statusRoutes(deps: Deps, circuit?: DatabaseCircuit) {
  /** GET /api/status */
  return createRouter().openapi(status, async (c) => {
    if (circuit?.isOpen()) return c.json({ status: 'unavailable' as const }, 503);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${PING_TIMEOUT_MS} ms`), { code: 'CONNECT_TIMEOUT' })), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([pingDatabase(deps.sql), timeout]);
      return c.json({ status: 'ok' as const }, 200);
    } catch (error) {
      deps.log.warn({ err: error }, 'status: database unreachable');
      circuit?.failed(error);
      return c.json({ status: 'unavailable' as const }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
}
