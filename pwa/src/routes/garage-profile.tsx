import { useSignal } from '@preact/signals';
import type { Garage } from '../../../shared/garages.js';
import { feedUrl, mapUrl } from './garage-form.js';

/** The public feed's address for this garage, to read, select or copy and hand to a city or a map app. */
export function FeedAddress({ garage }: { garage: Garage }) {
  const copied = useSignal<string | null>(null);
  const url = feedUrl(location.origin, garage.id);
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => (copied.value = 'Copied.'),
      () => (copied.value = 'The phone did not allow copying: select the address and copy it.'),
    );
  return (
    <div class="feed-url">
      <label for="feed-url">Public feed address</label>
      <input id="feed-url" readOnly value={url} aria-describedby="feed-url-hint" onFocus={(e) => e.currentTarget.select()} />
      <p id="feed-url-hint" class="muted small">
        Free spaces of {garage.name} for maps and city portals (JSON, ParkAPI field names); no sign-in needed.
      </p>
      {typeof navigator.clipboard?.writeText === 'function' && (
        <button type="button" class="button" onClick={copy}>
          Copy the feed address
        </button>
      )}
      <p role="status" class="ok small">
        {copied.value}
      </p>
    </div>
  );
}

/** Where the garage is, and a map to check it. */
function Location({ garage }: { garage: Garage }) {
  if (garage.lat === null || garage.lon === null) return <>Not set</>;
  return (
    <>
      {garage.lat}, {garage.lon} ·{' '}
      <a href={mapUrl(garage.lat, garage.lon)} target="_blank" rel="noopener noreferrer">
        Check on the map
      </a>
    </>
  );
}

/** Managers: the profile as it is, and who may change it. */
export function GarageProfile({ garage }: { garage: Garage }) {
  return (
    <>
      <dl class="profile">
        <dt>Name</dt>
        <dd data-testid="profile-name">{garage.name}</dd>
        <dt>Address</dt>
        <dd>{garage.address ?? 'Not set'}</dd>
        <dt>Location</dt>
        <dd>
          <Location garage={garage} />
        </dd>
        <dt>Public feed</dt>
        <dd>{garage.publicFeed ? 'Free spaces are published' : 'Not published'}</dd>
      </dl>
      {garage.publicFeed && <FeedAddress garage={garage} />}
      <p class="note">Only an admin can change the garage's name, address, location and public feed.</p>
    </>
  );
}
