import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * True while the phone says it has a network (`navigator.onLine`), kept up to date by its events.
 * "No network" is certain; "network" is not proof the server answers (see the outbox's `unreachable`).
 */
export const networkUp = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (networkUp.value = true));
  window.addEventListener('offline', () => (networkUp.value = false));
}

/** Offline as the app means it: no network, or the outbox's last try could not reach the server. */
export function isOffline(outbox: { unreachable: ReadonlySignal<boolean> }): boolean {
  return !networkUp.value || outbox.unreachable.value;
}
