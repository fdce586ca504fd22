import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { decideAccess } from '../../shared/auth.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import type { AppEnv } from '../http/env.js';
import { accessFor } from './access.js';
import { explainMissingSession, touchSession } from './queries.js';
import { sessionEnded } from './session-ended.js';
import { hashToken } from './tokens.js';

/** The session cookie the PWA signs in with. */
export const SESSION_COOKIE = 'parkops_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token of a request: `Authorization: Bearer`, else the session cookie. */
export function readSessionToken(c: Context) {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { token: bearer, via: 'bearer' as const };
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) return { token: cookie, via: 'cookie' as const };
  return null;
}

/**
 * Applies the access table: public routes pass without a session lookup; others need a live
 * session of a user whom the one permission rule (`decideAccess`) lets do the route's action. A state change
 * made with the cookie must come from this origin (CSRF).
 */
export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  const idleHours = Math.round((deps.sessionIdleMs / 3600_000) * 10) / 10;
  return async (c, next) => {
    const access = accessFor(c.req.method, c.req.path);
    if (access === 'public') return next(); // no session lookup: status must answer even when the database cannot
    const found = readSessionToken(c);
    if (!found) throw sessionEnded('no_session', idleHours);
    const now = deps.now();
    const tokenHash = hashToken(found.token);
    const idleSince = new Date(now.getTime() - deps.sessionIdleMs);
    const user = await touchSession(deps.sql, tokenHash, now, idleSince);
    if (!user) throw sessionEnded(await explainMissingSession(deps.sql, tokenHash, idleSince), idleHours);
    c.set('user', user);
    c.set('via', found.via);
    const decision = decideAccess(user, access);
    if (!decision.ok) {
      if (decision.reason === 'role') throw new AppError('forbidden', `This needs the ${decision.needed} role; you are signed in as ${decision.role}`);
      throw sessionEnded(decision.reason === 'disabled' ? 'disabled' : 'unknown', idleHours);
    }
    if (c.get('via') === 'cookie' && !SAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.header('origin'), c.req.url, c.req.header('host'))) {
      throw new AppError('forbidden', 'Cross-site request refused: a change made with the session cookie must come from this site');
    }
    return next();
  };
}

function isSameOrigin(origin: string | undefined, url: string, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    const o = new URL(origin);
    return o.host === (host ?? new URL(url).host);
  } catch {
    return false; // an unparseable Origin is not this site
  }
}
