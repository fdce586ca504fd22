import { useSignal } from '@preact/signals';
import { garageTimeZone } from '../lib/garage.js';
import { provisionalRef } from '../lib/ids.js';
import type { OutboxItem } from '../lib/local-store.js';
import { dependentExits } from '../lib/offline-exit.js';
import { useOutbox } from '../lib/outbox.js';
import { formatTime } from '../lib/time.js';

function describe(item: OutboxItem, tz: string): string {
  const at = formatTime(item.createdAt, tz);
  if (item.kind === 'entry') return `Entry ${item.body.licensePlate.toUpperCase()} (${item.body.vehicleType}) at ${at}, ref ${provisionalRef(item.key)}`;
  return `Exit ${item.ticketNumber}${item.licensePlate ? ` (${item.licensePlate})` : ''}, ${item.body.paymentMethod}, at ${at}`;
}

/** What the server refused, each with Retry and Discard, and what is still waiting to be sent. */
export function OutboxPanel() {
  const outbox = useOutbox();
  const confirming = useSignal<string | null>(null);
  const tz = garageTimeZone.value;
  const refused = outbox.refused.value;
  const pending = outbox.pending.value;
  return (
    <>
      {outbox.storageError.value && (
        <p class="banner banner-error" role="alert">
          {outbox.storageError.value}
        </p>
      )}
      {refused.length > 0 && (
        <section class="outbox" aria-labelledby="refused-title">
          <h2 id="refused-title">Refused by the server ({refused.length})</h2>
          <ul>
            {refused.map((item) => (
              <li key={item.key} data-testid="refused-item">
                <p>{describe(item, tz)}</p>
                <p class="error">{item.error?.message}</p>
                <div class="row">
                  <button type="button" class="button" onClick={() => void outbox.retry(item.key)}>
                    Retry
                  </button>
                  <button
                    type="button"
                    class="button button-danger"
                    onClick={() => {
                      if (confirming.value === item.key) void outbox.discard(item.key);
                      else confirming.value = item.key;
                    }}
                  >
                    {confirming.value !== item.key
                      ? 'Discard'
                      : dependentExits(outbox.items.value, item.key).some((e) => e.state !== 'sent')
                        ? 'Tap again to discard it and its exit'
                        : 'Tap again to discard'}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pending.length > 0 && (
        <details class="outbox">
          <summary>
            {pending.length} waiting to be sent{outbox.signInNeeded.value ? ' — sign in again to send them' : ''}
          </summary>
          <ul>
            {pending.map((item) => (
              <li key={item.key}>{describe(item, tz)}</li>
            ))}
          </ul>
          <button type="button" class="button" onClick={() => void outbox.drain()}>
            Send now
          </button>
        </details>
      )}
    </>
  );
}
