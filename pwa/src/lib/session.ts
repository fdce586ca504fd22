import { signal } from '@preact/signals';
import { User } from '../../../shared/auth.js';
import { api, ApiFailure, NetworkFailure, whenUnauthorized } from './api.js';
import { readPersisted, writePersisted } from './persisted.js';

/**
 * Who is signed in. Kept on the phone (name and role only; the session itself is an HttpOnly
 * cookie) so an attendant can keep working when the phone starts without a signal.
 */
export const currentUser = signal<User | null>(readPersisted('user', User) ?? null);
/** False until the server has been asked who is signed in (or could not be reached). */
export const sessionChecked = signal(false);

function setUser(user: User | null) {
  currentUser.value = user;
  writePersisted('user', user);
}

whenUnauthorized(() => setUser(null));

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
  setUser(answer.user);
  return answer.user;
}

/** Ends the session on the server, then forgets the user on the phone. */
export async function signOut(): Promise<void> {
  await api.logout();
  setUser(null);
}
