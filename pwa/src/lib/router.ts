import { signal } from '@preact/signals';

type Step = string | null;
const stepOf = (state: unknown): Step => (state && typeof state === 'object' && 'step' in state && typeof state.step === 'string' ? state.step : null);

/** The path on screen; the app's one route state. */
export const currentPath = signal(typeof location === 'undefined' ? '/' : location.pathname);

/**
 * The step within the screen on screen (Car out's 'quote' or 'receipt'), kept in the browser's
 * history so the phone's Back button leaves the step rather than the screen. Null: the screen's start.
 */
export const currentStep = signal<Step>(null);

/** Every screen opens at its top. */
function toTop(): void {
  if (typeof window !== 'undefined' && typeof window.scrollTo === 'function') window.scrollTo(0, 0);
}

/** Goes to another screen without reloading, at its top. */
export function navigate(to: string, { replace = false } = {}): void {
  toTop();
  if (to === currentPath.value && currentStep.value === null) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  currentPath.value = to;
  currentStep.value = null;
}

/** Moves to a step of the screen on screen (a new history entry: Back returns to where it was), at its top. */
export function pushStep(step: string): void {
  history.pushState({ step }, '', location.pathname);
  currentStep.value = step;
  toTop();
}

/** Replaces the step on screen (Back then skips it: a paid receipt never goes back to "Amount due"). */
export function replaceStep(step: string): void {
  history.replaceState({ step }, '', location.pathname);
  currentStep.value = step;
  toTop();
}

/** Leaves the step on screen for the screen's start, as the Back button would. */
export function leaveStep(): void {
  if (currentStep.value === null) return;
  currentStep.value = null;
  history.back();
  toTop();
}

const restarts = new Map<string, () => void>();

/** Says what a screen does when its tab is tapped: start over (the Car in tab always gives an empty form). */
export function whenTabTapped(path: string, restart: () => void): void {
  restarts.set(path, restart);
}

/** Every screen starts over (after a sign-out: the next person never sees the last one's receipt). */
export function restartScreens(): void {
  for (const restart of restarts.values()) restart();
}

/** A tab was tapped: its screen starts over, at its top. */
export function tapTab(path: string): void {
  restarts.get(path)?.();
  if (path === currentPath.value && currentStep.value !== null) leaveStep();
  else navigate(path);
}

if (typeof window !== 'undefined') {
  // A step cannot outlive the page that held its state: a reload starts the screen over.
  if (stepOf(history.state) !== null) history.replaceState(null, '', location.pathname);
  window.addEventListener('popstate', (event) => {
    currentPath.value = location.pathname;
    currentStep.value = stepOf(event.state);
  });
}

/** A click on a plain link (no modifier keys, same tab) that the router should handle. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
