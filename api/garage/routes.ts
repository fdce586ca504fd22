import { createRoute } from '@hono/zod-openapi';
import { GarageSettings, GarageStats, SettingsUpdate } from '../../shared/garage.js';
import type { Deps } from '../deps.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { loadSettings, updateSettings } from './queries.js';
import { garageStats } from './stats.js';

const stats = createRoute({
  method: 'get',
  path: '/stats',
  summary: "Occupancy now and today's figures in the garage's timezone",
  responses: { 200: jsonResponse(GarageStats, 'The dashboard figures') },
});

const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  summary: 'The garage settings',
  responses: { 200: jsonResponse(GarageSettings, 'The settings') },
});

const putSettings = createRoute({
  method: 'put',
  path: '/settings',
  summary: 'Change any of the settings; cars already inside keep the tariff they entered with',
  request: { body: jsonBody(SettingsUpdate) },
  responses: { 200: jsonResponse(GarageSettings, 'The settings after the change'), ...errorResponses(400) },
});

/** /api/garage: stats and settings. */
export function garageRoutes(deps: Deps) {
  const { sql, garageId } = deps;
  const settingsOrFail = (s: GarageSettings | null) => {
    if (!s) throw new Error(`garage ${garageId} does not exist`);
    return s;
  };
  return (
    createRouter()
      /** GET /api/garage/stats */
      .openapi(stats, async (c) => c.json(await garageStats(sql, garageId, deps.now()), 200))
      /** GET /api/garage/settings */
      .openapi(getSettings, async (c) => c.json(settingsOrFail(await loadSettings(sql, garageId)), 200))
      /** PUT /api/garage/settings */
      .openapi(putSettings, async (c) => c.json(settingsOrFail(await updateSettings(sql, garageId, c.req.valid('json'))), 200))
  );
}
