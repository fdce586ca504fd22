import { useSignal } from '@preact/signals';
import { ApiFailure } from '../lib/api.js';
import { describeFailure } from '../lib/failure-text.js';
import { signIn } from '../lib/session.js';

/** Sign in with a staff username and password; the session is a cookie the server sets. */
export function SignInScreen({ onSignedIn }: { onSignedIn?: () => void }) {
  const username = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

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
      error.value =
        failure instanceof ApiFailure && failure.code === 'unauthorized'
          ? 'Wrong username or password. Check both and try again.'
          : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <main id="main" class="screen sign-in">
      <h1>Sign in to ParkOps</h1>
      <form onSubmit={submit} noValidate>
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          value={username.value}
          onInput={(e) => (username.value = e.currentTarget.value)}
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
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
