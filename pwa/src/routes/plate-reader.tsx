import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { checkPlateModel, downloadBytes, fetchPlateModelManifest, installPlateModel, removePlateModel, type PlateModelManifest } from '../lib/plate-download.js';
import { canUseCamera, plateModel } from '../lib/plate-model.js';

/** Bytes in megabytes, one decimal: how phones show download sizes. */
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Plate camera: the opt-in for reading plates with the camera. Says how big the download is before
 * it starts, shows its progress, and removes it on request. The reader runs on the phone; pictures
 * and plates never leave it.
 */
export function PlateReaderScreen() {
  const manifest = useSignal<PlateModelManifest | null>(null);
  const problem = useSignal<string | null>(null);
  const note = useSignal<string | null>(null);
  const canKeep = typeof caches !== 'undefined';

  async function look() {
    problem.value = null;
    try {
      const found = await fetchPlateModelManifest();
      manifest.value = found;
      if (canKeep && (await checkPlateModel(found))) note.value = 'The plate reader on this phone is out of date or incomplete: download it again to use the camera.';
    } catch (failure) {
      problem.value = `Can't see the download just now (${failure instanceof Error ? failure.message : String(failure)}). Try again when the signal is back.`;
    }
  }
  useEffect(() => void look(), []);

  const state = plateModel.value;
  const size = manifest.value ? mb(downloadBytes(manifest.value)) : null;
  return (
    <main id="main" class="screen plate-reader">
      <h1>Plate camera</h1>
      <p>
        Read plates with the phone's camera at Car in and Car out. The reader runs on this phone: pictures and plates never leave it. You always check the
        plate before issuing or picking a ticket, and typing works as always.
      </p>
      {!canUseCamera() && <p>This browser gives the app no camera, so the plate camera cannot be used here.</p>}
      {!canKeep && <p>This browser cannot keep the reader for offline use (the app must be opened over https).</p>}
      {note.value && <p role="status">{note.value}</p>}
      {state.status === 'installed' && (
        <>
          <p role="status">Installed on this phone ({mb(state.bytes)}). Car in and Car out show "Read the plate with the camera".</p>
          <button type="button" class="button" onClick={() => void removePlateModel()}>
            Remove from this phone
          </button>
        </>
      )}
      {state.status === 'downloading' && (
        <>
          <label for="plate-model-progress">
            Downloading the plate reader: {mb(state.done)} of {mb(state.total)}
          </label>
          <progress id="plate-model-progress" value={state.done} max={state.total} />
        </>
      )}
      {(state.status === 'absent' || state.status === 'failed') && (
        <>
          {state.status === 'failed' && (
            <p class="error" role="alert">
              The download stopped ({state.message}). Nothing was kept; try again.
            </p>
          )}
          {problem.value ? (
            <>
              <p class="error" role="alert">
                {problem.value}
              </p>
              <button type="button" class="button" onClick={() => void look()}>
                Try again
              </button>
            </>
          ) : manifest.value ? (
            <>
              <p>The reader is downloaded once from this garage's server ({size}); use Wi-Fi if you can. It is kept on the phone for use with no signal.</p>
              <button type="button" class="button button-primary" disabled={!canKeep} onClick={() => void installPlateModel(manifest.value!)}>
                Download ({size})
              </button>
            </>
          ) : (
            <p role="status">Checking the download size…</p>
          )}
        </>
      )}
    </main>
  );
}
