import { createRoute, z } from '@hono/zod-openapi';
import { Garage, GarageUpdate } from '../../shared/garages.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { loadGarage, updateGarage } from './queries.js';

const IdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).meta({ example: 1 }) });

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listGarages',
  summary: 'The garages this user may use',
  responses: { 200: jsonResponse(z.array(Garage), 'The garages'), ...errorResponses(401) },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateGarage',
  summary: 'Change a garage: name, address, location, public feed, spaces, rate, timezone (admins)',
  request: { params: IdParam, body: jsonBody(GarageUpdate) },
  responses: { 200: jsonResponse(Garage, 'The garage after the change'), ...errorResponses(400, 401, 403, 404) },
});

/**
 * /api/garages: the garages a user may use, and their profile. Today a deployment serves one garage
 * (`deps.garageId`) and every user may use it; any other id is 404, never 403, so garages are not
 * enumerable (the several-garages issue widens this).
 */
export function garagesRoutes(deps: Deps) {
  const { sql, garageId } = deps;
  const ownGarage = (id: number) => {
    if (id !== garageId) throw new AppError('not_found', `No garage ${id}`);
    return id;
  };
  return (
    createRouter()
      /** GET /api/garages */
      .openapi(list, async (c) => {
        const garage = await loadGarage(sql, garageId);
        return c.json(garage ? [garage] : [], 200);
      })
      /** PATCH /api/garages/:id */
      .openapi(patch, async (c) => {
        const id = ownGarage(c.req.valid('param').id);
        const update = c.req.valid('json');
        const by = attributionOf(c.var);
        const changed = await sql.begin(async (tx) => {
          const before = await loadGarage(tx, id);
          const after = before && (await updateGarage(tx, id, update));
          if (after) await recordAudit(tx, { garageId: id, ...by, action: 'garage.update', subject: String(id), details: { before, after } });
          return after;
        });
        if (!changed) throw new AppError('not_found', `No garage ${id}`);
        return c.json(changed, 200);
      })
  );
}
