import { z } from 'zod';
import { plateModel, rememberPlateModel } from './plate-model.js';

/**
 * The plate reader's opt-in download: the OCR model, onnxruntime's WebAssembly and the reader's JS,
 * fetched once from our own origin into a named Cache that the service worker answers from first
 * (pwa/src/sw.ts), so the reader works with no signal. Nothing about it is sent anywhere. Loaded
 * with the Plate camera screen only.
 */

/** The Cache the download goes into; sw.ts answers /models/ and the reader's chunk from it. */
export const PLATE_MODEL_CACHE = 'plate-model-v1';
/** What the build writes beside the model (pwa/vite.config.ts): every file to download, with its size. */
export const PLATE_MODEL_MANIFEST_URL = '/models/plate/manifest.json';

/** The download's list of files, as the build wrote it. */
export const PlateModelManifest = z.object({
  version: z.number().int(),
  engine: z.string().startsWith('/'),
  files: z.array(z.object({ url: z.string().startsWith('/'), bytes: z.number().int().nonnegative() })).min(1).max(50),
});
export type PlateModelManifest = z.infer<typeof PlateModelManifest>;

/** Total bytes of a download. */
export const downloadBytes = (manifest: PlateModelManifest) => manifest.files.reduce((sum, f) => sum + f.bytes, 0);

/** Asks our server what the download holds (and so how big it is). */
export async function fetchPlateModelManifest(): Promise<PlateModelManifest> {
  const response = await fetch(PLATE_MODEL_MANIFEST_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the server has no plate model (HTTP ${response.status})`);
  return PlateModelManifest.parse(await response.json());
}

/** Reads a response's body to the end, counting bytes as they arrive. */
async function readCounting(response: Response, onBytes: (n: number) => void): Promise<Blob> {
  if (!response.body) {
    const blob = await response.blob();
    onBytes(blob.size);
    return blob;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    onBytes(value.byteLength);
  }
  return new Blob(parts as BlobPart[]);
}

/**
 * Downloads every file of the manifest into the plate-model Cache, reporting progress in bytes
 * (sizes as built: a file sent compressed still counts its own size), then remembers it is
 * installed. A failure leaves nothing half-installed: the Cache is dropped and the state says why.
 */
export async function installPlateModel(manifest: PlateModelManifest): Promise<void> {
  const total = downloadBytes(manifest);
  let done = 0;
  plateModel.value = { status: 'downloading', done, total };
  try {
    await caches.delete(PLATE_MODEL_CACHE);
    const cache = await caches.open(PLATE_MODEL_CACHE);
    for (const file of manifest.files) {
      const response = await fetch(file.url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${file.url} answered HTTP ${response.status}`);
      const body = await readCounting(response, (n) => {
        done += n;
        plateModel.value = { status: 'downloading', done: Math.min(done, total), total };
      });
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      await cache.put(file.url, new Response(body, { headers: { 'Content-Type': type, 'Content-Length': String(body.size) } }));
    }
    rememberPlateModel(total);
  } catch (failure) {
    await caches.delete(PLATE_MODEL_CACHE).catch(() => false);
    rememberPlateModel(null);
    plateModel.value = { status: 'failed', message: failure instanceof Error ? failure.message : String(failure) };
  }
}

/** Deletes the download from the phone; typing plates works as before. */
export async function removePlateModel(): Promise<void> {
  await caches.delete(PLATE_MODEL_CACHE);
  rememberPlateModel(null);
}

/**
 * Checks that what the phone remembers is still all there (a browser short of space may evict a
 * Cache; an app update brings a new reader): when a file is missing, the model is marked absent so
 * the attendant can download it again. True when something was missing.
 */
export async function checkPlateModel(manifest: PlateModelManifest): Promise<boolean> {
  if (plateModel.value.status !== 'installed') return false;
  const cache = await caches.open(PLATE_MODEL_CACHE);
  for (const file of manifest.files) {
    if (!(await cache.match(file.url))) {
      rememberPlateModel(null);
      return true;
    }
  }
  return false;
}
