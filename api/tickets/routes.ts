import { createRoute, z } from '@hono/zod-openapi';
import { ActivePlates, CreateTicketBody, ExitTicketBody, MAX_ACTIVE_PLATES, Ticket, TicketNumberInput, TicketSearchQuery } from '../../shared/tickets.js';
import type { Deps } from '../deps.js';
import { createRouter, errorResponses, IdempotencyHeader, idempotencyKey, jsonBody, jsonResponse } from '../http/openapi.js';
import { enterVehicle } from './enter.js';
import { exitVehicle } from './exit.js';
import { byTicketNumber, showTicket, showTickets, ticketGarageOf } from './lookup.js';
import { listActivePlates } from './queries.js';
import { garageOf, inGarageOf } from '../garages/scope.js';
import { attributionOf } from '../http/env.js';

/** A ticket number in the path. */
export const NumberParam = z.object({ ticketNumber: TicketNumberInput });

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createTicket',
  summary: 'Issue a ticket for a car coming in',
  request: { headers: IdempotencyHeader, body: jsonBody(CreateTicketBody) },
  responses: { 201: jsonResponse(Ticket, 'The new ticket'), ...errorResponses(400, 401, 403, 409, 422) },
});

const search = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchTickets',
  summary: 'Search tickets by plate and status (lost tickets)',
  request: { query: TicketSearchQuery },
  responses: { 200: jsonResponse(z.array(Ticket), 'Matching tickets, newest first'), ...errorResponses(400, 401) },
});

const activePlates = createRoute({
  method: 'get',
  path: '/active-plates',
  operationId: 'listActivePlates',
  summary: `The garage's parked cars, ticket number and plate only, newest entry first (at most ${MAX_ACTIVE_PLATES}, the most spaces a garage may have): what the phone matches a plate camera's read against`,
  responses: { 200: jsonResponse(ActivePlates, 'Every active ticket of the garage, and when the list was made'), ...errorResponses(401, 404) },
});

const get = createRoute({
  method: 'get',
  path: '/{ticketNumber}',
  operationId: 'getTicket',
  summary: 'A ticket by number (any case; O reads as 0, I and L as 1)',
  request: { params: NumberParam },
  responses: { 200: jsonResponse(Ticket, 'The ticket'), ...errorResponses(400, 401, 404) },
});

const exit = createRoute({
  method: 'put',
  path: '/{ticketNumber}/exit',
  operationId: 'exitTicket',
  summary: 'Check a car out: price the stay and record the payment',
  request: { params: NumberParam, headers: IdempotencyHeader, body: jsonBody(ExitTicketBody) },
  responses: { 200: jsonResponse(Ticket, 'The completed ticket'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

/**
 * /api/tickets: entry, lookup, search, exit — each a use case shared with Slack; this door only
 * translates — and the active plates the phone's plate camera matches against. In the request's
 * garage (api/garages/scope.ts); at the seed paths (`findsOwnGarage`) a ticket number of another
 * garage the user may use is found in its own garage.
 */
export function ticketRoutes(deps: Deps, options: { findsOwnGarage: boolean }) {
  const byNumber = ticketGarageOf(deps.sql, options.findsOwnGarage);
  return (
    createRouter()
      /** POST /api/tickets */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        const entry = await enterVehicle(
          inGarageOf(deps, c.var),
          { plate: body.licensePlate, vehicleType: body.vehicleType, entryTime: body.entryTime ? new Date(body.entryTime) : undefined },
          attributionOf(c.var),
          idempotencyKey(c.req.header('idempotency-key')),
        );
        if (entry.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(entry.ticket, 201);
      })
      /** GET /api/tickets?plate=&status= */
      .openapi(search, async (c) => {
        const q = c.req.valid('query');
        return c.json(await showTickets(inGarageOf(deps, c.var), { plateNormalized: q.plate?.normalized, status: q.status, limit: q.limit, order: q.order }), 200);
      })
      /** GET /api/tickets/active-plates — before /:ticketNumber, which would read "active-plates" as a ticket number */
      .openapi(activePlates, async (c) => {
        const garageId = garageOf(c.var);
        const asOf = deps.now();
        const cars = await listActivePlates(deps.sql, garageId, MAX_ACTIVE_PLATES);
        c.header('Cache-Control', 'no-store');
        return c.json({ asOf: asOf.toISOString(), cars: cars.map(({ ticketNumber, licensePlate }) => ({ ticketNumber, licensePlate })) }, 200);
      })
      /** GET /api/tickets/:ticketNumber */
      .openapi(get, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const ticket = await byNumber(c, ticketNumber, (garageId) => showTicket({ ...deps, garageId }, byTicketNumber(ticketNumber), { latestByPlate: false }));
        return c.json(ticket, 200);
      })
      /** PUT /api/tickets/:ticketNumber/exit */
      .openapi(exit, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const body = c.req.valid('json');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const done = await byNumber(c, ticketNumber, (garageId) =>
          exitVehicle(
            { ...deps, garageId },
            { target: byTicketNumber(ticketNumber), paymentMethod: body.paymentMethod, exitTime: body.exitTime ? new Date(body.exitTime) : undefined, lostTicket: body.lostTicket, validationCode: body.validationCode },
            attributionOf(c.var),
            key,
          ),
        );
        if (done.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(done.ticket, 200);
      })
  );
}
