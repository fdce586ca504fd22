import type { Actor, Attribution, Role } from '../../shared/auth.js';

/** The signed-in staff member a request acts for: a user's account without its password hash. */
export type StaffMember = {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  slackUserId: string | null;
  createdAt: Date;
  /** The garages they may use (admins: every garage), by id. */
  garageIds: number[];
  /** The garage the seed's paths act on for them (0 when they may use none). */
  defaultGarageId: number;
};

/** What the auth middleware leaves on a request's context. */
export type AppEnv = {
  Variables: {
    /** The signed-in staff member (absent on public routes without a session). */
    user?: StaffMember;
    /** How the session came: the PWA's cookie or an `Authorization: Bearer` token. */
    via?: 'cookie' | 'bearer';
    /** The garage the request acts on (api/garages/scope.ts): its path's, else the user's default. */
    garageId?: number | undefined;
  };
};

/** The signed-in user of a request that passed the access check. */
export function currentUser(vars: { user?: StaffMember | undefined }): StaffMember {
  if (!vars.user) throw new Error('a signed-in user was expected: the access table lets this route through without one');
  return vars.user;
}

/** Who is making this request and through which door, for the audit log and its idempotency keys. */
export function attributionOf(vars: { user?: StaffMember | undefined; via?: 'cookie' | 'bearer' | undefined }): Attribution {
  const actor: Actor = `user:${currentUser(vars).id}`;
  return { actor, source: vars.via === 'cookie' ? 'pwa' : 'api' };
}
