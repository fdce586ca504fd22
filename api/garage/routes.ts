import { createRoute } from '@hono/zod-openapi';
import { GarageSettings, GarageStats, SettingsUpdate } from '../../shared/garage.js';
import { followTariffChange } from '../rates/queries.js';
import { rebalancePermitHolds } from '../reservations/queries.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { loadSettings, updateSettings } from './queries.js';
import { garageStats } from './stats.js';
import { garageOf } from '../garages/scope.js';

const stats = createRoute({
  method: 'get',
  path: '/stats',
  operationId: 'getGarageStats',
  summary: "Occupancy now and today's figures in the garage's timezone",
  responses: { 200: jsonResponse(GarageStats, 'The dashboard figures'), ...errorResponses(401) },
});

const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  operationId: 'getGarageSettings',
  summary: 'The garage settings',
  responses: { 200: jsonResponse(GarageSettings, 'The settings'), ...errorResponses(401, 403) },
});

const putSettings = createRoute({
  method: 'put',
  path: '/settings',
  operationId: 'updateGarageSettings',
  summary: 'Change any of the settings; cars already inside keep the tariff they entered with',
  request: { body: jsonBody(SettingsUpdate) },
  responses: { 200: jsonResponse(GarageSettings, 'The settings after the change'), ...errorResponses(400, 401, 403) },
});

/** /api/garage: stats and settings. */
export function garageRoutes(deps: Deps) {
  const { sql } = deps;
  const settingsOrFail = (s: GarageSettings | null) => {
    if (!s) throw new Error('a garage a user may use does not exist');
    return s;
  };
  return (
    createRouter()
      /** GET /api/garage/stats */
      .openapi(stats, async (c) => c.json(await garageStats(sql, garageOf(c.var), deps.now()), 200))
      /** GET /api/garage/settings */
      .openapi(getSettings, async (c) => c.json(settingsOrFail(await loadSettings(sql, garageOf(c.var))), 200))
      /** PUT /api/garage/settings */
      .openapi(putSettings, async (c) => {
        const update = c.req.valid('json');
        const by = attributionOf(c.var);
        const garageId = garageOf(c.var);
        const settings = await sql.begin(async (tx) => {
          const before = settingsOrFail(await loadSettings(tx, garageId));
          const after = settingsOrFail(await updateSettings(tx, garageId, update));
          const ratePlanVersion = await followTariffChange(tx, garageId, by.actor);
          if (update.reservedPermitSpaces !== undefined || update.totalSpaces !== undefined) await rebalancePermitHolds(tx, garageId);
          await recordAudit(tx, { garageId, ...by, action: 'settings.update', subject: `garage:${garageId}`, details: { before, after, ...(ratePlanVersion ? { ratePlanVersion } : {}) } });
          return after;
        });
        return c.json(settings, 200);
      })
  );
}
