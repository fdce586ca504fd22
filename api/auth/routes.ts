import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginAnswer, LoginBody, User } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { clientAddress, NO_TRUSTED_PROXY } from '../http/client-address.js';
import { attributionOf, currentUser } from '../http/env.js';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { login } from './login.js';
import { readSessionToken, SESSION_COOKIE } from './middleware.js';
import { toUser } from '../users/queries.js';
import { endSession } from './queries.js';
import { hashToken } from './tokens.js';

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  operationId: 'login',
  summary: 'Sign in: a bearer token, and the same token as an HttpOnly session cookie',
  security: [],
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonResponse(LoginAnswer, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  operationId: 'logout',
  summary: 'End this session',
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Signed out'), ...errorResponses(401, 403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: 'Who is signed in',
  responses: { 200: jsonResponse(User, 'The signed-in user'), ...errorResponses(401) },
});

/** How long the browser keeps the session cookie; the session itself ends after SESSION_IDLE_HOURS idle. */
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;

/** /api/auth: login, logout, me. */
export function authRoutes(deps: Deps) {
  return (
    createRouter()
      /** POST /api/auth/login */
      .openapi(loginRoute, async (c) => {
        const source = c.req.header('origin') ? 'pwa' : 'api';
        const { token, user } = await login(deps, c.req.valid('json'), source, clientAddress(c, deps.trustedProxies ?? NO_TRUSTED_PROXY));
        const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
        // persistent, so an installed app keeps it when the phone closes the app; the server still ends idle sessions
        setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: COOKIE_MAX_AGE_S });
        return c.json({ token, user: toUser(user) }, 200);
      })
      /** POST /api/auth/logout */
      .openapi(logoutRoute, async (c) => {
        const found = readSessionToken(c);
        const by = attributionOf(c.var);
        await deps.sql.begin(async (tx) => {
          if (found) await endSession(tx, hashToken(found.token), deps.now());
          await recordAudit(tx, { garageId: currentUser(c.var).defaultGarageId || null, ...by, action: 'auth.logout', subject: currentUser(c.var).username });
        });
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.json({ ok: true as const }, 200);
      })
      /** GET /api/auth/me */
      .openapi(meRoute, (c) => c.json(toUser(currentUser(c.var)), 200))
  );
}
