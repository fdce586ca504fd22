import { signal } from '@preact/signals';
import { z } from 'zod';
import { SessionEndReason, User } from '../../../shared/auth.js';
import { api, ApiFailure, NetworkFailure, whenUnauthorized, type SessionEnd } from './api.js';
import { readPersisted, writePersisted } from './persisted.js';

/**
 * The user kept on the phone. One kept by the app before several garages has no garages: it works in
 * the one garage that app kept (its default garage, which the seed's paths acted on) until the
 * server says more at the next check; without that garage it is no one (sign in again).
 */
function keptUser(): User | null {
  const user = readPersisted('user', User);
  if (user) return user;
  const older = readPersisted('user', User.omit({ garageIds: true, defaultGarageId: true }));
  const garage = readPersisted('garage', z.object({ id: z.number().int() }));
  return older && garage ? { ...older, garageIds: [garage.id], defaultGarageId: garage.id } : null;
}

/**
 * Who is signed in. Kept on the phone (name and role only; the session itself is an HttpOnly
 * cookie) so an attendant can keep working when the phone starts without a signal.
 */
export const currentUser = signal<User | null>(keptUser());
/** False until the server has been asked who is signed in (or could not be reached). */
export const sessionChecked = signal(false);
/**
 * Why the server ended the session of the person who was signed in (the server's sentence, shown
 * as it is on the sign-in screen); null after a sign-in or a sign-out of their own.
 */
export const sessionEnded = signal<SessionEnd | null>(readPersisted('sessionEnded', z.object({ reason: SessionEndReason, message: z.string() })) ?? null);

function setUser(user: User | null) {
  currentUser.value = user;
  writePersisted('user', user);
}

function setEnded(end: SessionEnd | null) {
  sessionEnded.value = end;
  writePersisted('sessionEnded', end);
}

// A 401 to someone signed in ends their session on the phone too (a wrong password at sign-in is not one).
whenUnauthorized((end) => {
  if (!currentUser.value) return;
  setEnded(end);
  setUser(null);
});

/** Asks the server who is signed in; offline, the phone's last known user stays signed in. */
export async function checkSession(): Promise<void> {
  try {
    setUser(await api.me());
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) setUser(null);
    else if (!(error instanceof NetworkFailure)) throw error;
  } finally {
    sessionChecked.value = true;
  }
}

/** Signs in with a username and password; throws ApiFailure or NetworkFailure for the form to show. */
export async function signIn(username: string, password: string): Promise<User> {
  const answer = await api.login({ username, password });
  setEnded(null);
  setUser(answer.user);
  return answer.user;
}

/**
 * Ends the session on the server, then forgets the user on the phone. Offline it throws
 * NetworkFailure and the person stays signed in: the session cookie can only be ended by the server.
 */
export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } catch (error) {
    // Already ended elsewhere: signed out is what was asked for.
    if (!(error instanceof ApiFailure && error.status === 401)) throw error;
  }
  setEnded(null);
  setUser(null);
}
