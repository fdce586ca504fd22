import { PlateImage } from './plate-image.js';

/** A text box in pixels: left, top, right, bottom. */
export type TextBox = { x0: number; y0: number; x1: number; y1: number };

/** How far a box is grown around its pixels, as PaddleOCR's DB post-processing does (its "unclip ratio"). */
const UNCLIP_RATIO = 1.5;
/** Blobs thinner than this (in map pixels) are specks, not text. */
const MIN_SIDE = 3;

/**
 * The text boxes in the detection model's black-and-white map (white = text): each 8-connected white
 * blob's bounding box, grown by area x 1.5 / perimeter on every side and kept inside the map.
 * Axis-aligned boxes are enough for a plate framed in a guide box (tilted a few degrees at most).
 * @example findTextBoxes({ data, width: 320, height: 96 }) // [{ x0: 20, y0: 18, x1: 290, y1: 80 }]
 */
export function findTextBoxes(map: { data: ArrayLike<number>; width: number; height: number }): TextBox[] {
  const { width, height, data } = map;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const boxes: TextBox[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !data[start * 4]) continue;
    seen[start] = 1;
    stack.push(start);
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let area = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (!seen[q] && data[q * 4]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < MIN_SIDE || area < MIN_SIDE * MIN_SIDE) continue;
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, x0 - grow),
      y0: Math.max(0, y0 - grow),
      x1: Math.min(width, x1 + 1 + grow),
      y1: Math.min(height, y1 + 1 + grow),
    });
  }
  return boxes;
}

/** What the OCR library's recognition step takes: a line's picture and its box corners (clockwise from top left). */
export type LineImage = { image: PlateImage; box: number[][] };

/**
 * The line finder the OCR library calls between its two models (in place of its OpenCV one): the
 * boxes of the map, scaled to the picture the map came from, each cut out of that picture.
 */
export async function splitIntoLineImages(map: PlateImage, source: PlateImage): Promise<LineImage[]> {
  const rx = source.width / map.width;
  const ry = source.height / map.height;
  const lines: LineImage[] = [];
  for (const b of findTextBoxes(map)) {
    const x0 = Math.round(b.x0 * rx);
    const y0 = Math.round(b.y0 * ry);
    const x1 = Math.round(b.x1 * rx);
    const y1 = Math.round(b.y1 * ry);
    if (x1 - x0 <= 3 || y1 - y0 <= 3) continue;
    lines.push({
      image: source.crop(x0, y0, x1, y1),
      box: [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ],
    });
  }
  return lines;
}
