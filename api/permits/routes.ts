import { createRoute, z } from '@hono/zod-openapi';
import { Permit, PermitBody, PermitImport, PermitsQuery, PermitUpdate } from '../../shared/permits.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { garageOf } from '../garages/scope.js';
import { AppError } from '../http/app-error.js';
import { attributionOf } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse, rowId } from '../http/openapi.js';
import { MAX_IMPORT_ROWS, permitsCsv, readPermitsCsv } from './csv.js';
import { insertPermits, listPermits, updatePermit } from './queries.js';

const IdParam = z.object({ id: rowId('permit') });
const ImportBody = z.strictObject({
  csv: z.string().min(1).max(60_000).meta({ description: 'the CSV text: a header row (holder, plates, valid_from, valid_to, note), plates separated by semicolons' }),
});

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listPermits',
  summary: "The garage's permits (monthly parkers), by holder, with the ticket of their car inside now; format=csv to export (managers)",
  request: { query: PermitsQuery },
  responses: {
    200: { description: 'The permits (JSON, or CSV with format=csv)', content: { 'application/json': { schema: z.array(Permit) }, 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(400, 401, 403),
  },
});
const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createPermit',
  summary: 'Add a permit: holder, plates, validity (managers)',
  request: { body: jsonBody(PermitBody) },
  responses: { 201: jsonResponse(Permit, 'The permit'), ...errorResponses(400, 401, 403) },
});
const importCsv = createRoute({
  method: 'post',
  path: '/import',
  operationId: 'importPermits',
  summary: `Add permits from a CSV (at most ${MAX_IMPORT_ROWS}): all rows, or none with every wrong line named (managers)`,
  request: { body: jsonBody(ImportBody) },
  responses: { 201: jsonResponse(PermitImport, 'The permits added'), ...errorResponses(400, 401, 403) },
});
const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updatePermit',
  summary: 'Renew (validTo), suspend, cancel, or change the plates or holder of a permit (managers)',
  request: { params: IdParam, body: jsonBody(PermitUpdate) },
  responses: { 200: jsonResponse(Permit, 'The permit after the change'), ...errorResponses(400, 401, 403, 404) },
});

/** /api/garages/:garageId/permits: monthly parkers, with CSV import and export; each change audited. */
export function permitRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/garages/:garageId/permits */
      .openapi(list, async (c) => {
        const q = c.req.valid('query');
        const permits = await listPermits(sql, garageOf(c.var), { status: q.status, plate: q.plate?.normalized, limit: q.format === 'csv' ? 100_000 : 1000 });
        if (q.format === 'csv') {
          c.header('Content-Disposition', 'attachment; filename="parkops-permits.csv"');
          return c.body(permitsCsv(permits), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
        }
        return c.json(permits, 200);
      })
      /** POST /api/garages/:garageId/permits */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const [permit] = await sql.begin(async (tx) => {
          const made = await insertPermits(tx, garageId, [body], by.actor);
          await recordAudit(tx, { garageId, ...by, action: 'permit.create', subject: `permit:${made[0]!.id}`, details: { permit: made[0] } });
          return made;
        });
        return c.json(permit!, 201);
      })
      /** POST /api/garages/:garageId/permits/import */
      .openapi(importCsv, async (c) => {
        const read = readPermitsCsv(c.req.valid('json').csv);
        if (!read.ok) throw new AppError('validation_failed', `Nothing imported: ${read.issues[0]!.path}: ${read.issues[0]!.message}${read.issues.length > 1 ? ` (and ${read.issues.length - 1} more)` : ''}`, read.issues);
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const permits = await sql.begin(async (tx) => {
          const made = await insertPermits(tx, garageId, read.permits, by.actor);
          await recordAudit(tx, { garageId, ...by, action: 'permit.import', subject: `garage:${garageId}`, details: { imported: made.length, ids: made.map((p) => p.id) } });
          return made;
        });
        return c.json({ imported: permits.length, permits }, 201);
      })
      /** PATCH /api/garages/:garageId/permits/:id */
      .openapi(patch, async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const garageId = garageOf(c.var);
        const by = attributionOf(c.var);
        const permit = await sql.begin(async (tx) => {
          const after = await updatePermit(tx, garageId, id, body, deps.now());
          if (!after) throw new AppError('not_found', `No permit ${id} in this garage`);
          await recordAudit(tx, { garageId, ...by, action: 'permit.update', subject: `permit:${id}`, details: { change: body } });
          return after;
        });
        return c.json(permit, 200);
      })
  );
}
