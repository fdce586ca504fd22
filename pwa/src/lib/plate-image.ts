import { ImageRawBase } from '@gutenye/ocr-common';

/** RGBA pixels with their size, as the OCR's models take them. */
export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

function canvasOf(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context(canvas: OffscreenCanvas | HTMLCanvasElement) {
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('this browser cannot draw pictures to read them');
  return ctx;
}

/**
 * A picture for the OCR in the browser (the role @gutenye/ocr-browser's ImageRaw plays there, kept
 * here so the OCR runs without OpenCV): opened from a URL, scaled with the canvas, cut by a box.
 */
export class PlateImage extends ImageRawBase {
  declare data: Uint8ClampedArray;

  constructor({ data, width, height }: { data: Uint8Array | Uint8ClampedArray; width: number; height: number }) {
    super({ data: data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data), width, height });
  }

  /** The picture at `url` (a data: URL from the camera's crop, say). */
  static async open(url: string): Promise<PlateImage> {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = canvasOf(image.naturalWidth, image.naturalHeight);
    const ctx = context(canvas);
    ctx.drawImage(image, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return new PlateImage({ data, width, height });
  }

  /** The picture scaled to `width` x `height`; with one of them only, the other keeps the aspect. */
  async resize({ width, height }: { width?: number; height?: number }): Promise<PlateImage> {
    if (width === undefined && height === undefined) throw new Error('resize needs a width or a height');
    const w = Math.max(1, Math.round(width ?? (this.width / this.height) * height!));
    const h = Math.max(1, Math.round(height ?? (this.height / this.width) * width!));
    const source = canvasOf(this.width, this.height);
    context(source).putImageData(new ImageData(new Uint8ClampedArray(this.data), this.width, this.height), 0, 0);
    const target = canvasOf(w, h);
    const ctx = context(target);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, w, h);
    const out = ctx.getImageData(0, 0, w, h);
    return new PlateImage({ data: out.data, width: w, height: h });
  }

  /** The part inside a rectangle (whole pixels, clamped to the picture). */
  crop(x0: number, y0: number, x1: number, y1: number): PlateImage {
    const left = Math.max(0, Math.floor(x0));
    const top = Math.max(0, Math.floor(y0));
    const right = Math.min(this.width, Math.ceil(x1));
    const bottom = Math.min(this.height, Math.ceil(y1));
    const w = Math.max(1, right - left);
    const h = Math.max(1, bottom - top);
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      const from = ((top + y) * this.width + left) * 4;
      data.set(this.data.subarray(from, from + w * 4), y * w * 4);
    }
    return new PlateImage({ data, width: w, height: h });
  }

  /** Kept for the OCR library's debug hook; the phone never writes pictures anywhere. */
  async write(_path: string): Promise<void> {}
}
