import { useComputed, useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { PlateInput, VEHICLE_TYPES, type VehicleType } from '../../../shared/tickets.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { CodeInput } from '../components/code-input.js';
import { TicketCard } from '../components/ticket-card.js';
import { describeFailure, describeRefusal } from '../lib/failure-text.js';
import { useOutbox } from '../lib/outbox.js';

/** A car comes in: plate, vehicle type, Issue -> the ticket card (number, QR code, time). */
export function EntryScreen() {
  const outbox = useOutbox();
  const plate = useSignal('');
  const vehicleType = useSignal<VehicleType>('Car');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const issuedKey = useSignal<string | null>(null);
  const plateField = useRef<HTMLInputElement>(null);
  const issued = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === issuedKey.value);
    return item?.kind === 'entry' ? item : null;
  });

  async function issue(event: Event) {
    event.preventDefault();
    const checked = PlateInput.safeParse(plate.value);
    if (!checked.success) {
      error.value = checked.error.issues[0]?.message ?? 'Check the plate';
      plateField.current?.focus();
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      const item = await outbox.recordEntry({ licensePlate: checked.data.display, vehicleType: vehicleType.value });
      if (item.state === 'refused') {
        // Refused while the attendant is looking: say why here and keep the form as typed.
        error.value = describeRefusal(item.error ?? { code: 'internal', message: 'The server refused this entry.' });
        await outbox.discard(item.key);
        return;
      }
      issuedKey.value = item.key;
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  function nextCar() {
    issuedKey.value = null;
    plate.value = '';
    vehicleType.value = 'Car';
    queueMicrotask(() => plateField.current?.focus());
  }

  if (issued.value) {
    return (
      <main id="main" class="screen entry">
        <h1>Ticket issued</h1>
        <TicketCard item={issued.value} />
        <button type="button" class="button button-primary" onClick={nextCar}>
          Next car
        </button>
      </main>
    );
  }

  return (
    <main id="main" class="screen entry">
      <h1>Car in</h1>
      <form onSubmit={issue} noValidate>
        <label for="plate">Licence plate</label>
        <CodeInput
          id="plate"
          inputRef={plateField}
          enterkeyhint="go"
          errorId={error.value ? 'entry-error' : null}
          value={plate.value}
          onValue={(v) => (plate.value = v)}
        />
        <ChoiceGroup legend="Vehicle type" name="vehicleType" options={VEHICLE_TYPES} value={vehicleType.value} onChange={(v) => (vehicleType.value = v)} />
        {error.value && (
          <p id="entry-error" class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy.value}>
          {busy.value ? 'Issuing…' : 'Issue ticket'}
        </button>
      </form>
    </main>
  );
}
