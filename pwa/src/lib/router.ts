import { signal } from '@preact/signals';

/** The path on screen; the app's one route state. */
export const currentPath = signal(typeof location === 'undefined' ? '/' : location.pathname);

/** Goes to another screen without reloading. */
export function navigate(to: string, { replace = false } = {}): void {
  if (to === currentPath.value) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  currentPath.value = to;
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    currentPath.value = location.pathname;
  });
}

/** A click on a plain link (no modifier keys, same tab) that the router should handle. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
