import { createRoute, z } from '@hono/zod-openapi';
import { CreateUserBody, UpdateUserBody, User } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import { hashPassword } from '../auth/passwords.js';
import { endUserSessions } from '../auth/queries.js';
import { firstGarageId, insertUser, listUsers, loadUser, setUserGarages, storedGarageIds, toUser, unknownGarages, updateUser } from './queries.js';
import type { Sql } from '../db/types.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { attributionOf, currentUser } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse, rowId } from '../http/openapi.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listUsers',
  summary: 'All staff accounts',
  responses: { 200: jsonResponse(z.array(User), 'Accounts by username'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createUser',
  summary: 'Add a staff account',
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: jsonResponse(User, 'The new account'), ...errorResponses(400, 401, 403, 409) },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateUser',
  summary: 'Change role, reset password, disable or enable, link a Slack user, set the garages they may use and their default',
  request: { params: z.object({ id: rowId('user') }), body: jsonBody(UpdateUserBody) },
  responses: { 200: jsonResponse(User, 'The account after the change'), ...errorResponses(400, 401, 403, 404, 409) },
});

/**
 * Refuses garages that do not exist, and a default garage that is not one of the user's garages
 * (those sent, else `current()`: the ones they have), with a 400 that names them.
 */
async function checkGarages(sql: Sql, garageIds: readonly number[] | undefined, defaultGarageId: number | null | undefined, current: () => Promise<number[]>): Promise<void> {
  if (garageIds) {
    const unknown = await unknownGarages(sql, garageIds);
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `garageIds: there is no garage ${unknown.join(', ')}`, [{ path: 'garageIds', message: 'unknown garage' }]);
    }
  }
  if (defaultGarageId != null && !(garageIds ?? (await current())).includes(defaultGarageId)) {
    throw new AppError('validation_failed', `defaultGarageId: garage ${defaultGarageId} is not one of this user's garages; add it to garageIds`, [
      { path: 'defaultGarageId', message: 'not one of garageIds' },
    ]);
  }
}

/** /api/users: account management for admins. */
export function userRoutes(deps: Deps) {
  const { sql } = deps;
  return (
    createRouter()
      /** GET /api/users */
      .openapi(list, async (c) => c.json((await listUsers(sql)).map(toUser), 200))
      /** POST /api/users */
      .openapi(create, async (c) => {
        const body = c.req.valid('json');
        await checkGarages(sql, body.garageIds, body.defaultGarageId, async () => {
          const first = await firstGarageId(sql);
          return first === null ? [] : [first];
        });
        const passwordHash = await hashPassword(body.password);
        const by = attributionOf(c.var);
        const created = await sql.begin(async (tx) => {
          const row = await insertUser(tx, { ...body, passwordHash });
          if (!row) return null;
          const details = { role: row.role, slackUserId: row.slackUserId, garageIds: row.garageIds, defaultGarageId: row.defaultGarageId };
          await recordAudit(tx, { garageId: null, ...by, action: 'user.create', subject: row.username, details });
          return row;
        });
        if (!created) throw new AppError('already_exists', `The username ${body.username} or that Slack user is already taken`);
        return c.json(toUser(created), 201);
      })
      /** PATCH /api/users/:id */
      .openapi(update, async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const me = currentUser(c.var);
        if (id === me.id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
          throw new AppError('validation_failed', 'You cannot disable yourself or take away your own admin role; ask another admin');
        }
        await checkGarages(sql, body.garageIds, body.defaultGarageId, () => storedGarageIds(sql, id));
        const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
        const by = attributionOf(c.var);
        const now = deps.now();
        const row = await sql
          .begin(async (tx) => {
            if (!(await loadUser(tx, id))) return null;
            if (!(await updateUser(tx, id, { role: body.role, passwordHash, disabled: body.disabled, slackUserId: body.slackUserId }))) return null;
            await setUserGarages(tx, id, body.garageIds, body.defaultGarageId);
            const changed = (await loadUser(tx, id))!;
            if (body.disabled === true || passwordHash !== undefined) await endUserSessions(tx, id, now, body.disabled === true ? 'disabled' : 'password_reset');
            const details: Record<string, unknown> = { ...body };
            if ('password' in details) details.password = 'reset';
            await recordAudit(tx, { garageId: null, ...by, action: 'user.update', subject: changed.username, details });
            return changed;
          })
          .catch((error: unknown) => {
            if ((error as { code?: string }).code === '23505') {
              throw new AppError('already_exists', 'That Slack user is already linked to another account');
            }
            throw error;
          });
        if (!row) throw new AppError('not_found', `No user ${id}`);
        return c.json(toUser(row), 200);
      })
  );
}
