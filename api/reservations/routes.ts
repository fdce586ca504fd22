import { createRoute, z } from '@hono/zod-openapi';
import { Reservation, ReservationBody, ReservationsQuery } from '../../shared/reservations.js';
import type { Deps } from '../deps.js';
import { garageOf, inGarageOf } from '../garages/scope.js';
import { AppError } from '../http/app-error.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse, rowId } from '../http/openapi.js';
import { listReservations, loadReservation } from './queries.js';
import { bookSpace, cancelBooking } from './use-cases.js';

const IdParam = z.object({ id: rowId('reservation') });

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listReservations',
  summary: 'Reservations whose window overlaps from..to (default all), soonest first, with what became of each',
  request: { query: ReservationsQuery },
  responses: { 200: jsonResponse(z.array(Reservation), 'The reservations'), ...errorResponses(400, 401, 403) },
});
const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createReservation',
  summary: 'Book a space for a plate over a window; the space is held from now until the car comes in, and refused (409 garage_full) when none can be held',
  request: { body: jsonBody(ReservationBody) },
  responses: { 201: jsonResponse(Reservation, 'The confirmed reservation'), ...errorResponses(400, 401, 403, 409) },
});
const one = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getReservation',
  summary: 'A reservation and what became of it',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Reservation, 'The reservation'), ...errorResponses(400, 401, 403, 404) },
});
const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  operationId: 'cancelReservation',
  summary: 'Cancel a confirmed reservation; its space is free again at once',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Reservation, 'The cancelled reservation'), ...errorResponses(400, 401, 403, 404, 409) },
});

/** /api/garages/:garageId/reservations: book, list, cancel; each booking and cancellation audited. */
export function reservationRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/garages/:garageId/reservations */
      .openapi(list, async (c) => c.json(await listReservations(sql, garageOf(c.var), c.req.valid('query')), 200))
      /** POST /api/garages/:garageId/reservations */
      .openapi(create, async (c) => c.json(await bookSpace(inGarageOf(deps, c.var), c.req.valid('json'), attributionOf(c.var)), 201))
      /** GET /api/garages/:garageId/reservations/:id */
      .openapi(one, async (c) => {
        const { id } = c.req.valid('param');
        const found = await loadReservation(sql, garageOf(c.var), id);
        if (!found) throw new AppError('not_found', `No reservation ${id} in this garage`);
        return c.json(found, 200);
      })
      /** POST /api/garages/:garageId/reservations/:id/cancel */
      .openapi(cancel, async (c) => {
        const { id } = c.req.valid('param');
        const garageId = garageOf(c.var);
        return c.json(await cancelBooking(inGarageOf(deps, c.var), id, attributionOf(c.var), await loadReservation(sql, garageId, id)), 200);
      })
  );
}
