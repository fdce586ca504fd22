import { createRoute, z } from '@hono/zod-openapi';
import { CorrectBody, CorrectionOutcome, DenyBody, ExceptionPage, ExceptionsQuery, GarageException, RefundBody, VoidBody } from '../../shared/corrections.js';
import { caseInsensitiveEnum } from '../../shared/case-insensitive-enum.js';
import { PAYMENT_METHODS, Ticket } from '../../shared/tickets.js';
import type { Deps } from '../deps.js';
import { garageOf, inGarageOf } from '../garages/scope.js';
import { attributionOf, currentUser, type AppEnv } from '../http/env.js';
import { createRouter, errorResponses, IdempotencyHeader, idempotencyKey, jsonBody, jsonResponse, rowId } from '../http/openapi.js';
import { NumberParam } from '../tickets/routes.js';
import { ticketGarageOf } from '../tickets/lookup.js';
import { correctTicket, decideException, requestLostTicketWaiver, requestRefund, requestVoid, showException, showExceptions, type Requester } from './use-cases.js';

const outcomeResponses = {
  200: jsonResponse(CorrectionOutcome, 'Done: the ticket after it (and the refund)'),
  202: jsonResponse(CorrectionOutcome, 'Waiting for a manager: the request (nothing has changed yet)'),
};

const voidRoute = createRoute({
  method: 'post',
  path: '/{ticketNumber}/void',
  operationId: 'voidTicket',
  summary: 'Void an active ticket entered by mistake (never charged, out of occupancy); may wait for a manager',
  request: { params: NumberParam, headers: IdempotencyHeader, body: jsonBody(VoidBody) },
  responses: { ...outcomeResponses, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

const correctRoute = createRoute({
  method: 'patch',
  path: '/{ticketNumber}',
  operationId: 'correctTicket',
  summary: "Correct an active ticket's plate or vehicle type (before and after are audited)",
  request: { params: NumberParam, body: jsonBody(CorrectBody) },
  responses: { 200: jsonResponse(Ticket, 'The ticket after the correction'), ...errorResponses(400, 401, 403, 404, 409) },
});

const refundRoute = createRoute({
  method: 'post',
  path: '/{ticketNumber}/refunds',
  operationId: 'refundTicket',
  summary: 'Give money back on a paid ticket, full or partial (never more than it paid in total); may wait for a manager',
  request: { params: NumberParam, headers: IdempotencyHeader, body: jsonBody(RefundBody) },
  responses: { ...outcomeResponses, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

const WaiverBody = z.strictObject({ paymentMethod: caseInsensitiveEnum(PAYMENT_METHODS, 'payment method') });

const waiverRoute = createRoute({
  method: 'post',
  path: '/{ticketNumber}/lost-ticket-waiver',
  operationId: 'waiveLostTicketFee',
  summary: "Check out a lost ticket with the lost-ticket fee waived (only the stay charged); may wait for a manager",
  request: { params: NumberParam, headers: IdempotencyHeader, body: jsonBody(WaiverBody) },
  responses: { ...outcomeResponses, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

/** Who asks, as the approval policy sees them. */
function requesterOf(vars: AppEnv['Variables']): Requester {
  return { by: attributionOf(vars), role: currentUser(vars).role };
}

/**
 * /api/tickets/:n/void, /refunds, /lost-ticket-waiver and PATCH /api/tickets/:n — in the request's
 * garage; at the seed paths (`findsOwnGarage`) a ticket of another garage the user may use is
 * found in its own garage, as its lookup and exit are.
 */
export function correctionRoutes(deps: Deps, options: { findsOwnGarage: boolean }) {
  const inTicketGarage = ticketGarageOf(deps.sql, options.findsOwnGarage);
  const answer = (c: { header: (n: string, v: string) => void }, done: CorrectionOutcome & { replayed: boolean }) => {
    if (done.replayed) c.header('Idempotent-Replayed', 'true');
    const { replayed: _, ...outcome } = done;
    return outcome;
  };
  return (
    createRouter()
      /** POST /api/tickets/:n/void */
      .openapi(voidRoute, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const done = await inTicketGarage(c, ticketNumber, (garageId) => requestVoid({ ...deps, garageId }, ticketNumber, c.req.valid('json'), requesterOf(c.var), key));
        const outcome = answer(c, done);
        return outcome.outcome === 'done' ? c.json(outcome, 200) : c.json(outcome, 202);
      })
      /** PATCH /api/tickets/:n */
      .openapi(correctRoute, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const ticket = await inTicketGarage(c, ticketNumber, (garageId) => correctTicket({ ...deps, garageId }, ticketNumber, c.req.valid('json'), requesterOf(c.var)));
        return c.json(ticket, 200);
      })
      /** POST /api/tickets/:n/refunds */
      .openapi(refundRoute, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const done = await inTicketGarage(c, ticketNumber, (garageId) => requestRefund({ ...deps, garageId }, ticketNumber, c.req.valid('json'), requesterOf(c.var), key));
        const outcome = answer(c, done);
        return outcome.outcome === 'done' ? c.json(outcome, 200) : c.json(outcome, 202);
      })
      /** POST /api/tickets/:n/lost-ticket-waiver */
      .openapi(waiverRoute, async (c) => {
        const { ticketNumber } = c.req.valid('param');
        const key = idempotencyKey(c.req.header('idempotency-key'));
        const done = await inTicketGarage(c, ticketNumber, (garageId) => requestLostTicketWaiver({ ...deps, garageId }, ticketNumber, c.req.valid('json'), requesterOf(c.var), key));
        const outcome = answer(c, done);
        return outcome.outcome === 'done' ? c.json(outcome, 200) : c.json(outcome, 202);
      })
  );
}

const IdParam = z.object({ id: rowId('request') });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listExceptions',
  summary: 'Voids, refunds and waivers waiting for a manager (or decided), newest first (managers)',
  request: { query: ExceptionsQuery },
  responses: { 200: jsonResponse(ExceptionPage, 'A page of requests'), ...errorResponses(400, 401, 403) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getException',
  summary: 'One request and what became of it',
  request: { params: IdParam },
  responses: { 200: jsonResponse(GarageException, 'The request'), ...errorResponses(400, 401, 404) },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/{id}/approve',
  operationId: 'approveException',
  summary: 'Approve a request: it is carried out now (managers; the first decision wins)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(GarageException, 'The request, approved'), ...errorResponses(400, 401, 403, 404, 409) },
});

const denyRoute = createRoute({
  method: 'post',
  path: '/{id}/deny',
  operationId: 'denyException',
  summary: 'Deny a request: nothing happens to the ticket (managers; the first decision wins)',
  request: { params: IdParam, body: jsonBody(DenyBody) },
  responses: { 200: jsonResponse(GarageException, 'The request, denied'), ...errorResponses(400, 401, 403, 404, 409) },
});

/**
 * /api/exceptions: the requests of the request's garage. A request is found by id in any garage
 * the user may use at the seed path, and only in the path's garage under /api/garages/:garageId.
 */
export function exceptionRoutes(deps: Deps, options: { anyOwnGarage: boolean }) {
  const garagesOf = (vars: AppEnv['Variables']) => (options.anyOwnGarage ? currentUser(vars).garageIds : [garageOf(vars)]);
  return (
    createRouter()
      /** GET /api/exceptions?status=&before=&limit= */
      .openapi(listRoute, async (c) => c.json(await showExceptions(inGarageOf(deps, c.var), c.req.valid('query')), 200))
      /** GET /api/exceptions/:id */
      .openapi(getRoute, async (c) => c.json(await showException(deps, c.req.valid('param').id, { garageIds: garagesOf(c.var) }), 200))
      /** POST /api/exceptions/:id/approve */
      .openapi(approveRoute, async (c) => {
        const decided = await decideException(deps, c.req.valid('param').id, { approve: true, note: null }, { by: attributionOf(c.var), garageIds: garagesOf(c.var) });
        return c.json(decided, 200);
      })
      /** POST /api/exceptions/:id/deny */
      .openapi(denyRoute, async (c) => {
        const note = c.req.valid('json').note ?? null;
        const decided = await decideException(deps, c.req.valid('param').id, { approve: false, note }, { by: attributionOf(c.var), garageIds: garagesOf(c.var) });
        return c.json(decided, 200);
      })
  );
}
