import { fireEvent, render, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/axe.js';
import { server } from '../../test/msw.js';
import { PLATE_MODEL_CACHE, type PlateModelManifest } from '../lib/plate-download.js';
import { plateModel, rememberPlateModel } from '../lib/plate-model.js';
import { PlateReaderScreen } from './plate-reader.js';

/** The part of CacheStorage the download uses, in memory (happy-dom has none). */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      put: async (url: string, response: Response) => void store.set(url, response),
      match: async (url: string) => store.get(url)?.clone(),
      keys: async () => [...store.keys()],
    };
  };
  return { stores, open, delete: async (name: string) => stores.delete(name) };
}

const files = [
  { url: '/assets/plate-ocr-abc123.js', bytes: 1_000_000 },
  { url: '/models/plate/ch_PP-OCRv4_det_infer.onnx', bytes: 2_500_000 },
  { url: '/models/plate/ppocr_keys_v1.txt', bytes: 500_000 },
];
const manifest: PlateModelManifest = { version: 1, engine: files[0]!.url, files };

let caches: ReturnType<typeof memoryCaches>;
beforeEach(() => {
  caches = memoryCaches();
  vi.stubGlobal('caches', caches);
  rememberPlateModel(null);
  server.use(
    http.get('/models/plate/manifest.json', () => HttpResponse.json(manifest)),
    ...files.map((f) => http.get(f.url, () => new HttpResponse(new Uint8Array(f.bytes), { headers: { 'Content-Type': 'application/octet-stream' } }))),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('Plate camera', () => {
  it('says how big the download is before it starts', async () => {
    render(<PlateReaderScreen />);
    expect(await screen.findByRole('button', { name: 'Download (4.0 MB)' })).toBeTruthy();
    expect(screen.getByText(/pictures and plates never leave it/)).toBeTruthy();
    expect(plateModel.value.status).toBe('absent');
    await expectAccessible();
  });

  it('downloads every file into the plate-model cache, counting bytes, and remembers it', async () => {
    const seen: number[] = [];
    const stop = plateModel.subscribe((s) => s.status === 'downloading' && seen.push(s.done));
    render(<PlateReaderScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download (4.0 MB)' }));

    expect((await screen.findByRole('status', {}, { timeout: 5000 })).textContent).toBe(
      'Installed on this phone (4.0 MB). Car in and Car out show "Read the plate with the camera".',
    );
    stop();
    await expectAccessible();
    expect(seen.at(-1)).toBe(4_000_000);
    expect(seen.length).toBeGreaterThan(2);
    expect([...caches.stores.get(PLATE_MODEL_CACHE)!.keys()]).toEqual(files.map((f) => f.url));
    expect(JSON.parse(localStorage.getItem('parkops.plateModel')!)).toEqual({ bytes: 4_000_000 });
  });

  it('keeps nothing when a file fails, and says so', async () => {
    server.use(http.get('/models/plate/ppocr_keys_v1.txt', () => new HttpResponse('gone', { status: 404 })));
    render(<PlateReaderScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download (4.0 MB)' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The download stopped (/models/plate/ppocr_keys_v1.txt answered HTTP 404). Nothing was kept; try again.');
    expect(caches.stores.has(PLATE_MODEL_CACHE)).toBe(false);
    expect(localStorage.getItem('parkops.plateModel')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download (4.0 MB)' })).toBeTruthy();
  });

  it('removes the download from the phone', async () => {
    const cache = await caches.open(PLATE_MODEL_CACHE);
    for (const f of files) await cache.put(f.url, new Response('x'));
    rememberPlateModel(4_000_000);
    render(<PlateReaderScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove from this phone' }));

    expect(await screen.findByRole('button', { name: 'Download (4.0 MB)' })).toBeTruthy();
    expect(caches.stores.has(PLATE_MODEL_CACHE)).toBe(false);
    expect(localStorage.getItem('parkops.plateModel')).toBeNull();
  });

  it('asks for the download again when a file the phone kept is gone (evicted, or a new reader)', async () => {
    const cache = await caches.open(PLATE_MODEL_CACHE);
    await cache.put(files[0]!.url, new Response('x'));
    rememberPlateModel(4_000_000);
    render(<PlateReaderScreen />);

    expect(await screen.findByText(/out of date or incomplete/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download (4.0 MB)' })).toBeTruthy();
  });

  it('says when the server cannot be reached, and tries again', async () => {
    server.use(http.get('/models/plate/manifest.json', () => HttpResponse.error(), { once: true }));
    render(<PlateReaderScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Can't see the download just now/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Download (4.0 MB)' })).toBeTruthy();
  });
});
