import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type MiddlewareHandler } from 'hono';
import { mergePath } from 'hono/utils/url';
import { z } from 'zod';
import { ApiError } from '../../shared/errors.js';
import { AppError } from '../http/app-error.js';
import type { AppEnv } from '../http/env.js';

/**
 * Several garages, at the HTTP door. Every garage resource is served twice: at its seed path
 * (`/api/tickets`, `/api/garage/stats`, …), acting on the user's default garage so the seed's
 * contract and existing clients keep working, and under `/api/garages/:garageId/…` for any garage
 * the user may use. One middleware decides the garage of a request; the routes read it with
 * `garageOf`. A garage the user may not use is 404 "No garage N" whether or not it exists, so
 * garages cannot be enumerated.
 */

/** The seed paths that are a garage's resources, and the path of each under /api/garages/:garageId. */
export const GARAGE_RESOURCES: ReadonlyArray<{ seed: string; scoped: string }> = [
  { seed: '/garage', scoped: '' }, // /api/garage/stats -> /api/garages/:garageId/stats, and settings
  { seed: '/tickets', scoped: '/tickets' },
  { seed: '/activities', scoped: '/activities' },
  { seed: '/reports', scoped: '/reports' },
  { seed: '/discards', scoped: '/discards' },
  { seed: '/audit', scoped: '/audit' },
  { seed: '/exceptions', scoped: '/exceptions' },
  { seed: '/shifts', scoped: '/shifts' },
  { seed: '/rate-plan', scoped: '/rate-plan' },
  { seed: '/merchants', scoped: '/merchants' },
  { seed: '/permits', scoped: '/permits' },
  { seed: '/reservations', scoped: '/reservations' },
  { seed: '/alerts', scoped: '/alerts' },
];

/** Where the garage-scoped copies live, below /api. */
export const SCOPED_PREFIX = '/garages/:garageId';

const scopedPath = /^\/api\/garages\/([^/]+)\/.+/;

/** The garage-scoped twin of a seed path (`/api/tickets/:n` -> `/api/garages/:garageId/tickets/:n`), or null when it is not a garage resource. */
export function scopedTwinOf(path: string): string | null {
  for (const { seed, scoped } of GARAGE_RESOURCES) {
    const prefix = `/api${seed}`;
    if (path === prefix || path.startsWith(`${prefix}/`)) return `/api${SCOPED_PREFIX}${scoped}${path.slice(prefix.length)}`;
  }
  return null;
}

/** The refusal for a garage this user may not use (or that does not exist: the same words, so nothing is learnt). */
export function noSuchGarage(raw: string | number): AppError {
  return new AppError('not_found', `No garage ${String(raw).slice(0, 12)} that you may use; GET /api/garages lists yours`);
}

/** True when this staff member may use the garage (their garage ids come from the database: admins have all of them). */
export function mayUseGarage(user: { garageIds: readonly number[] }, garageId: number): boolean {
  return user.garageIds.includes(garageId);
}

/**
 * Decides the garage a signed-in request acts on: the one in `/api/garages/:garageId/…` (404 unless
 * the user may use it), else the user's default garage. Public routes (no user) have none.
 */
export function garageContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return next();
    const m = scopedPath.exec(c.req.path);
    if (m) {
      const raw = m[1]!;
      const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
      if (!mayUseGarage(user, id)) throw noSuchGarage(raw);
      c.set('garageId', id);
    } else {
      if (!mayUseGarage(user, user.defaultGarageId)) c.set('garageId', undefined);
      else c.set('garageId', user.defaultGarageId);
    }
    return next();
  };
}

/** The garage this request acts on; a user who may use no garage gets a 404 that says so. */
export function garageOf(vars: { garageId?: number | undefined }): number {
  if (vars.garageId === undefined) throw new AppError('not_found', 'You may not use any garage yet; ask an admin to give you one');
  return vars.garageId;
}

const GarageIdParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'A garage id is a whole number')
  .meta({ description: 'A garage this user may use (GET /api/garages); any other answers 404', example: '1' });

type RouteDefinition = {
  type: 'route';
  route: {
    path: string;
    operationId?: string;
    summary?: string;
    request?: { params?: z.ZodObject };
    responses: Record<string, unknown>;
  } & Record<string, unknown>;
};

/**
 * Mounts one resource's router at its seed path and under /api/garages/:garageId. The router's
 * handlers are the same; the OpenAPI document gets a second operation for each (`…InGarage`, with
 * the garageId parameter and its 404), so both are described and operation ids stay unique.
 */
export function mountGarageResource(api: OpenAPIHono<any>, resource: { seed: string; scoped: string }, router: OpenAPIHono<any>, seedRouter = router): void {
  api.route(resource.seed, seedRouter);
  const base = `${SCOPED_PREFIX}${resource.scoped}`;
  Hono.prototype.route.call(api, base, router); // dispatch only: the documented copies are registered below
  const docBase = base.replace(/:([^/]+)/g, '{$1}');
  for (const def of router.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = (def as RouteDefinition).route;
    const params = route.request?.params;
    api.openAPIRegistry.registerPath({
      ...(route as object),
      path: mergePath(docBase, route.path),
      operationId: route.operationId ? `${route.operationId}InGarage` : undefined,
      summary: route.summary ? `${route.summary} (in one garage)` : undefined,
      request: { ...(route.request ?? {}), params: params ? params.extend({ garageId: GarageIdParam }) : z.object({ garageId: GarageIdParam }) },
      responses: {
        ...route.responses,
        404: route.responses['404'] ?? { description: 'No such garage that you may use', content: { 'application/json': { schema: ApiError } } },
      },
    } as unknown as Parameters<typeof api.openAPIRegistry.registerPath>[0]);
  }
}

/** The dependencies of a use case with the garage this request acts on. */
export function inGarageOf<D extends object>(deps: D, vars: { garageId?: number | undefined }): D & { garageId: number } {
  return { ...deps, garageId: garageOf(vars) };
}
