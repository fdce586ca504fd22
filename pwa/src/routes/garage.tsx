import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { decideAccess } from '../../../shared/auth.js';
import { api } from '../lib/api.js';
import { useEditForm } from '../lib/edit-form.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarage, currentGarageId, refreshGarages, rememberGarage } from '../lib/garage-choice.js';
import { currentUser } from '../lib/session.js';
import {
  garageLimits,
  garageOrder,
  mapUrl,
  readGarageForm,
  refusedGarageFields,
  savedSentence,
  splitLatLon,
  toGarageForm,
  type GarageField,
  type GarageForm,
} from './garage-form.js';
import { FeedAddress, GarageProfile } from './garage-profile.js';
import { AppLink } from '../components/app-link.js';

/**
 * The profile of the garage on screen: name, address, location and the public occupancy feed. Admins
 * change it; managers read it. Spaces, rate and timezone stay under Settings.
 */
export function GarageScreen() {
  const garageId = currentGarageId.value;
  const user = currentUser.value;
  const canEdit = user !== null && decideAccess(user, 'garages.manage').ok;
  const edit = useEditForm({
    order: garageOrder,
    toForm: toGarageForm,
    read: readGarageForm,
    send: (update, before) => api.updateGarage(before.id, update),
    refused: refusedGarageFields,
    savedText: savedSentence,
    onSaved: rememberGarage,
  });
  const loadProblem = useSignal<string | null>(null);
  const { saved, form, issues, message, busy, formRef, said, save } = edit;

  useEffect(() => {
    loadProblem.value = null;
    refreshGarages().then(
      (garages) => {
        const g = garages.find((one) => one.id === garageId);
        if (g) edit.show(g);
        else loadProblem.value = 'The server does not list this garage for your account any more. Ask an admin.';
      },
      (failure: unknown) => {
        const kept = currentGarage.value;
        loadProblem.value = `${describeFailure(failure)}${kept ? ' Showing the profile as this phone last saw it.' : ''}`;
        if (kept) edit.show(kept);
      },
    );
  }, [garageId]);

  const f = form.value;
  const set = (change: Partial<GarageForm>) => f && (form.value = { ...f, ...change });
  const field = (id: Exclude<GarageField, 'publicFeed'>, label: string, hint: string, extra: { inputMode?: 'decimal' | 'text'; maxLength: number; fills?: (text: string) => boolean }) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        inputMode={extra.inputMode ?? 'text'}
        autocomplete="off"
        maxLength={extra.maxLength}
        aria-invalid={issues.value[id] ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        value={f?.[id]}
        onInput={(e) => {
          const text = e.currentTarget.value;
          if (!extra.fills?.(text)) set({ [id]: text });
        }}
      />
      <p id={`${id}-hint`} class={issues.value[id] ? 'error' : 'muted small'}>
        {issues.value[id] ?? hint}
      </p>
    </div>
  );
  // "40.7128, -74.006" pasted from a map app fills both coordinates.
  const bothCoordinates = (text: string) => {
    const pair = splitLatLon(text);
    if (pair) set(pair);
    return pair !== null;
  };

  return (
    <main id="main" class="screen garage">
      <h1>Garage</h1>
      {loadProblem.value && (
        <p class="error" role="alert">
          {loadProblem.value}
        </p>
      )}
      {!saved.value || !f ? (
        !loadProblem.value && <p role="status">Loading the garage…</p>
      ) : !canEdit ? (
        <GarageProfile garage={saved.value} />
      ) : (
        <form ref={formRef} onSubmit={save} noValidate>
          {/* A little room past each limit, so a longer paste is said in words rather than cut silently. */}
          {field('name', 'Name', `Shown in the header and the public feed; up to ${garageLimits.name} characters`, { maxLength: garageLimits.name * 2 })}
          {field('address', 'Address (optional)', 'Street, number and city, as a driver would look for it', { maxLength: garageLimits.address * 2 })}
          <fieldset class="location" aria-describedby="location-hint">
            <legend>Location (optional)</legend>
            <p id="location-hint" class="muted small">
              Decimal degrees, both or neither. Paste “40.7128, -74.006” from a map app to fill both.
            </p>
            <div class="pair">
              {field('lat', 'Latitude', `${garageLimits.lat.min} to ${garageLimits.lat.max}`, { inputMode: 'decimal', maxLength: 40, fills: bothCoordinates })}
              {field('lon', 'Longitude', `${garageLimits.lon.min} to ${garageLimits.lon.max}`, { inputMode: 'decimal', maxLength: 40, fills: bothCoordinates })}
            </div>
            {saved.value.lat !== null && saved.value.lon !== null && (
              <p class="small">
                <a href={mapUrl(saved.value.lat, saved.value.lon)} target="_blank" rel="noopener noreferrer">
                  Check the saved location on the map
                </a>
              </p>
            )}
          </fieldset>
          <div class="field check">
            <input
              id="publicFeed"
              type="checkbox"
              checked={f.publicFeed}
              aria-describedby="publicFeed-hint"
              onChange={(e) => set({ publicFeed: e.currentTarget.checked })}
            />
            <label for="publicFeed">Publish free spaces in the public feed</label>
            <p id="publicFeed-hint" class="muted small">
              Anyone can read the name, address, location, spaces and free spaces — never a plate, a ticket or a person.
              {f.publicFeed && (f.lat.trim() === '' || f.lon.trim() === '') && ' Maps need the location to place the garage.'}
            </p>
          </div>
          {saved.value.publicFeed && <FeedAddress garage={saved.value} />}
          <button type="submit" class="button button-primary" disabled={busy.value}>
            {busy.value ? 'Saving…' : 'Save garage'}
          </button>
          {message.value && (
            <p ref={said} class={`said ${message.value.kind === 'error' ? 'error' : 'ok'}`} role={message.value.kind === 'error' ? 'alert' : 'status'}>
              {message.value.text}
            </p>
          )}
        </form>
      )}
      <p class="muted small">
        Spaces, rate and timezone are under{' '}
        <AppLink href="/settings">Settings</AppLink>
        .
      </p>
    </main>
  );
}
