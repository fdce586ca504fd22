import type { Actor, AuditSource } from '../../shared/auth.js';
import type { UserRow } from '../auth/queries.js';

/** What the auth middleware leaves on a request's context. */
export type AppEnv = {
  Variables: {
    /** The signed-in staff member (absent on public routes without a session). */
    user?: UserRow;
    /** How the session came: the PWA's cookie or an `Authorization: Bearer` token. */
    via?: 'cookie' | 'bearer';
  };
};

/** The signed-in user of a request that passed the access check. */
export function currentUser(vars: { user?: UserRow | undefined }): UserRow {
  if (!vars.user) throw new Error('a signed-in user was expected: the access table lets this route through without one');
  return vars.user;
}

/** Who is making this request and through which door, for the audit log. */
export function attributionOf(vars: { user?: UserRow | undefined; via?: 'cookie' | 'bearer' | undefined }): { actor: Actor; source: AuditSource } {
  return { actor: `user:${currentUser(vars).id}`, source: vars.via === 'cookie' ? 'pwa' : 'api' };
}
