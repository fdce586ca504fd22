import { useSignal } from '@preact/signals';
import { ReservationBody, type Reservation } from '../../../shared/reservations.js';
import { CodeInput } from '../components/code-input.js';
import { FormField } from '../components/form-field.js';
import { NetworkFailure } from '../lib/api.js';
import { bookingsApi as api } from '../lib/bookings-api.js';
import { PLATE_PROBLEM } from '../lib/failure-text.js';
import { fromLocalInput, toLocalInput } from '../lib/local-date-time.js';
import { parseDollars } from '../lib/money.js';
import { issuesOf, refusalOf, type Issues } from '../lib/refusal-fields.js';

/** The phone's words for the shared rules a booking can break (the server's sentences are shown as they are). */
const PHONE_WORDS: Record<string, string> = { 'to is after from': 'The end comes after the start' };

/** The next quarter hour after `at` (a booking's default start). */
const nextQuarter = (at: Date) => new Date(Math.ceil(at.getTime() / 900_000) * 900_000);

/**
 * Book a space: plate, from/until on the garage's clock (sent as UTC instants), what was prepaid in
 * dollars (sent as cents), and whose booking it is. A refusal (no space can be held, an overlapping
 * booking, too far ahead) is said in the server's words and what was typed stays.
 */
export function ReservationForm({ garageId, timeZone, now, offline, onBooked }: { garageId: number; timeZone: string; now: () => Date; offline: boolean; onBooked: (r: Reservation) => void }) {
  const start = nextQuarter(now());
  const plate = useSignal('');
  const from = useSignal(toLocalInput(start, timeZone));
  const to = useSignal(toLocalInput(new Date(start.getTime() + 2 * 3_600_000), timeZone));
  const prepaid = useSignal('');
  const holder = useSignal('');
  const issues = useSignal<Issues>({});
  const booked = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function book(event: Event) {
    event.preventDefault();
    booked.value = null;
    const found: Issues = {};
    const fromAt = fromLocalInput(from.value, timeZone);
    const toAt = fromLocalInput(to.value, timeZone);
    if (!fromAt) found.from = 'Enter a date and time';
    if (!toAt) found.to = 'Enter a date and time';
    // said here too: the shared rule is checked only once every field can be read
    else if (fromAt && Date.parse(toAt) <= Date.parse(fromAt)) found.to = PHONE_WORDS['to is after from']!;
    const prepaidCents = prepaid.value.trim() === '' ? 0 : parseDollars(prepaid.value);
    if (prepaidCents === null) found.prepaidCents = 'Enter dollars, e.g. 20 or 12.50; empty: nothing prepaid';
    const body = { plate: plate.value.trim(), from: fromAt ?? '', to: toAt ?? '', prepaidCents: prepaidCents ?? 0, holder: holder.value.trim() === '' ? null : holder.value.trim() };
    const checked = ReservationBody.safeParse(body);
    if (!checked.success) for (const [path, message] of Object.entries(issuesOf(checked.error))) found[path] ??= path === 'plate' ? PLATE_PROBLEM : (PHONE_WORDS[message] ?? message);
    issues.value = found;
    if (Object.keys(found).length > 0) return;
    busy.value = true;
    try {
      const r = await api.bookReservation(garageId, body);
      booked.value = `Booked: a space is held for ${r.licensePlate}.`;
      plate.value = '';
      prepaid.value = '';
      holder.value = '';
      onBooked(r);
    } catch (failure) {
      issues.value = failure instanceof NetworkFailure ? { '': 'No connection: nothing was booked. Book again once the phone is online.' } : refusalOf(failure, { whole: true });
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={book} noValidate aria-labelledby="book-title">
      <h2 id="book-title">Book a space</h2>
      <div class="field">
        <label for="booking-plate">License plate</label>
        <CodeInput id="booking-plate" enterkeyhint="go" maxLength={16} errorId={issues.value.plate ? 'booking-plate-said' : null} value={plate.value} onValue={(v) => (plate.value = v)} />
        {issues.value.plate && (
          <p id="booking-plate-said" class="error">
            {issues.value.plate}
          </p>
        )}
      </div>
      <div class="pair">
        <FormField id="booking-from" label="From" type="datetime-local" issue={issues.value.from} value={from.value} onValue={(v) => (from.value = v)} />
        <FormField id="booking-to" label="Until" type="datetime-local" issue={issues.value.to} value={to.value} onValue={(v) => (to.value = v)} />
      </div>
      <p class="muted small">Garage time ({timeZone}). The space is held from the booking on.</p>
      <FormField id="booking-prepaid" label="Prepaid ($)" inputMode="decimal" issue={issues.value.prepaidCents} hint="What the driver paid in advance; empty: nothing (the stay is paid at exit)" value={prepaid.value} onValue={(v) => (prepaid.value = v)} />
      <FormField id="booking-holder" label="Name (optional)" issue={issues.value.holder} maxLength={120} value={holder.value} onValue={(v) => (holder.value = v)} />
      {issues.value[''] && (
        <p class="error" role="alert">
          {issues.value['']}
        </p>
      )}
      {booked.value && (
        <p class="ok" role="status">
          {booked.value}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy.value || offline}>
        {busy.value ? 'Booking…' : 'Book a space'}
      </button>
    </form>
  );
}
