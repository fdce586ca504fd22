import { createRoute, z } from '@hono/zod-openapi';
import { AuditEntry } from '../../shared/auth.js';
import { Text } from '../../shared/strings.js';
import type { Deps } from '../deps.js';
import { createRouter, errorResponses, jsonResponse } from '../http/openapi.js';
import { listAudit } from './queries.js';
import { garageOf } from '../garages/scope.js';
import { currentUser } from '../http/env.js';

const AuditQuery = z.object({
  actor: Text(100, 'actor').optional().meta({ example: 'user:1' }),
  action: Text(100, 'action').optional().meta({ example: 'ticket.exit' }),
  subject: Text(200, 'subject').optional().meta({ example: 'PS-7K3QXM' }),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  before: z.coerce.number().int('before is a whole number').min(1, 'before is at least 1').optional().meta({ description: 'page: rows with an id below this (the last id of the previous page)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listAuditEntries',
  summary: 'The audit log, newest first; page with `before`',
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse(z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() }), 'A page of the audit log'),
    ...errorResponses(400, 401, 403),
  },
});

/**
 * /api/audit: who did what, for managers — the rows of the request's garage. An admin also sees the
 * rows of no garage (staff accounts, sign-ins and failed ones), at the seed path and under
 * any garage: an admin administers those for every garage, and the app's Audit screen reads the
 * garage-scoped path.
 */
export function auditRoutes(deps: Deps) {
  /** GET /api/audit?actor=&action=&subject=&since=&until=&before=&limit= */
  return createRouter().openapi(list, async (c) => {
    const q = c.req.valid('query');
    const entries = await listAudit(deps.sql, {
      ...q,
      garageId: garageOf(c.var),
      withoutGarage: currentUser(c.var).role === 'admin',
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
    });
    const nextBefore = entries.length === q.limit ? entries[entries.length - 1]!.id : null;
    return c.json({ entries, nextBefore }, 200);
  });
}
