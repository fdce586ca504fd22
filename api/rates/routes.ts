import { createRoute, z } from '@hono/zod-openapi';
import { feeLineWords } from '../../shared/fee-lines.js';
import { priceStay, shorterStayPrice } from '../../shared/pricing.js';
import { QuoteBody, RatePlan, RatePlanBody } from '../../shared/rate-plan.js';
import { FeeBreakdown } from '../../shared/tickets.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { garageOf } from '../garages/scope.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { previewValidation } from '../validations/use-cases.js';
import { insertRatePlanVersion, loadRatePlan } from './queries.js';

/** POST /api/garages/:id/rate-plan/quote answers this. */
export const Quote = z
  .object({
    totalCents: z.number().int(),
    breakdown: FeeBreakdown,
    words: z.array(z.string()).meta({ description: "the breakdown's lines in words, clock times in the garage's timezone" }),
  })
  .meta({ description: 'What a stay would cost; no ticket is touched and no validation use is taken' });

const get = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getRatePlan',
  summary: 'The rate plan in force: rates per vehicle type, time bands, grace, daily max, specials and events',
  responses: { 200: jsonResponse(RatePlan, 'The plan in force (version 0: the plain tariff, before any plan was saved)'), ...errorResponses(401, 403) },
});
const put = createRoute({
  method: 'put',
  path: '/',
  operationId: 'putRatePlan',
  summary: 'Save a new version of the rate plan (managers); cars already inside keep the version they came in under',
  request: { body: jsonBody(RatePlanBody) },
  responses: { 200: jsonResponse(RatePlan, 'The new version, in force from now'), ...errorResponses(400, 401, 403) },
});
const quote = createRoute({
  method: 'post',
  path: '/quote',
  operationId: 'quoteStay',
  summary: 'Price a stay without a ticket: under the plan in force or a draft plan, with a validation code if given',
  request: { body: jsonBody(QuoteBody) },
  responses: { 200: jsonResponse(Quote, 'The price and its breakdown'), ...errorResponses(400, 401, 403, 409) },
});

/** /api/garages/:garageId/rate-plan (and /api/rate-plan for the default garage): the plan, a new version, a quote. */
export function ratePlanRoutes(deps: Deps) {
  const { sql } = deps;
  const planOf = async (garageId: number) => {
    const plan = await loadRatePlan(sql, garageId);
    if (!plan) throw new Error(`garage ${garageId} does not exist`);
    return plan;
  };
  return (
    createRouter()
      /** GET /api/garages/:garageId/rate-plan */
      .openapi(get, async (c) => c.json(await planOf(garageOf(c.var)), 200))
      /** PUT /api/garages/:garageId/rate-plan */
      .openapi(put, async (c) => {
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const saved = await sql.begin(async (tx) => {
          const before = await loadRatePlan(tx, garageId, { lock: true });
          const version = await insertRatePlanVersion(tx, garageId, body, by.actor);
          await recordAudit(tx, { garageId, ...by, action: 'rate_plan.update', subject: `garage:${garageId}`, details: { fromVersion: before?.version ?? 0, version, plan: body } });
          return (await loadRatePlan(tx, garageId))!;
        });
        return c.json(saved, 200);
      })
      /** POST /api/garages/:garageId/rate-plan/quote */
      .openapi(quote, async (c) => {
        const q = c.req.valid('json');
        const garageId = garageOf(c.var);
        const current = await planOf(garageId);
        const plan = q.plan ? { ...q.plan, version: current.version, timezone: current.timezone } : current;
        const entry = new Date(q.entryTime);
        const exit = new Date(q.exitTime);
        const priceAt = (at: Date) => priceStay(plan, q.vehicleType, entry, at, plan.timezone);
        let fee = priceAt(exit);
        if (q.validationCode) {
          fee = await previewValidation(sql, garageId, q.validationCode, exit, plan.timezone, fee, shorterStayPrice(priceAt, entry, exit));
        }
        return c.json({ totalCents: fee.totalCents, breakdown: fee, words: (fee.lines ?? []).map((l) => feeLineWords(l, plan.timezone)) }, 200);
      })
  );
}
