import { useSignal } from '@preact/signals';
import { ApiFailure, NetworkFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { networkUp } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { sessionEnded, signIn } from '../lib/session.js';

/** What to say when signing in failed. */
function signInProblem(failure: unknown): string {
  if (failure instanceof ApiFailure && failure.code === 'unauthorized') return 'Wrong username or password. Check both and try again.';
  if (failure instanceof NetworkFailure) {
    return networkUp.value
      ? "Not signed in: the server can't be reached. Check the signal, or try again in a moment."
      : 'Not signed in: this phone is offline. Connect to Wi-Fi or mobile data, then try again.';
  }
  return describeFailure(failure);
}

/**
 * Sign in with a staff username and password; the session is a cookie the server sets. Says why
 * the last session ended (the server's words), what waits on the phone, and when it is offline.
 */
export function SignInScreen({ onSignedIn }: { onSignedIn?: () => void }) {
  const outbox = useOutbox();
  const username = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const ended = sessionEnded.value;
  const waiting = outbox.pending.value.length + outbox.discarding.value.length;

  async function submit(event: Event) {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      error.value = 'Enter your username and password.';
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      await signIn(username.value, password.value);
      onSignedIn?.();
    } catch (failure) {
      error.value = signInProblem(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <main id="main" class="screen sign-in">
      <h1>Sign in to ParkOps</h1>
      {ended && (
        <p class="note" role="status">
          {ended.message}
        </p>
      )}
      {waiting > 0 && (
        <p class="muted">
          {waiting} waiting to send on this phone: {ended ? 'what you were doing is kept, and ' : ''}it is sent once you sign in.
        </p>
      )}
      {!networkUp.value && (
        <p class="note" role="status">
          This phone is offline: signing in needs the server. Connect to Wi-Fi or mobile data first.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          maxLength={100}
          value={username.value}
          onInput={(e) => (username.value = e.currentTarget.value)}
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          maxLength={200}
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy.value}>
          {busy.value ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
