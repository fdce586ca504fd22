import type { LoginBody } from '../../shared/auth.js';
import { recordAudit } from '../audit/queries.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { verifyPassword } from './passwords.js';
import { loadUserByUsername, type UserRow } from '../users/queries.js';
import { clearLoginAttempts, countLoginAttempts, deleteLoginAttempt, insertLoginAttempt, insertSession, lockLoginKey, type LoginScope } from './queries.js';
import { hashToken, newSessionToken } from './tokens.js';

/** Failed (or still unchecked) sign-ins for one username allowed in the window before it is refused. */
export const MAX_LOGIN_FAILURES = 5;
/** Failed (or still unchecked) sign-ins from one client address, over all usernames, allowed in the window. */
export const MAX_ADDRESS_FAILURES = 30;
/** The throttling window. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** The attempts a key already holds in the window. */
type KeyLoad = { scope: LoginScope; n: number; oldest: Date | null };

/**
 * Whether one more attempt may be checked, given what each of its keys holds: refused when any key
 * is at its limit, with the seconds until that key's oldest attempt leaves the window.
 * @example decideLoginAttempt([{ scope: 'username', n: 5, oldest }], now) // { ok: false, scope: 'username', retryAfterS: … }
 */
export function decideLoginAttempt(loads: KeyLoad[], now: Date): { ok: true } | { ok: false; scope: LoginScope; retryAfterS: number } {
  for (const load of loads) {
    const limit = load.scope === 'username' ? MAX_LOGIN_FAILURES : MAX_ADDRESS_FAILURES;
    if (load.n >= limit) {
      const freeAt = (load.oldest ?? now).getTime() + LOGIN_WINDOW_MS;
      return { ok: false, scope: load.scope, retryAfterS: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    }
  }
  return { ok: true };
}

/**
 * Counts and decides in one step, before any password is checked: under an advisory lock per key
 * (the address, then the username; held until commit, on every server), counts the attempts in the
 * window and, when under both limits, reserves one on each key. Refused attempts reserve nothing.
 */
async function reserveAttempt(deps: Deps, username: string, address: string | undefined, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const keys: { scope: LoginScope; key: string }[] = [...(address ? [{ scope: 'address' as const, key: address }] : []), { scope: 'username', key: username }];
  return deps.sql.begin(async (tx) => {
    const loads: KeyLoad[] = [];
    for (const { scope, key } of keys) {
      await lockLoginKey(tx, scope, key);
      loads.push({ scope, ...(await countLoginAttempts(tx, scope, key, since)) });
    }
    const decision = decideLoginAttempt(loads, now);
    if (!decision.ok) return decision;
    const ids: Partial<Record<LoginScope, number>> = {};
    for (const { scope, key } of keys) ids[scope] = await insertLoginAttempt(tx, scope, key, now);
    return { ok: true as const, addressAttemptId: ids.address };
  });
}

/**
 * Signs a staff member in. Invariants: at most five attempts for one username and thirty from one
 * client address are checked within 15 minutes, however many arrive at once on however many
 * servers (each is reserved before its password is checked; a failure keeps its reservation, a
 * success clears its username's and frees its own address share); further tries get 429 with
 * Retry-After until the window passes; an unknown username costs the same time as a known one;
 * every attempt, success, failure or refusal, leaves an audit row.
 */
export async function login(deps: Deps, body: LoginBody, source: 'pwa' | 'api', address?: string): Promise<{ token: string; user: UserRow }> {
  const { sql } = deps;
  const now = deps.now();
  const reserved = await reserveAttempt(deps, body.username, address, now);
  if (!reserved.ok) {
    await recordAudit(sql, {
      garageId: null, // a sign-in is of no garage: admins see these rows (GET /api/audit)
      actor: 'system',
      source,
      action: 'auth.login_throttled',
      subject: body.username,
      details: { limit: reserved.scope, ...(address ? { address } : {}) },
    });
    const minutes = Math.ceil(reserved.retryAfterS / 60);
    const message =
      reserved.scope === 'username'
        ? `Too many failed sign-ins for ${body.username}; try again in ${minutes} min`
        : `Too many failed sign-ins from this address; try again in ${minutes} min`;
    throw new AppError('rate_limited', message, undefined, { 'Retry-After': String(reserved.retryAfterS) });
  }
  const user = await loadUserByUsername(sql, body.username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, body.password);
  if (!user || !passwordOk || user.disabled) {
    await recordAudit(sql, {
      garageId: null,
      actor: user ? `user:${user.id}` : 'system',
      source,
      action: 'auth.login_failed',
      subject: body.username,
      details: { reason: !user ? 'unknown_user' : user.disabled && passwordOk ? 'disabled' : 'wrong_password', ...(address ? { address } : {}) },
    });
    if (user?.disabled && passwordOk) throw new AppError('forbidden', 'This account is disabled; ask an admin to enable it');
    throw new AppError('unauthorized', 'Wrong username or password');
  }
  const token = newSessionToken();
  await sql.begin(async (tx) => {
    // the same locks in the same order as reserveAttempt: every change to a key's attempts happens under its lock
    if (address && reserved.addressAttemptId !== undefined) {
      await lockLoginKey(tx, 'address', address);
      await deleteLoginAttempt(tx, reserved.addressAttemptId);
    }
    await lockLoginKey(tx, 'username', user.username);
    await clearLoginAttempts(tx, user.username);
    await insertSession(tx, hashToken(token), user.id, now);
    await recordAudit(tx, { garageId: user.defaultGarageId || null, actor: `user:${user.id}`, source, action: 'auth.login', subject: user.username });
  });
  return { token, user };
}
