import { isOffline, networkUp } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { applyUpdate, updateReady } from '../lib/update.js';

/** The offline strip (no network, or the server cannot be reached), one short line, and the update prompt. */
export function Banners() {
  const offline = isOffline(useOutbox());
  return (
    <>
      {offline && (
        <p class="banner banner-offline" role="status" data-testid="offline-banner">
          <strong>{networkUp.value ? "Can't reach the server" : 'Offline'}</strong>: saved on the phone, sent later.
        </p>
      )}
      {updateReady.value && (
        <div class="banner banner-update" role="status">
          <span>A new version of ParkOps is ready.</span>
          <button type="button" class="button" onClick={applyUpdate}>
            Reload
          </button>
        </div>
      )}
    </>
  );
}
