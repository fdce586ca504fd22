import { computed, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, isTransient } from './api.js';
import { currentGarageId } from './garage-choice.js';

/** How often a manager's tab bar asks how many requests wait, while the app is in front. */
export const APPROVALS_REFRESH_MS = 30_000;

/** How many requests wait for a manager in a garage, as last asked ("50+" when there are more than a page). */
const waiting = signal<{ garageId: number; count: number; more: boolean } | null>(null);

/** The badge of the Approvals tab for the garage on screen: "3", "50+", or null when none wait (or it is not known). */
export const approvalsBadge = computed(() => {
  const w = waiting.value;
  if (!w || w.garageId !== currentGarageId.value || w.count === 0) return null;
  return w.more ? `${w.count}+` : String(w.count);
});

/** Sets how many requests wait in garage `garageId` (the Approvals screen says so after loading or deciding). */
export function setWaitingApprovals(garageId: number, count: number, more = false): void {
  waiting.value = { garageId, count, more };
}

/**
 * Keeps the Approvals badge of a manager (`enabled`) up to date for the garage on screen: at once,
 * every 30 s while the app is in front, and when it comes back to the front.
 */
export function useApprovalsBadge(enabled: boolean): void {
  const garageId = currentGarageId.value;
  useEffect(() => {
    if (!enabled || garageId === null) return;
    let alive = true;
    const load = () => {
      if (document.visibilityState !== 'visible') return;
      api.exceptions(garageId, 'pending').then(
        (page) => alive && setWaitingApprovals(garageId, page.exceptions.length, page.nextBefore !== null),
        (failure: unknown) => {
          // The badge is a hint: offline it keeps the last count; the Approvals screen says what went wrong.
          if (alive && !isTransient(failure)) waiting.value = null;
        },
      );
    };
    load();
    const timer = setInterval(load, APPROVALS_REFRESH_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [enabled, garageId]);
}
