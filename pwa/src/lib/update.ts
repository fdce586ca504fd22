import { signal } from '@preact/signals';
import { Workbox } from 'workbox-window';

/** True when a new version of the app is installed and waits for the person to reload. */
export const updateReady = signal(false);

let workbox: Workbox | undefined;

/** Registers the service worker (production builds only) and watches for new versions. */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    updateReady.value = true;
  });
  workbox.register().catch((error: unknown) => console.error('service worker registration failed', error));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') workbox?.update().catch((error: unknown) => console.warn('update check failed', error));
  });
}

/** Switches to the waiting version and reloads once it is in charge. */
export function applyUpdate(): void {
  if (!workbox) return location.reload();
  workbox.addEventListener('controlling', () => location.reload());
  workbox.messageSkipWaiting();
}
