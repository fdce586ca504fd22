import { createRoute, z } from '@hono/zod-openapi';
import { CreateTicketBody, ExitTicketBody, Ticket, TicketNumberInput, TicketSearchQuery } from '../../shared/tickets.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, idempotencyKey, jsonBody, jsonResponse } from '../http/openapi.js';
import { runIdempotent } from '../idempotency/run.js';
import { loadTicket, searchTickets } from './queries.js';
import { toTicket } from './ticket-view.js';
import { exitVehicle, issueTicket } from './use-cases.js';

const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().meta({ description: 'Makes retries safe: the same key and body replay the first answer' }),
});
const NumberParam = z.object({ ticketNumber: TicketNumberInput });

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'Issue a ticket for a car coming in',
  request: { headers: IdempotencyHeader, body: jsonBody(CreateTicketBody) },
  responses: { 201: jsonResponse(Ticket, 'The new ticket'), ...errorResponses(400, 409, 422) },
});

const search = createRoute({
  method: 'get',
  path: '/',
  summary: 'Search tickets by plate and status (lost tickets)',
  request: { query: TicketSearchQuery },
  responses: { 200: jsonResponse(z.array(Ticket), 'Matching tickets, newest first'), ...errorResponses(400) },
});

const get = createRoute({
  method: 'get',
  path: '/{ticketNumber}',
  summary: 'A ticket by number (any case; O reads as 0, I and L as 1)',
  request: { params: NumberParam },
  responses: { 200: jsonResponse(Ticket, 'The ticket'), ...errorResponses(400, 404) },
});

const exit = createRoute({
  method: 'put',
  path: '/{ticketNumber}/exit',
  summary: 'Check a car out: price the stay and record the payment',
  request: { params: NumberParam, headers: IdempotencyHeader, body: jsonBody(ExitTicketBody) },
  responses: { 200: jsonResponse(Ticket, 'The completed ticket'), ...errorResponses(400, 404, 409, 422) },
});

/** /api/tickets: entry, lookup, search, exit. */
export function ticketRoutes(deps: Deps) {
  const { sql, garageId } = deps;
  return (
    createRouter()
      /** POST /api/tickets */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const answer = await runIdempotent(
          sql,
          garageId,
          key ? { key, operation: 'ticket.enter', request: body } : undefined,
          deps.now(),
          async (tx) => ({
            status: 201 as const,
            body: await issueTicket(tx, deps, {
              plate: body.licensePlate,
              vehicleType: body.vehicleType,
              entryTime: body.entryTime ? new Date(body.entryTime) : undefined,
            }, attributionOf(c.var)),
          }),
        );
        if (answer.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(answer.body, 201);
      })
      /** GET /api/tickets?plate=&status= */
      .openapi(search, async (c) => {
        const q = c.req.valid('query');
        const rows = await searchTickets(sql, garageId, {
          plateNormalized: q.plate?.normalized,
          status: q.status,
          limit: q.limit,
        });
        const now = deps.now();
        return c.json(rows.map((r) => toTicket(r, now)), 200);
      })
      /** GET /api/tickets/:ticketNumber */
      .openapi(get, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const row = await loadTicket(sql, garageId, ticketNumber);
        if (!row) throw new AppError('not_found', `No ticket ${ticketNumber}`);
        return c.json(toTicket(row, deps.now()), 200);
      })
      /** PUT /api/tickets/:ticketNumber/exit */
      .openapi(exit, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const body = c.req.valid('json');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const answer = await runIdempotent(
          sql,
          garageId,
          key ? { key, operation: `ticket.exit:${ticketNumber}`, request: body } : undefined,
          deps.now(),
          async (tx) => ({
            status: 200 as const,
            body: await exitVehicle(tx, deps, { ticketNumber, paymentMethod: body.paymentMethod, exitTime: body.exitTime ? new Date(body.exitTime) : undefined }, attributionOf(c.var)),
          }),
        );
        if (answer.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(answer.body, 200);
      })
  );
}
