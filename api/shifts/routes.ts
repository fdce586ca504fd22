import { createRoute, z } from '@hono/zod-openapi';
import { CloseShiftBody, MovementBody, OpenShiftBody, ReconcileBody, Shift } from '../../shared/shifts.js';
import type { Deps } from '../deps.js';
import { garageOf, inGarageOf } from '../garages/scope.js';
import { attributionOf, currentUser, type AppEnv } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse, rowId } from '../http/openapi.js';
import { addMovement, closeShift, currentShift, openShift, reconcileShift, showShift, showShifts, type ShiftUser } from './use-cases.js';

const IdParam = z.object({ id: rowId('shift') });
const ShiftsQuery = z.object({
  status: z.enum(['open', 'closed', 'unclosed']).optional(),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional().meta({ description: 'page: shifts with an id below this' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const open = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openShift',
  summary: 'Open your shift here with its opening float (one open shift per person and garage)',
  request: { body: jsonBody(OpenShiftBody) },
  responses: { 201: jsonResponse(Shift, 'The shift (blind: no cash figures until its close)'), ...errorResponses(400, 401, 403, 409) },
});
const current = createRoute({
  method: 'get',
  path: '/current',
  operationId: 'getCurrentShift',
  summary: 'Your open shift here: entries, exits, card and mobile totals, movements — never the expected cash before the close',
  responses: { 200: jsonResponse(Shift, 'Your open shift'), ...errorResponses(401, 404) },
});
const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listShifts',
  summary: "The garage's shifts, newest first, with their cash figures (managers)",
  request: { query: ShiftsQuery },
  responses: { 200: jsonResponse(z.object({ shifts: z.array(Shift), nextBefore: z.number().int().nullable() }), 'A page of shifts'), ...errorResponses(400, 401, 403) },
});
const one = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getShift',
  summary: 'A shift: your own, or any of the garage for managers',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Shift, 'The shift'), ...errorResponses(400, 401, 404) },
});
const move = createRoute({
  method: 'post',
  path: '/{id}/movements',
  operationId: 'addShiftMovement',
  summary: 'A cash drop to the safe, a payout, or a float addition, on an open shift',
  request: { params: IdParam, body: jsonBody(MovementBody) },
  responses: { 200: jsonResponse(Shift, 'The shift after it'), ...errorResponses(400, 401, 404, 409) },
});
const close = createRoute({
  method: 'post',
  path: '/{id}/close',
  operationId: 'closeShift',
  summary: 'Blind close: declare the cash counted; the answer then shows the expected cash and the variance',
  request: { params: IdParam, body: jsonBody(CloseShiftBody) },
  responses: { 200: jsonResponse(Shift, 'The closed shift, with expected cash and variance'), ...errorResponses(400, 401, 404, 409) },
});
const reconcile = createRoute({
  method: 'post',
  path: '/{id}/reconcile',
  operationId: 'reconcileShift',
  summary: "Say what was found about an ended shift's cash (managers)",
  request: { params: IdParam, body: jsonBody(ReconcileBody) },
  responses: { 200: jsonResponse(Shift, 'The reconciled shift'), ...errorResponses(400, 401, 403, 404, 409) },
});

/**
 * /api/shifts: open, current, movements, blind close, reconcile — in the request's garage. A shift
 * by id is found in any garage the user may use at the seed path, only in the path's garage under
 * /api/garages/:garageId (`anyOwnGarage`).
 */
export function shiftRoutes(deps: Deps, options: { anyOwnGarage: boolean }) {
  const who = (vars: AppEnv['Variables']): ShiftUser => {
    const user = currentUser(vars);
    return { by: attributionOf(vars), userId: user.id, role: user.role, garageIds: options.anyOwnGarage ? user.garageIds : [garageOf(vars)] };
  };
  return (
    createRouter()
      /** GET /api/shifts/current (before /:id) */
      .openapi(current, async (c) => c.json(await currentShift(inGarageOf(deps, c.var), who(c.var)), 200))
      /** POST /api/shifts */
      .openapi(open, async (c) => c.json(await openShift(inGarageOf(deps, c.var), who(c.var), c.req.valid('json').openingFloatCents), 201))
      /** GET /api/shifts */
      .openapi(list, async (c) => c.json(await showShifts(inGarageOf(deps, c.var), c.req.valid('query')), 200))
      /** GET /api/shifts/:id */
      .openapi(one, async (c) => c.json(await showShift(deps, c.req.valid('param').id, who(c.var)), 200))
      /** POST /api/shifts/:id/movements */
      .openapi(move, async (c) => c.json(await addMovement(deps, c.req.valid('param').id, c.req.valid('json'), who(c.var)), 200))
      /** POST /api/shifts/:id/close */
      .openapi(close, async (c) => c.json(await closeShift(deps, c.req.valid('param').id, c.req.valid('json'), who(c.var)), 200))
      /** POST /api/shifts/:id/reconcile */
      .openapi(reconcile, async (c) => c.json(await reconcileShift(deps, c.req.valid('param').id, c.req.valid('json').note, who(c.var)), 200))
  );
}
