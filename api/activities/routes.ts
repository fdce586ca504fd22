import { createRoute, z } from '@hono/zod-openapi';
import { ActivitiesQuery, Activity } from '../../shared/tickets.js';
import { parseCents } from '../cents.js';
import type { Deps } from '../deps.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { loadActivities } from './queries.js';
import { garageOf } from '../garages/scope.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listActivities',
  summary: 'Recent entries and exits, newest first',
  request: { query: ActivitiesQuery },
  responses: { 200: jsonResponse(z.array(Activity), 'Recent activity'), ...errorResponses(400, 401) },
});

/** /api/activities */
export function activityRoutes(deps: Deps) {
  /** GET /api/activities?limit=10 */
  return createRouter().openapi(list, async (c) => {
    const rows = await loadActivities(deps.sql, garageOf(c.var), c.req.valid('query').limit);
    return c.json(
      rows.map(({ timestamp, type, ticketNumber, licensePlate, vehicleType, amountPaid, paymentMethod }) => ({
        type,
        timestamp: timestamp.toISOString(),
        ticketNumber,
        licensePlate,
        vehicleType,
        amountPaid: amountPaid === null ? null : parseCents(amountPaid),
        paymentMethod,
      })),
      200,
    );
  });
}
