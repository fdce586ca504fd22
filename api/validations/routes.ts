import { createRoute, z } from '@hono/zod-openapi';
import { Merchant, MerchantBody, ValidationCode, ValidationCodeBody, ValidationCodeText, ValidationCodeUpdate } from '../../shared/validations.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { garageOf } from '../garages/scope.js';
import { AppError } from '../http/app-error.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse, rowId } from '../http/openapi.js';
import { insertCode, insertMerchant, listMerchants, updateCode } from './queries.js';

const MerchantParam = z.object({ merchantId: rowId('merchant') });
const CodeParam = z.object({ merchantId: rowId('merchant'), code: ValidationCodeText });

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listMerchants',
  summary: "The garage's merchants (a cinema, a shop) with their validation codes and how often each was used (managers)",
  responses: { 200: jsonResponse(z.array(Merchant), 'The merchants'), ...errorResponses(401, 403) },
});
const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createMerchant',
  summary: 'Add a merchant that validates its customers’ parking (managers)',
  request: { body: jsonBody(MerchantBody) },
  responses: { 201: jsonResponse(Merchant, 'The merchant'), ...errorResponses(400, 401, 403, 409) },
});
const addCode = createRoute({
  method: 'post',
  path: '/{merchantId}/codes',
  operationId: 'createValidationCode',
  summary: 'Add a validation code to a merchant: minutes free, an amount or a percentage off, or a flat price; its validity and uses (managers)',
  request: { params: MerchantParam, body: jsonBody(ValidationCodeBody) },
  responses: { 201: jsonResponse(ValidationCode, 'The code'), ...errorResponses(400, 401, 403, 404, 409) },
});
const changeCode = createRoute({
  method: 'patch',
  path: '/{merchantId}/codes/{code}',
  operationId: 'updateValidationCode',
  summary: 'End a code early (validTo) or change how many times it may be used (managers)',
  request: { params: CodeParam, body: jsonBody(ValidationCodeUpdate) },
  responses: { 200: jsonResponse(ValidationCode, 'The code after the change'), ...errorResponses(400, 401, 403, 404) },
});

/** /api/garages/:garageId/merchants: merchants and their validation codes (managers); each change audited. */
export function merchantRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/garages/:garageId/merchants */
      .openapi(list, async (c) => c.json(await listMerchants(sql, garageOf(c.var)), 200))
      /** POST /api/garages/:garageId/merchants */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const merchant = await sql.begin(async (tx) => {
          const made = await insertMerchant(tx, garageId, body, by.actor);
          if (!made) throw new AppError('already_exists', `This garage already has a merchant called ${body.name}`);
          await recordAudit(tx, { garageId, ...by, action: 'merchant.create', subject: `merchant:${made.id}`, details: { name: made.name, contact: made.contact } });
          return made;
        });
        return c.json(merchant, 201);
      })
      /** POST /api/garages/:garageId/merchants/:merchantId/codes */
      .openapi(addCode, async (c) => {
        const { merchantId } = c.req.valid('param');
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const code = await sql.begin(async (tx) => {
          const made = await insertCode(tx, garageId, merchantId, body, by.actor);
          if (made === 'merchant_missing') throw new AppError('not_found', `No merchant ${merchantId} in this garage`);
          if (made === 'code_taken') throw new AppError('already_exists', `This garage already has a code ${body.code}; pick another`);
          await recordAudit(tx, { garageId, ...by, action: 'validation_code.create', subject: made.code, details: { merchant: made.merchantName, ...body } });
          return made;
        });
        return c.json(code, 201);
      })
      /** PATCH /api/garages/:garageId/merchants/:merchantId/codes/:code */
      .openapi(changeCode, async (c) => {
        const { merchantId, code } = c.req.valid('param');
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const changed = await sql.begin(async (tx) => {
          const after = await updateCode(tx, garageId, merchantId, code, body);
          if (after === null) throw new AppError('not_found', `No code ${code} of merchant ${merchantId} in this garage`);
          if (after === 'below_uses') throw new AppError('validation_failed', `maxUses cannot be below the uses so far`, [{ path: 'maxUses', message: 'below the uses so far' }]);
          if (after === 'ends_before_start') throw new AppError('validation_failed', 'validTo must be after the code’s validFrom', [{ path: 'validTo', message: 'before validFrom' }]);
          await recordAudit(tx, { garageId, ...by, action: 'validation_code.update', subject: after.code, details: body });
          return after;
        });
        return c.json(changed, 200);
      })
  );
}
