import { signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { PlateInput, VEHICLE_TYPES, type VehicleType } from '../../../shared/tickets.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { CodeInput } from '../components/code-input.js';
import { TicketCard } from '../components/ticket-card.js';
import { describeFailure, describeRefusal, PLATE_PROBLEM } from '../lib/failure-text.js';
import { currentGarageId } from '../lib/garage-choice.js';
import { useOutbox } from '../lib/outbox.js';
import { canUseCamera, plateModelInstalled } from '../lib/plate-model.js';
import { whenTabTapped } from '../lib/router.js';
import { AppLink } from '../components/app-link.js';

const PlateCamera = lazy(() => import('../components/plate-camera.js').then((m) => m.PlateCamera));

/**
 * What Car in is doing, kept outside the screen so it survives a sign-in in between: a session that
 * ends as Issue is tapped comes back, after signing in again, to that ticket's card.
 */
const plate = signal('');
const vehicleType = signal<VehicleType>('Car');
const issuedKey = signal<string | null>(null);
/** The camera is open; and the plate it last put in the field, for the attendant to check. */
const camera = signal(false);
const cameraRead = signal<string | null>(null);

function startOver() {
  issuedKey.value = null;
  camera.value = false;
  cameraRead.value = null;
  plate.value = '';
  vehicleType.value = 'Car';
}
whenTabTapped('/entry', startOver);

/** A car comes in: plate, vehicle type, Issue -> the ticket card (number, QR code, time). */
export function EntryScreen() {
  const outbox = useOutbox();
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const plateField = useRef<HTMLInputElement>(null);
  const issued = useComputed(() => {
    const item = outbox.items.value.find((i) => i.key === issuedKey.value);
    return item?.kind === 'entry' ? item : null;
  });
  const onForm = issued.value === null;
  // The form opens ready for the plate: entry is the plate and one tap.
  useEffect(() => {
    if (onForm) plateField.current?.focus();
  }, [onForm]);

  async function issue(event: Event) {
    event.preventDefault();
    const checked = PlateInput.safeParse(plate.value);
    const garageId = currentGarageId.value;
    if (!checked.success) {
      error.value = PLATE_PROBLEM;
      plateField.current?.focus();
      return;
    }
    if (garageId === null) return;
    busy.value = true;
    error.value = null;
    try {
      const item = await outbox.recordEntry(garageId, { licensePlate: checked.data.display, vehicleType: vehicleType.value });
      if (item.state === 'refused') {
        // Refused while the attendant is looking: say why here and keep the form as typed.
        error.value = describeRefusal(item.error ?? { code: 'internal', message: 'The server refused this entry.' });
        await outbox.withdraw(item.key);
        return;
      }
      issuedKey.value = item.key;
      window.scrollTo?.(0, 0);
    } catch (failure) {
      error.value = describeFailure(failure);
    } finally {
      busy.value = false;
    }
  }

  if (issued.value) {
    return (
      <main id="main" class="screen entry">
        <h1>Ticket issued</h1>
        <TicketCard item={issued.value} />
        <div class="next-action">
          <button type="button" class="button button-primary" onClick={startOver}>
            Next car
          </button>
        </div>
      </main>
    );
  }

  return (
    <main id="main" class="screen entry">
      <h1>Car in</h1>
      <form onSubmit={issue} noValidate>
        <label for="plate">License plate</label>
        <CodeInput
          id="plate"
          inputRef={plateField}
          enterkeyhint="go"
          maxLength={16}
          errorId={error.value ? 'entry-error' : null}
          value={plate.value}
          onValue={(v) => {
            plate.value = v;
            cameraRead.value = null;
          }}
        />
        {cameraRead.value && (
          <p role="status">
            Read by the camera: {cameraRead.value}. Check it against the car before issuing.
          </p>
        )}
        {plateModelInstalled.value &&
          canUseCamera() &&
          (camera.value ? (
            <Suspense fallback={<p role="status">Starting the camera…</p>}>
              <PlateCamera
                onRead={([read]) => {
                  camera.value = false;
                  plate.value = read!;
                  cameraRead.value = read!;
                  error.value = null;
                  plateField.current?.focus();
                }}
                onClose={() => (camera.value = false)}
              />
            </Suspense>
          ) : (
            <button type="button" class="button" onClick={() => (camera.value = true)}>
              Read the plate with the camera
            </button>
          ))}
        <ChoiceGroup legend="Vehicle type" name="vehicleType" options={VEHICLE_TYPES} value={vehicleType.value} onChange={(v) => (vehicleType.value = v)} />
        {error.value && (
          <p id="entry-error" class="error" role="alert">
            {error.value}
          </p>
        )}
        <div class="next-action">
          <button type="submit" class="button button-primary" disabled={busy.value}>
            {busy.value ? 'Issuing…' : 'Issue ticket'}
          </button>
        </div>
      </form>
      {!plateModelInstalled.value && canUseCamera() && (
        <p class="muted small">
          <AppLink href="/plate-reader">Read plates with the camera</AppLink>{' '}
          — set it up on this phone (an optional download).
        </p>
      )}
    </main>
  );
}
