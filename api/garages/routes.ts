import { createRoute, z } from '@hono/zod-openapi';
import { CreateGarageBody, Garage, GarageUpdate } from '../../shared/garages.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { attributionOf, currentUser } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { followTariffChange } from '../rates/queries.js';
import { rebalancePermitHolds } from '../reservations/queries.js';
import { insertGarage, listGarages, loadGarage, updateGarage } from './queries.js';
import { mayUseGarage, noSuchGarage } from './scope.js';

const IdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).meta({ example: 1 }) });

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listGarages',
  summary: 'The garages this user may use',
  responses: { 200: jsonResponse(z.array(Garage), 'The garages'), ...errorResponses(401) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createGarage',
  summary: 'Add a garage: name, spaces, rate, timezone, and optionally where it is and whether it is in the public feed (admins)',
  request: { body: jsonBody(CreateGarageBody) },
  responses: { 201: jsonResponse(Garage, 'The new garage'), ...errorResponses(400, 401, 403) },
});

const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateGarage',
  summary: "Change a garage: name, address, location, public feed, spaces, rate, timezone, managers' Slack channel (admins)",
  request: { params: IdParam, body: jsonBody(GarageUpdate) },
  responses: { 200: jsonResponse(Garage, 'The garage after the change'), ...errorResponses(400, 401, 403, 404) },
});

/**
 * /api/garages: the garages a user may use, new garages and their profile (admins). A garage the
 * user may not use is 404, never 403, so garages are not enumerable. Each garage's own resources
 * are under /api/garages/:garageId/… (api/garages/scope.ts).
 */
export function garagesRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/garages */
      .openapi(list, async (c) => c.json(await listGarages(sql, currentUser(c.var).garageIds), 200))
      /** POST /api/garages */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        const by = attributionOf(c.var);
        const garage = await sql.begin(async (tx) => {
          const created = await insertGarage(tx, body);
          await recordAudit(tx, { garageId: created.id, ...by, action: 'garage.create', subject: String(created.id), details: { garage: created } });
          return created;
        });
        return c.json(garage, 201);
      })
      /** PATCH /api/garages/:id */
      .openapi(patch, async (c) => {
        const { id } = c.req.valid('param');
        if (!mayUseGarage(currentUser(c.var), id)) throw noSuchGarage(id);
        const update = c.req.valid('json');
        const by = attributionOf(c.var);
        const changed = await sql.begin(async (tx) => {
          const before = await loadGarage(tx, id);
          const after = before && (await updateGarage(tx, id, update));
          if (!after) return null;
          const ratePlanVersion = await followTariffChange(tx, id, by.actor);
          if (update.totalSpaces !== undefined) await rebalancePermitHolds(tx, id);
          await recordAudit(tx, { garageId: id, ...by, action: 'garage.update', subject: String(id), details: { before, after, ...(ratePlanVersion ? { ratePlanVersion } : {}) } });
          return after;
        });
        if (!changed) throw noSuchGarage(id);
        return c.json(changed, 200);
      })
  );
}
