import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatCents } from '../../../shared/format.js';
import { addDays, localDate, startOfLocalDay } from '../../../shared/garage-day.js';
import type { Reservation } from '../../../shared/reservations.js';
import { NetworkFailure } from '../lib/api.js';
import { bookingsApi as api } from '../lib/bookings-api.js';
import { serverNow } from '../lib/clock.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { isOffline } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { reservationWindow } from '../lib/ticket-kind-words.js';
import { formatDate } from '../lib/time.js';
import { ReservationForm } from './reservation-form.js';
import { ConfirmStep } from '../components/confirm-step.js';

/** A reservation's status in words; an arrived one names the ticket its car came in on. */
export function statusWords(r: Reservation): string {
  switch (r.status) {
    case 'confirmed':
      return 'Confirmed — space held';
    case 'arrived':
      return r.ticketNumber ? `Arrived — ticket ${r.ticketNumber}` : 'Arrived';
    case 'cancelled':
      return 'Cancelled';
    case 'no_show':
      return 'No-show — space released';
  }
}

const OFFLINE_WORDS = 'Reservations need a connection: nothing is booked or cancelled offline, and nothing is queued on this phone.';

/** One reservation: plate, name, window, prepaid, what became of it; Cancel (with a confirm) while it is confirmed. */
function ReservationRow({ garageId, r, offline, onChanged }: { garageId: number; r: Reservation; offline: boolean; onChanged: (r: Reservation) => void }) {
  const asking = useSignal(false);
  const busy = useSignal(false);
  const problem = useSignal<string | null>(null);
  const clock = { timeZone: garageTimeZone.value, locale: garageLocale.value };

  async function cancel() {
    busy.value = true;
    problem.value = null;
    try {
      onChanged(await api.cancelReservation(garageId, r.id));
      asking.value = false;
    } catch (failure) {
      problem.value = failure instanceof NetworkFailure ? 'No connection: the reservation was not cancelled. Try again once the phone is online.' : describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class="payment" data-testid={`reservation-${r.id}`}>
      <p>
        <strong class="plate">{r.licensePlate}</strong>
        {r.holder && ` · ${r.holder}`}
      </p>
      <p>
        {reservationWindow(r.from, r.to, clock)} · {r.prepaidCents > 0 ? `Prepaid ${formatCents(r.prepaidCents)}` : 'Not prepaid'}
      </p>
      <p class={r.status === 'confirmed' || r.status === 'arrived' ? 'ok' : 'muted'}>{statusWords(r)}</p>
      {r.status === 'confirmed' &&
        (asking.value ? (
          <ConfirmStep
            label={`Cancel the reservation of ${r.licensePlate}?`}
            question={`Cancel the reservation of ${r.licensePlate}? Its space is free again at once.`}
            yes="Yes, cancel it"
            keep="Keep it"
            busy={busy.value}
            blocked={offline}
            onYes={() => void cancel()}
            onKeep={() => (asking.value = false)}
          />
        ) : (
          <button type="button" class="button" disabled={offline} onClick={() => (asking.value = true)}>
            Cancel reservation…
          </button>
        ))}
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
    </li>
  );
}

/** Reservations grouped by the garage day their window starts (soonest first); earlier ones still running count as today. */
function byDay(list: Reservation[], timeZone: string, today: string): [string, Reservation[]][] {
  const days = new Map<string, Reservation[]>();
  for (const r of [...list].sort((a, b) => Date.parse(a.from) - Date.parse(b.from))) {
    const day = localDate(new Date(r.from), timeZone);
    const key = day < today ? today : day;
    days.set(key, [...(days.get(key) ?? []), r]);
  }
  return [...days.entries()];
}

/**
 * Any staff: today's and upcoming reservations of the garage on screen (status in words, an arrived
 * one with its ticket), booking a space and cancelling one. Online only: nothing here is queued.
 */
export function ReservationsScreen() {
  const garageId = currentGarageId.value;
  const outbox = useOutbox();
  const offline = isOffline(outbox);
  const list = useSignal<Reservation[] | null>(null);
  const problem = useSignal<string | null>(null);
  const tz = garageTimeZone.value;
  const today = localDate(serverNow(), tz);

  useEffect(() => {
    if (garageId === null) return;
    let alive = true;
    list.value = null;
    problem.value = null;
    api.reservations(garageId, { from: startOfLocalDay(today, tz).toISOString(), limit: '200' }).then(
      (found) => alive && (list.value = found),
      (failure: unknown) => alive && (problem.value = failure instanceof NetworkFailure ? OFFLINE_WORDS : describeFailure(failure)),
    );
    return () => {
      alive = false;
    };
  }, [garageId, tz, today]);

  const replace = (r: Reservation) => (list.value = [...(list.value ?? []).filter((k) => k.id !== r.id), r]);
  const dayName = (day: string) => (day === today ? 'Today' : day === addDays(today, 1) ? 'Tomorrow' : formatDate(startOfLocalDay(day, tz), tz, garageLocale.value));

  return (
    <main id="main" class="screen reservations">
      <h1>Reservations</h1>
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
      {garageId !== null && (
        <>
          {list.value ? (
            list.value.length === 0 ? (
              <p class="muted">No reservations today or later.</p>
            ) : (
              byDay(list.value, tz, today).map(([day, rows]) => (
                <section key={day} aria-labelledby={`day-${day}`}>
                  <h2 id={`day-${day}`}>{dayName(day)}</h2>
                  <ul class="payments">
                    {rows.map((r) => (
                      <ReservationRow key={r.id} garageId={garageId} r={r} offline={offline} onChanged={replace} />
                    ))}
                  </ul>
                </section>
              ))
            )
          ) : (
            !problem.value && <p role="status">Loading the reservations…</p>
          )}
          <ReservationForm garageId={garageId} timeZone={tz} now={serverNow} offline={offline} onBooked={replace} />
        </>
      )}
    </main>
  );
}
