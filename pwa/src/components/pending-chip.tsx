import { garageTimeZone } from '../lib/garage.js';
import { useOutbox } from '../lib/outbox.js';
import { formatTime } from '../lib/time.js';

/** "N pending · synced hh:mm": how much of the outbox still has to reach the server. */
export function PendingChip() {
  const outbox = useOutbox();
  const pending = outbox.pending.value.length;
  const refused = outbox.refused.value.length;
  const synced = outbox.lastSyncedAt.value;
  if (pending === 0 && refused === 0 && synced === null) return null;
  const text = `${pending} pending · ${synced ? `synced ${formatTime(synced, garageTimeZone.value)}` : 'not synced yet'}`;
  return (
    <p class={`chip${pending > 0 ? ' chip-pending' : ''}`} role="status" data-testid="pending-chip">
      {text}
      {refused > 0 && <span class="chip-refused"> · {refused} refused</span>}
    </p>
  );
}
