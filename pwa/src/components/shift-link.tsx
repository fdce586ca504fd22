import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, ApiFailure } from '../lib/api.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { formatTime } from '../lib/time.js';

/** The dashboard's way to the Shift screen, saying whether the attendant's shift is open and since when. */
export function ShiftLink({ garageId }: { garageId: number }) {
  const words = useSignal('Shift');

  useEffect(() => {
    let alive = true;
    words.value = 'Shift';
    api.currentShift(garageId).then(
      (s) => alive && (words.value = `Shift open since ${formatTime(s.openedAt, garageTimeZone.value, garageLocale.value)}`),
      (failure: unknown) => {
        // Offline or a server problem: the plain link still leads to the Shift screen, which says more.
        if (alive && failure instanceof ApiFailure && failure.status === 404) words.value = 'No shift open — Open shift';
      },
    );
    return () => {
      alive = false;
    };
  }, [garageId]);

  return (
    <p class="shift-link">
      <a class="button" href="/shift" data-testid="shift-link">
        {words.value}
      </a>
    </p>
  );
}
