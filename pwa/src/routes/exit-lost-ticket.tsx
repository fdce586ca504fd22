import { useSignal } from '@preact/signals';
import { PlateInput, type Ticket } from '../../../shared/tickets.js';
import { CodeInput } from '../components/code-input.js';
import { api, isTransient } from '../lib/api.js';
import { describeFailure, PLATE_PROBLEM } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { formatTime } from '../lib/time.js';

type Props = {
  /** True while the screen is busy with another request. */
  disabled: boolean;
  /** Called with the ticket number of the parked car picked. */
  onPick: (ticketNumber: string) => void;
  /** Says what went wrong (null clears it); the screen shows it where it shows its other errors. */
  onError: (message: string | null) => void;
};

/** Lost ticket: the parked cars with a typed plate (asked of the server), each a button giving its ticket. */
export function LostTicketSearch({ disabled, onPick, onError }: Props) {
  const plate = useSignal('');
  const searching = useSignal(false);
  const matches = useSignal<Ticket[]>([]);

  async function search(event: Event) {
    event.preventDefault();
    const checked = PlateInput.safeParse(plate.value);
    const garageId = currentGarageId.value;
    if (!checked.success) {
      onError(PLATE_PROBLEM);
      return;
    }
    if (garageId === null) return;
    searching.value = true;
    onError(null);
    try {
      matches.value = await api.activeByPlate(garageId, checked.data.display);
      if (matches.value.length === 0) onError(`No car with plate ${checked.data.display} is parked. Check the plate, or try the ticket number.`);
    } catch (failure) {
      onError(isTransient(failure) ? "Can't reach the server to search by plate. Type the ticket number instead, or try again when the signal is back." : describeFailure(failure));
    } finally {
      searching.value = false;
    }
  }

  const tz = garageTimeZone.value;
  return (
    <>
      <form onSubmit={search} noValidate class="lost">
        <h2>Lost ticket? Find by plate</h2>
        <label for="lost-plate">License plate</label>
        <CodeInput id="lost-plate" enterkeyhint="search" maxLength={16} value={plate.value} onValue={(v) => (plate.value = v)} />
        <button type="submit" class="button" disabled={disabled || searching.value}>
          Find by plate
        </button>
      </form>
      {matches.value.length > 0 && (
        <ul class="matches">
          {matches.value.map((t) => (
            <li key={t.ticketNumber}>
              <button type="button" class="button" onClick={() => onPick(t.ticketNumber)}>
                {t.ticketNumber} · {t.licensePlate} · in {formatTime(t.entryTime, tz, garageLocale.value)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
