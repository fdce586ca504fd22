import { candidatesOf, type PlateRead } from './plate-read.js';

/** Reads the plate in the guide box's picture: plate-shaped texts, likeliest first. */
export type PlateReader = { read(image: HTMLCanvasElement): Promise<PlateRead> };

let loading: Promise<PlateReader> | null = null;

/**
 * The plate reader, loaded on first use and kept for the session: the OCR engine comes by dynamic
 * import (never in the app shell) and its models from the plate-model Cache. A failed load is
 * forgotten, so the next tap tries again.
 */
export function loadPlateReader(): Promise<PlateReader> {
  loading ??= import('./plate-ocr.js')
    .then((engine) => engine.createPlateOcr())
    .then((ocr) => ({
      async read(image: HTMLCanvasElement): Promise<PlateRead> {
        const { lines, ms } = await ocr.read(image);
        return { candidates: candidatesOf(lines), ms };
      },
    }))
    .catch((failure: unknown) => {
      loading = null;
      throw failure;
    });
  return loading;
}
