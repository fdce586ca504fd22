import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { useOutbox } from '../lib/outbox.js';
import { isPlainClick, tapTab } from '../lib/router.js';
import { formatTime } from '../lib/time.js';

/**
 * Where the outbox stands, in words: "2 waiting to send · 1 needs you" (that part links to the
 * dashboard, where refused items wait with Retry and Discard), or "All sent · 2:05 PM".
 */
export function PendingChip() {
  const outbox = useOutbox();
  const waiting = outbox.pending.value.length + outbox.discarding.value.length;
  const needs = outbox.needsYou.value.length;
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
