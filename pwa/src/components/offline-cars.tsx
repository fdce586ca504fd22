import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { provisionalRef } from '../lib/ids.js';
import { carsInOffline } from '../lib/offline-exit.js';
import { useOutbox } from '../lib/outbox.js';
import { formatTime } from '../lib/time.js';

/** The cars this phone let into the garage on screen while offline and has not checked out, each a button giving its OFF- reference. */
export function OfflineCars({ onPick }: { onPick: (ref: string) => void }) {
  const outbox = useOutbox();
  const cars = carsInOffline(outbox.items.value.filter(outbox.isOf(currentGarageId.value)));
  if (cars.length === 0) return null;
  const tz = garageTimeZone.value;
  return (
    <section class="offline-cars" aria-labelledby="offline-cars-title">
      <h2 id="offline-cars-title">Came in offline on this phone</h2>
      <ul class="matches">
        {cars.map((e) => (
          <li key={e.key}>
            <button type="button" class="button" onClick={() => onPick(provisionalRef(e.key))}>
              {provisionalRef(e.key)} · {e.body.licensePlate.toUpperCase()} · in {formatTime(e.body.entryTime, tz, garageLocale.value)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
