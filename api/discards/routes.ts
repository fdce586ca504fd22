import { createRoute, z } from '@hono/zod-openapi';
import { Discard, DiscardBody, DiscardPage, DiscardsQuery, ResolveDiscardBody } from '../../shared/discards.js';
import type { Deps } from '../deps.js';
import { attributionOf, currentUser } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { listDiscards } from './queries.js';
import { reportDiscard, resolveDiscardedPayment } from './use-cases.js';
import { garageOf, inGarageOf } from '../garages/scope.js';

const IdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).meta({ example: 12 }) });

const report = createRoute({
  method: 'post',
  path: '/',
  operationId: 'reportDiscard',
  summary: 'Record an entry or exit the phone gives up on after the server refused it (who, what, amount, why)',
  description: 'An exit where money was taken becomes `needs_manager` until a manager resolves it. The same key from the same person gives the same record.',
  request: { body: jsonBody(DiscardBody) },
  responses: { 201: jsonResponse(Discard, 'The record'), ...errorResponses(400, 401, 403) },
});

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listDiscards',
  summary: 'Discarded items, newest first (managers); `status=needs_manager` for the payments to resolve',
  request: { query: DiscardsQuery },
  responses: { 200: jsonResponse(DiscardPage, 'A page of discarded items'), ...errorResponses(400, 401, 403) },
});

const resolve = createRoute({
  method: 'post',
  path: '/{id}/resolve',
  operationId: 'resolveDiscard',
  summary: 'Say what became of the money of a discarded paid exit (managers)',
  request: { params: IdParam, body: jsonBody(ResolveDiscardBody) },
  responses: { 200: jsonResponse(Discard, 'The resolved record'), ...errorResponses(400, 401, 403, 404, 409) },
});

/** /api/discards: what attendants gave up on, and the payments managers must account for. */
export function discardRoutes(deps: Deps) {
  return (
    createRouter()
      /** POST /api/discards */
      .openapi(report, async (c) => {
        const done = await reportDiscard(inGarageOf(deps, c.var), c.req.valid('json'), { userId: currentUser(c.var).id, by: attributionOf(c.var) });
        if (done.replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(done.discard, 201);
      })
      /** GET /api/discards?status=&before=&limit= */
      .openapi(list, async (c) => {
        const q = c.req.valid('query');
        const discards = await listDiscards(deps.sql, garageOf(c.var), q);
        const nextBefore = discards.length === q.limit ? discards.at(-1)!.id : null;
        return c.json({ discards, nextBefore }, 200);
      })
      /** POST /api/discards/:id/resolve */
      .openapi(resolve, async (c) => {
        const { id } = c.req.valid('param');
        const resolved = await resolveDiscardedPayment(inGarageOf(deps, c.var), id, c.req.valid('json').note, { userId: currentUser(c.var).id, by: attributionOf(c.var) });
        return c.json(resolved, 200);
      })
  );
}
