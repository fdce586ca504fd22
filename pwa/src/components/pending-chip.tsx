import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { useOutbox } from '../lib/outbox.js';
import { isPlainClick, tapTab } from '../lib/router.js';
import { formatTime } from '../lib/time.js';

/**
 * Where the outbox of the garage on screen stands, in words: "2 waiting to send · 1 needs you" (that
 * part links to the dashboard, where refused items wait with Retry and Discard), or "All sent · 2:05 PM".
 * Items of the user's other garages are listed, named, on the dashboard.
 */
export function PendingChip() {
  const outbox = useOutbox();
  const here = outbox.isOf(currentGarageId.value);
  const waiting = outbox.pending.value.filter(here).length + outbox.discarding.value.filter(here).length;
  const needs = outbox.needsYou.value.filter(here).length;
  const synced = outbox.lastSyncedAt.value;
  if (waiting === 0 && needs === 0 && synced === null) return null;
  const sep = waiting > 0 && needs > 0 ? ' · ' : '';
  return (
    <p class={`chip${waiting > 0 ? ' chip-pending' : ''}`} role="status" data-testid="pending-chip">
      {waiting > 0 && `${waiting} waiting to send`}
      {sep}
      {needs > 0 && (
        <a
          href="/"
          class="chip-needs"
          onClick={(e) => {
            if (!isPlainClick(e)) return;
            e.preventDefault();
            tapTab('/');
          }}
        >
          {needs} {needs === 1 ? 'needs' : 'need'} you
        </a>
      )}
      {waiting === 0 && needs === 0 && synced && `All sent · ${formatTime(synced, garageTimeZone.value, garageLocale.value)}`}
    </p>
  );
}
