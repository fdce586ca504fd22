import { lazy, Suspense } from 'preact/compat';
import { currentGarageId } from '../lib/garage-choice.js';
import { isRequest, waitingOn, type RequestItem } from '../lib/local-store.js';
import { useOutbox } from '../lib/outbox.js';

// The card (and its checks) loads only when this phone has a request to follow.
const RequestCard = lazy(() => import('./request-card.js').then((m) => m.RequestCard));

/**
 * The requests this phone sent to a manager in the garage on screen (voids, refunds, lost-ticket fee
 * waivers), each in its card — checked while on screen — until the attendant has read the decision.
 */
export function WaitingRequests() {
  const outbox = useOutbox();
  const here = outbox.isOf(currentGarageId.value);
  const followed = outbox.items.value.filter((i): i is RequestItem => isRequest(i) && here(i) && waitingOn(i) !== null && !i.seen);
  if (followed.length === 0) return null;
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">Requests to a manager</h2>
      <Suspense fallback={<p role="status">Loading…</p>}>
        {followed.map((item) => (
          <RequestCard key={item.key} item={item}>
            {waitingOn(item)?.status !== 'pending' && (
              <button type="button" class="button" aria-label={`Got it (${item.ticketNumber})`} onClick={() => void outbox.amend(item.key, (i) => ({ ...i, seen: true }))}>
                Got it
              </button>
            )}
          </RequestCard>
        ))}
      </Suspense>
    </section>
  );
}
