import { createRoute } from '@hono/zod-openapi';
import { AlertMuteBody, AlertsView } from '../../shared/alerts.js';
import type { Deps } from '../deps.js';
import { garageOf } from '../garages/scope.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { loadGarageAlerts } from './queries.js';
import { muteAlertKind } from './use-cases.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAlerts',
  summary: "The garage's alerts: episodes going on now, the last ones that ended, and the kinds muted (managers)",
  responses: { 200: jsonResponse(AlertsView, 'The alerts'), ...errorResponses(401, 403) },
});
const mute = createRoute({
  method: 'put',
  path: '/mutes',
  operationId: 'muteAlert',
  summary: "Mute or unmute one kind of alert for this garage (still recorded, not posted to Slack) (managers)",
  request: { body: jsonBody(AlertMuteBody) },
  responses: { 200: jsonResponse(AlertsView, 'The alerts after the change'), ...errorResponses(400, 401, 403) },
});

/** /api/garages/:garageId/alerts: what managers are alerted about, and muting a kind; mutes are audited. */
export function alertRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/garages/:garageId/alerts */
      .openapi(list, async (c) => c.json(await loadGarageAlerts(sql, garageOf(c.var)), 200))
      /** PUT /api/garages/:garageId/alerts/mutes */
      .openapi(mute, async (c) => c.json(await muteAlertKind(deps, garageOf(c.var), c.req.valid('json'), attributionOf(c.var)), 200))
  );
}
