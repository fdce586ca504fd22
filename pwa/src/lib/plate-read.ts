import { normalizePlate } from '../../../shared/plate.js';
import { normalizePlateText } from '../../../shared/plate-match.js';

/** A line of text the OCR found: its text, mean confidence (0..1) and box corners in pixels. */
export type OcrLine = { text: string; mean: number; box?: number[][] };

/** What one read of a plate gave: plate-shaped texts, likeliest first (may be empty), and how long it took. */
export type PlateRead = { candidates: string[]; ms: number };

function heightOf(box: number[][] | undefined): number {
  if (!box || box.length < 4) return 0;
  const ys = box.map((p) => p[1] ?? 0);
  return Math.max(...ys) - Math.min(...ys);
}

/**
 * The plate-shaped texts among the OCR's lines, likeliest first: the registration is the tallest text
 * on a plate (a state name or slogan is smaller), so taller lines come first, then surer ones. A
 * line that is not 2..10 of A-Z 0-9 once normalized is not a plate, but its words may be (a
 * "CALIFORNIA 7ABC123" line gives 7ABC123).
 * @example candidatesOf([{ text: 'ab 123', mean: 0.9, box }]) // ['AB123']
 */
export function candidatesOf(lines: readonly OcrLine[]): string[] {
  const ranked = [...lines].sort((a, b) => heightOf(b.box) - heightOf(a.box) || b.mean - a.mean);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of ranked) {
    const whole = normalizePlate(normalizePlateText(line.text));
    const words = line.text.split(/\s+/).map((w) => normalizePlate(normalizePlateText(w)));
    for (const c of [whole, ...words]) {
      if (c && !seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
  }
  return out;
}
