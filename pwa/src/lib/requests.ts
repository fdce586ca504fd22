import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, isTransient } from './api.js';
import { describeFailure } from './failure-text.js';
import { waitingOn, type RequestItem } from './local-store.js';
import { networkUp } from './network.js';
import type { Outbox } from './outbox.js';

/** How often a request waiting for a manager is checked while it is on screen and the app is in front. */
export const CHECK_MS = 10_000;

/**
 * Asks the server what became of the request behind `item` (GET …/exceptions/:id) and writes a
 * change onto the item, so every screen and a restart see it; once approved, also the ticket after it
 * (voided, refunded, checked out). Throws as API calls do.
 */
export async function checkRequest(outbox: Outbox, item: RequestItem): Promise<void> {
  const garageId = outbox.garageOf(item);
  const before = waitingOn(item);
  if (garageId === null || before?.status !== 'pending') return;
  const now = await api.exception(garageId, before.id);
  if (now.status === 'pending') return;
  let ticket = item.ticket;
  if (now.status === 'approved') {
    try {
      ticket = await api.ticket(garageId, item.ticketNumber);
      await outbox.tickets.remember(garageId, ticket);
    } catch (failure) {
      // The decision is what the attendant waits for; the ticket after it shows on the next look-up.
      console.warn(`request ${now.id} was approved; its ticket could not be fetched`, failure);
    }
  }
  await outbox.amend(item.key, (i) => ({ ...i, outcome: { outcome: 'pending', exception: now }, ticket }));
}

/**
 * Keeps checking a request that waits for a manager while its card is on screen: every 10 s while
 * the app is in front, at once when it comes back to the front and when the network comes back.
 * Gives what went wrong with the last check (null when it went through).
 */
export function useRequestCheck(outbox: Outbox, item: RequestItem): Signal<string | null> {
  const problem = useSignal<string | null>(null);
  const waiting = waitingOn(item)?.status === 'pending';
  const online = networkUp.value;
  useEffect(() => {
    if (!waiting) return;
    let alive = true;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      checkRequest(outbox, item).then(
        () => alive && (problem.value = null),
        (failure: unknown) => {
          if (!alive) return;
          problem.value = isTransient(failure) ? "Can't reach the server to check; trying again." : describeFailure(failure);
        },
      );
    };
    if (online) check();
    const timer = setInterval(check, CHECK_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [item.key, waiting, online]);
  return problem;
}
