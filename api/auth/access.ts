import type { Action } from '../../shared/auth.js';
import { scopedTwinOf } from '../garages/scope.js';

/** Who may call a route: anyone, or whoever may do this action (shared/auth.ts ACTION_ROLES). */
export type Access = 'public' | Action;

/**
 * The seed paths' rules: every route of the API with the action it is, so the one permission rule
 * (`decideAccess` in shared/auth.ts) decides it as it decides Slack's commands. The auth middleware
 * enforces it and a test checks that every route the app serves has a row here.
 */
const seedRules: ReadonlyArray<{ method: string; path: string; access: Access }> = [
  { method: 'GET', path: '/api/status', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', access: 'public' },
  { method: 'GET', path: '/api/docs', access: 'public' },
  { method: 'GET', path: '/api/docs/assets/swagger-ui-dist/:file', access: 'public' },
  { method: 'POST', path: '/api/auth/login', access: 'public' },
  { method: 'POST', path: '/api/auth/logout', access: 'session.use' },
  { method: 'GET', path: '/api/auth/me', access: 'session.use' },
  { method: 'GET', path: '/api/garage/stats', access: 'garage.stats' },
  { method: 'POST', path: '/api/tickets', access: 'tickets.use' },
  { method: 'GET', path: '/api/tickets', access: 'tickets.use' },
  { method: 'GET', path: '/api/tickets/active-plates', access: 'tickets.use' },
  { method: 'GET', path: '/api/tickets/:ticketNumber', access: 'tickets.use' },
  { method: 'PUT', path: '/api/tickets/:ticketNumber/exit', access: 'tickets.use' },
  { method: 'GET', path: '/api/activities', access: 'activities.read' },
  { method: 'GET', path: '/api/garage/settings', access: 'settings.read' },
  { method: 'PUT', path: '/api/garage/settings', access: 'settings.write' },
  { method: 'GET', path: '/api/reports/daily', access: 'reports.read' },
  { method: 'GET', path: '/api/reports/shifts', access: 'reports.read' },
  { method: 'GET', path: '/api/audit', access: 'audit.read' },
  { method: 'GET', path: '/api/users', access: 'users.manage' },
  { method: 'POST', path: '/api/users', access: 'users.manage' },
  { method: 'PATCH', path: '/api/users/:id', access: 'users.manage' },
  { method: 'GET', path: '/api/public/occupancy', access: 'public' },
  { method: 'GET', path: '/r/:token', access: 'public' },
  { method: 'GET', path: '/api/public/occupancy/:garageId', access: 'public' },
  { method: 'GET', path: '/api/garages', access: 'garages.read' },
  { method: 'POST', path: '/api/garages', access: 'garages.manage' },
  { method: 'PATCH', path: '/api/garages/:id', access: 'garages.manage' },
  { method: 'POST', path: '/api/discards', access: 'discards.report' },
  { method: 'GET', path: '/api/discards', access: 'discards.resolve' },
  { method: 'POST', path: '/api/discards/:id/resolve', access: 'discards.resolve' },
  { method: 'POST', path: '/api/tickets/:ticketNumber/void', access: 'corrections.request' },
  { method: 'PATCH', path: '/api/tickets/:ticketNumber', access: 'corrections.request' },
  { method: 'POST', path: '/api/tickets/:ticketNumber/refunds', access: 'corrections.request' },
  { method: 'POST', path: '/api/tickets/:ticketNumber/lost-ticket-waiver', access: 'corrections.request' },
  { method: 'GET', path: '/api/exceptions', access: 'exceptions.decide' },
  { method: 'GET', path: '/api/exceptions/:id', access: 'exceptions.read' },
  { method: 'POST', path: '/api/exceptions/:id/approve', access: 'exceptions.decide' },
  { method: 'POST', path: '/api/exceptions/:id/deny', access: 'exceptions.decide' },
  { method: 'POST', path: '/api/shifts', access: 'shifts.use' },
  { method: 'GET', path: '/api/shifts/current', access: 'shifts.use' },
  { method: 'GET', path: '/api/shifts', access: 'shifts.manage' },
  { method: 'GET', path: '/api/shifts/:id', access: 'shifts.use' },
  { method: 'POST', path: '/api/shifts/:id/movements', access: 'shifts.use' },
  { method: 'POST', path: '/api/shifts/:id/close', access: 'shifts.use' },
  { method: 'POST', path: '/api/shifts/:id/reconcile', access: 'shifts.manage' },
  { method: 'GET', path: '/api/rate-plan', access: 'rates.read' },
  { method: 'PUT', path: '/api/rate-plan', access: 'rates.write' },
  { method: 'POST', path: '/api/rate-plan/quote', access: 'rates.read' },
  { method: 'GET', path: '/api/merchants', access: 'validations.manage' },
  { method: 'POST', path: '/api/merchants', access: 'validations.manage' },
  { method: 'POST', path: '/api/merchants/:merchantId/codes', access: 'validations.manage' },
  { method: 'PATCH', path: '/api/merchants/:merchantId/codes/:code', access: 'validations.manage' },
  { method: 'GET', path: '/api/reports/validations', access: 'reports.read' },
  { method: 'GET', path: '/api/reports/bookings', access: 'reports.read' },
  { method: 'GET', path: '/api/reports/charts', access: 'reports.read' },
  { method: 'GET', path: '/api/permits', access: 'permits.manage' },
  { method: 'POST', path: '/api/permits', access: 'permits.manage' },
  { method: 'POST', path: '/api/permits/import', access: 'permits.manage' },
  { method: 'PATCH', path: '/api/permits/:id', access: 'permits.manage' },
  { method: 'GET', path: '/api/reservations', access: 'reservations.use' },
  { method: 'POST', path: '/api/reservations', access: 'reservations.use' },
  { method: 'GET', path: '/api/reservations/:id', access: 'reservations.use' },
  { method: 'POST', path: '/api/reservations/:id/cancel', access: 'reservations.use' },
  { method: 'GET', path: '/api/alerts', access: 'alerts.manage' },
  { method: 'PUT', path: '/api/alerts/mutes', access: 'alerts.manage' },
  { method: 'POST', path: '/api/tickets/:ticketNumber/receipt-link', access: 'tickets.use' },
  { method: 'POST', path: '/api/tickets/:ticketNumber/receipt-link/revoke', access: 'receipts.revoke' },
];

/**
 * The HTTP access table: every route with the action it is. A garage resource's route under
 * /api/garages/:garageId is the same action as its seed path (which garage, api/garages/scope.ts decides).
 */
export const accessRules: ReadonlyArray<{ method: string; path: string; access: Access }> = [
  ...seedRules,
  ...seedRules.flatMap((rule) => {
    const twin = scopedTwinOf(rule.path);
    return twin ? [{ ...rule, path: twin }] : [];
  }),
];

const compiled = accessRules.map((rule) => ({
  ...rule,
  pattern: new RegExp(`^${rule.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`),
}));

/**
 * What calling `method path` is. A path with no rule is `session.use` (a signed-in attendant at
 * least), so an unknown path tells a stranger nothing.
 */
export function accessFor(method: string, path: string): Access {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((r) => r.method === m && r.pattern.test(path))?.access ?? 'session.use';
}
