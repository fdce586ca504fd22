import type { LoginBody } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { verifyPassword } from './passwords.js';
import { loadUserByUsername, type UserRow } from '../users/queries.js';
import { clearLoginFailures, countLoginFailures, insertSession, recordLoginFailure } from './queries.js';
import { hashToken, newSessionToken } from './tokens.js';

/** Failed logins for one username allowed in the window before it is refused. */
export const MAX_LOGIN_FAILURES = 5;
/** The throttling window. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Signs a staff member in. Invariants: five failures for one username within 15 minutes refuse
 * further tries (429) until the window passes; an unknown username costs the same time as a
 * known one; every attempt, success or failure, leaves an audit row.
 */
export async function login(deps: Deps, body: LoginBody, source: 'pwa' | 'api'): Promise<{ token: string; user: UserRow }> {
  const { sql } = deps;
  const now = deps.now();
  const failures = await countLoginFailures(sql, body.username, new Date(now.getTime() - LOGIN_WINDOW_MS));
  if (failures.n >= MAX_LOGIN_FAILURES) {
    const retryAfter = Math.max(1, Math.ceil((failures.oldest!.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
    await recordAudit(sql, { garageId: deps.garageId, actor: 'system', source, action: 'auth.login_throttled', subject: body.username });
    throw new AppError('rate_limited', `Too many failed sign-ins for ${body.username}; try again in ${Math.ceil(retryAfter / 60)} min`, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
  const user = await loadUserByUsername(sql, body.username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, body.password);
  if (!user || !passwordOk || user.disabled) {
    await sql.begin(async (tx) => {
      await recordLoginFailure(tx, body.username, now);
      await recordAudit(tx, {
        garageId: deps.garageId,
        actor: user ? `user:${user.id}` : 'system',
        source,
        action: 'auth.login_failed',
        subject: body.username,
        details: { reason: !user ? 'unknown_user' : user.disabled && passwordOk ? 'disabled' : 'wrong_password' },
      });
    });
    if (user?.disabled && passwordOk) throw new AppError('forbidden', 'This account is disabled; ask an admin to enable it');
    throw new AppError('unauthorized', 'Wrong username or password');
  }
  const token = newSessionToken();
  await sql.begin(async (tx) => {
    await insertSession(tx, hashToken(token), user.id, now);
    await clearLoginFailures(tx, user.username);
    await recordAudit(tx, { garageId: deps.garageId, actor: `user:${user.id}`, source, action: 'auth.login', subject: user.username });
  });
  return { token, user };
}
