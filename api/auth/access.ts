import type { Role } from '../../shared/auth.js';

/** Who may call a route: anyone, or a signed-in staff member with at least this role. */
export type Access = 'public' | Role;

/**
 * The one access table: every route of the API with who may call it. The auth middleware
 * enforces it and a test checks that every route the app serves has a row here.
 */
export const accessRules: ReadonlyArray<{ method: string; path: string; access: Access }> = [
  { method: 'GET', path: '/api/status', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', access: 'public' },
  { method: 'GET', path: '/api/docs', access: 'public' },
  { method: 'GET', path: '/api/docs/assets/swagger-ui-dist/:file', access: 'public' },
  { method: 'POST', path: '/api/auth/login', access: 'public' },
  { method: 'POST', path: '/api/auth/logout', access: 'attendant' },
  { method: 'GET', path: '/api/auth/me', access: 'attendant' },
  { method: 'GET', path: '/api/garage/stats', access: 'attendant' },
  { method: 'POST', path: '/api/tickets', access: 'attendant' },
  { method: 'GET', path: '/api/tickets', access: 'attendant' },
  { method: 'GET', path: '/api/tickets/:ticketNumber', access: 'attendant' },
  { method: 'PUT', path: '/api/tickets/:ticketNumber/exit', access: 'attendant' },
  { method: 'GET', path: '/api/activities', access: 'attendant' },
  { method: 'GET', path: '/api/garage/settings', access: 'manager' },
  { method: 'PUT', path: '/api/garage/settings', access: 'manager' },
  { method: 'GET', path: '/api/reports/daily', access: 'manager' },
  { method: 'GET', path: '/api/audit', access: 'manager' },
  { method: 'GET', path: '/api/users', access: 'admin' },
  { method: 'POST', path: '/api/users', access: 'admin' },
  { method: 'PATCH', path: '/api/users/:id', access: 'admin' },
];

const compiled = accessRules.map((rule) => ({
  ...rule,
  pattern: new RegExp(`^${rule.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`),
}));

/**
 * Who may call `method path`. A path with no rule needs a signed-in attendant at least, so an
 * unknown path tells a stranger nothing.
 */
export function accessFor(method: string, path: string): Access {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((r) => r.method === m && r.pattern.test(path))?.access ?? 'attendant';
}
