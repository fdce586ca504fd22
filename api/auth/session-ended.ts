import type { SessionEndReason } from '../../shared/auth.js';
import { AppError } from '../http/app-error.js';

/**
 * The 401 for a request without a live session: a sentence a person can act on, and the reason in
 * `details[0].reason` for an app to switch on (the phone keeps what it was doing and says why it
 * asks to sign in again).
 */
export function sessionEnded(reason: SessionEndReason, idleHours: number): AppError {
  const message: Record<SessionEndReason, string> = {
    no_session: 'Sign in first: your session is missing or has ended',
    unknown: 'Your session is not known here any more. Sign in again.',
    signed_out: 'Your session was signed out (on this device or another one). Sign in again.',
    password_reset: 'Your password was changed, which ended your session. Sign in with the new password.',
    disabled: 'Your account has been disabled, which ended your session. Ask an admin if this is a mistake.',
    idle: `Your session ended after ${idleHours} hours without use. Sign in again.`,
  };
  return new AppError('unauthorized', message[reason], [{ reason }]);
}
