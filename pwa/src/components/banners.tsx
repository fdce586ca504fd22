import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useOutbox } from '../lib/outbox.js';
import { applyUpdate, updateReady } from '../lib/update.js';

/** The offline banner (no network, or the server cannot be reached) and the update prompt. */
export function Banners() {
  const outbox = useOutbox();
  const online = useSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const on = () => (online.value = true);
    const off = () => (online.value = false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  const offline = !online.value || outbox.unreachable.value;
  return (
    <>
      {offline && (
        <p class="banner banner-offline" role="status" data-testid="offline-banner">
          {online.value ? "Offline: the server can't be reached." : 'Offline: no network.'} Keep working — entries and exits are saved on this phone and sent when it reconnects.
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
