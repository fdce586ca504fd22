import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatCents, formatDuration } from '../../../shared/format.js';
import type { Ticket } from '../../../shared/tickets.js';
import { NetworkFailure } from '../lib/api.js';
import { openCarOut } from '../lib/car-out.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { isOffline } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { LONG_STAY_HOURS, parkedLongestFirst } from '../lib/parked.js';
import { PARKED_LIMIT, reportsApi } from '../lib/reports-api.js';
import { formatDateTime, formatTime } from '../lib/time.js';
import './parked.css';

const OFFLINE_WORDS = 'Parked now needs a connection: the list comes from the server. Try again once the phone is online.';

type Loaded = { garageId: number; tickets: Ticket[]; at: Date };

/**
 * Managers: the cars inside now, longest parked first — plate, ticket, since when (garage time), how
 * long and what each would pay now — those over 24 h flagged; a tap opens Car out on that ticket.
 */
export function ParkedScreen() {
  const garageId = currentGarageId.value;
  const outbox = useOutbox();
  const offline = isOffline(outbox);
  const loaded = useSignal<Loaded | null>(null);
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function load() {
    if (garageId === null) return;
    busy.value = true;
    problem.value = null;
    try {
      const tickets = await reportsApi.parkedNow(garageId);
      if (garageId === currentGarageId.value) loaded.value = { garageId, tickets, at: serverNow() };
    } catch (failure) {
      problem.value = failure instanceof NetworkFailure ? OFFLINE_WORDS : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  useEffect(() => {
    loaded.value = null;
    void load();
  }, [garageId]);

  const tz = garageTimeZone.value;
  const locale = garageLocale.value;
  const l = loaded.value && loaded.value.garageId === garageId ? loaded.value : null;
  const cars = l ? parkedLongestFirst(l.tickets, l.at) : [];
  const over = cars.filter((c) => c.overLong).length;
  return (
    <main id="main" class="screen parked">
      <h1>Parked now</h1>
      {currentGarage.value && <p class="muted">{currentGarage.value.name}</p>}
      {offline && (
        <p class="note" role="status">
          {OFFLINE_WORDS}
        </p>
      )}
      {problem.value && !(offline && problem.value === OFFLINE_WORDS) && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      {l ? (
        <>
          <p class="big-text" data-testid="parked-count">
            {cars.length === 0 ? 'No cars parked' : cars.length >= PARKED_LIMIT ? `${PARKED_LIMIT} or more cars parked` : `${cars.length} ${cars.length === 1 ? 'car' : 'cars'} parked`}
            {over > 0 && ` · ${over} over ${LONG_STAY_HOURS} h`}
          </p>
          <p class="muted small">
            Longest first, as of {formatTime(l.at, tz, locale)}
            {cars.length >= PARKED_LIMIT && ` (the ${PARKED_LIMIT} longest shown)`}. Tap a car to check it out.
          </p>
          <ul class="payments" data-testid="parked-list">
            {cars.map(({ ticket: t, minutes, overLong }) => (
              <li key={t.id}>
                <button type="button" class={`parked-car${overLong ? ' long-stay' : ''}`} onClick={() => openCarOut(t.ticketNumber)} data-testid={`parked-${t.ticketNumber}`}>
                  <span class="plate">{t.licensePlate}</span>
                  <span class="muted parked-ticket">{t.ticketNumber}</span>
                  {overLong && <span class="chip-needs">Over {LONG_STAY_HOURS} h</span>}
                  <span class="parked-when">
                    Since {formatDateTime(t.entryTime, tz, locale)} · {formatDuration(minutes)}
                  </span>
                  <span class="parked-due">{t.amountDue === undefined ? 'Due: ask Car out' : `Due now ${formatCents(t.amountDue)}`}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        !problem.value && <p role="status">Loading the cars parked now…</p>
      )}
      <button type="button" class="button" disabled={busy.value || garageId === null} onClick={() => void load()}>
        {busy.value && l ? 'Refreshing…' : 'Refresh'}
      </button>
    </main>
  );
}
