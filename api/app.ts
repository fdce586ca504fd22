import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { activityRoutes } from './activities/routes.js';
import { auditRoutes } from './audit/routes.js';
import { discardRoutes } from './discards/routes.js';
import { garagesRoutes } from './garages/routes.js';
import { GARAGE_RESOURCES, garageContext, mountGarageResource } from './garages/scope.js';
import { correctionRoutes, exceptionRoutes } from './corrections/routes.js';
import { shiftRoutes } from './shifts/routes.js';
import { ratePlanRoutes } from './rates/routes.js';
import { merchantRoutes } from './validations/routes.js';
import { permitRoutes } from './permits/routes.js';
import { reservationRoutes } from './reservations/routes.js';
import { alertRoutes } from './alert-episodes/routes.js';
import { publicRoutes } from './public/routes.js';
import { receiptLinkRoutes, receiptPageRoutes } from './receipts/routes.js';
import { authenticate } from './auth/middleware.js';
import { authRoutes } from './auth/routes.js';
import type { Deps } from './deps.js';
import { garageRoutes } from './garage/routes.js';
import { docsRoutes } from './http/docs.js';
import { createDatabaseCircuit, failFastWhileDown } from './http/circuit.js';
import { NO_TRUSTED_PROXY } from './http/client-address.js';
import { apiNotFound, errorHandler } from './http/errors.js';
import { limitBody, refuseNul, requireJsonBody } from './http/guards.js';
import { createRouter } from './http/openapi.js';
import { securityHeaders } from './http/security-headers.js';
import { reportRoutes } from './reports/routes.js';
import { pingDatabase } from './status/queries.js';
import { statusRoutes } from './status/routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { userRoutes } from './users/routes.js';
import { homePage } from './home.js';
import { accessLog } from './observability/access-log.js';
import { createMetrics } from './observability/metrics.js';
import { metricsRoutes } from './observability/routes.js';

/** Routes the composition root adds beside the API (the Slack adapter), mounted before the page fallback. */
export type ExtraRoutes = { path: string; app: Hono<any, any, any> }[];

/**
 * Builds the whole HTTP app from its dependencies; `main.ts` serves it, tests call `app.request()`.
 *
 * | path | what |
 * |---|---|
 * | /api/status | health |
 * | /api/garage/stats, /api/garage/settings | dashboard figures, settings |
 * | /api/tickets… | entry, lookup, search, exit |
 * | /api/activities | recent entries and exits |
 * | /api/reports/daily | daily / range report, JSON or CSV |
 * | /api/auth/…, /api/users…, /api/audit | sign-in, staff accounts, the audit log |
 * | /api/discards… | what the phone gave up on, and the payments a manager resolves |
 * | /api/tickets/:n/void, /refunds, /lost-ticket-waiver, PATCH /api/tickets/:n | corrections; /api/exceptions… the requests a manager approves |
 * | /api/shifts… | cashier shifts: open with a float, movements, blind close, reconcile |
 * | /api/tickets/:n/receipt-link, …/revoke | a paid ticket's receipt link for the driver; a manager revokes it |
 * | /api/garages… | the garages a user may use, their profile |
 * | /api/garages/:garageId/… | each garage's stats, settings, tickets, activities, reports, discards, audit (the seed paths act on the user's default garage) |
 * | /api/public/occupancy… | free spaces of the garages that publish them, for anyone |
 * | /api/openapi.json, /api/docs | the contract and a page to read it |
 * | /metrics | Prometheus metrics, for the holder of METRICS_TOKEN |
 * | /r/:token | a receipt, for whoever holds its link (no sign-in) |
 * | everything else | the app page |
 */
export function createApp(deps: Deps, extra: ExtraRoutes = []) {
  const app = new OpenAPIHono();
  const metrics = createMetrics(deps);
  const circuit = createDatabaseCircuit({ probe: () => pingDatabase(deps.sql), log: deps.log });
  app.onError(errorHandler(deps.log, circuit));
  app.use('*', requestId(), accessLog(deps.log), metrics.measure);
  app.use('*', securityHeaders(deps.trustedProxies ?? NO_TRUSTED_PROXY));
  app.use('/api/*', failFastWhileDown(circuit, ['/api/status', '/api/docs', '/api/openapi.json']), limitBody, requireJsonBody, refuseNul, authenticate(deps), garageContext());

  const api = createRouter()
    .route('/status', statusRoutes(deps, circuit))
    .route('/auth', authRoutes(deps))
    .route('/users', userRoutes(deps))
    .route('/garages', garagesRoutes(deps))
    .route('/public', publicRoutes(deps));
  // each garage's resources: at the seed path (the user's default garage) and under /garages/:garageId
  const [garage, tickets, activities, reports, discards, audit, exceptions, shifts, ratePlan, merchants, permits, reservations, alerts] = GARAGE_RESOURCES;
  mountGarageResource(api, garage!, garageRoutes(deps));
  mountGarageResource(api, tickets!, ticketRoutes(deps, { findsOwnGarage: false }), ticketRoutes(deps, { findsOwnGarage: true }));
  mountGarageResource(api, activities!, activityRoutes(deps));
  mountGarageResource(api, reports!, reportRoutes(deps));
  mountGarageResource(api, discards!, discardRoutes(deps));
  mountGarageResource(api, audit!, auditRoutes(deps), auditRoutes(deps));
  mountGarageResource(api, tickets!, correctionRoutes(deps, { findsOwnGarage: false }), correctionRoutes(deps, { findsOwnGarage: true }));
  mountGarageResource(api, exceptions!, exceptionRoutes(deps, { anyOwnGarage: false }), exceptionRoutes(deps, { anyOwnGarage: true }));
  mountGarageResource(api, shifts!, shiftRoutes(deps, { anyOwnGarage: false }), shiftRoutes(deps, { anyOwnGarage: true }));
  mountGarageResource(api, ratePlan!, ratePlanRoutes(deps));
  mountGarageResource(api, merchants!, merchantRoutes(deps));
  mountGarageResource(api, permits!, permitRoutes(deps));
  mountGarageResource(api, reservations!, reservationRoutes(deps));
  mountGarageResource(api, alerts!, alertRoutes(deps));
  mountGarageResource(api, tickets!, receiptLinkRoutes(deps, { findsOwnGarage: false }), receiptLinkRoutes(deps, { findsOwnGarage: true }));
  api.route('/docs', docsRoutes());
  app.route('/api', api);
  // named, not inline: doc31's config is typed with OpenAPI 3.0's License, which lacks 3.1's SPDX `identifier`
  const license = { name: 'Proprietary: no licence is granted', identifier: 'LicenseRef-ParkOps-Proprietary' };
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ParkOps API',
      version: '1.0.0',
      description: 'Garage operations: tickets, payments, stats and reports. Money in integer cents; times ISO-8601 UTC. Sign in with POST /api/auth/login and send the token as `Authorization: Bearer <token>`.',
      license,
    },
    // relative: each garage runs its own server, so the right origin is the one the client fetched this from
    servers: [{ url: '/', description: 'The ParkOps server that served this document (same origin)' }],
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.all('/api/*', apiNotFound);

  app.route('/metrics', metricsRoutes(metrics, deps.metricsToken));
  app.route('/r', receiptPageRoutes(deps));
  for (const { path, app: sub } of extra) app.route(path, sub);
  app.get('*', homePage);
  app.notFound(apiNotFound);
  return app;
}
