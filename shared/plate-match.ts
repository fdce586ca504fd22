/**
 * Matching a plate read by the camera against the plates of parked cars. A camera read is evidence,
 * not truth: PaddleOCR confuses O/0, I/1, Z/2, B/8 and S/5 on plate fonts, and may drop or add a
 * character at an edge. So the read is compared in three ways, best first, and at most three
 * proposals come back for the attendant to pick one (never picked for them).
 */

/** Why a parked car's plate was proposed: the same, the same but for look-alikes, or a few characters off. */
export type PlateMatchReason = 'exact' | 'look-alike' | 'close';

/** One proposal: the item (a ticket, say), its plate as given, why, and how many characters differ after folding. */
export type PlateMatch<T> = { item: T; plate: string; reason: PlateMatchReason; distance: number };

/** At most this many proposals: more than three is a list to read, not a tap. */
export const MAX_PROPOSALS = 3;

/** Characters that plate fonts draw alike, each folded to one representative (letters to digits). */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', B: '8', S: '5' };

/**
 * A plate text in the form plates are matched in: compatibility forms folded (full-width letters
 * become ASCII), uppercase, and everything but A-Z 0-9 removed (spaces, dashes, dots, stray marks
 * an OCR adds). May be empty; say what a plate is with `normalizePlate` (shared/plate.ts).
 * @example normalizePlateText(' ab-12·3 ') // 'AB123'
 */
export function normalizePlateText(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * A normalized plate with look-alike characters folded into one (O -> 0, I -> 1, Z -> 2, B -> 8,
 * S -> 5: the pairs PRODUCT.md names), so `B0S5` and `8O55` compare equal.
 * @example foldLookAlikes('SOB1') // '5081'
 */
export function foldLookAlikes(normalized: string): string {
  let folded = '';
  for (const ch of normalized) folded += LOOK_ALIKES[ch] ?? ch;
  return folded;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions each cost 1), stopping early with
 * `max + 1` once the distance must exceed `max`.
 * @example editDistance('ABC123', 'ABC12', 2) // 1
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many characters may differ (after folding) for a plate to still be proposed: one on short plates, two on long. */
export function closeEnough(length: number): number {
  return length <= 5 ? 1 : 2;
}

const RANK: Record<PlateMatchReason, number> = { exact: 0, 'look-alike': 1, close: 2 };

/** How a read compares with a plate (both normalized), or null when it is not close enough to propose. */
function compare(read: string, plate: string): { reason: PlateMatchReason; distance: number } | null {
  if (read.length === 0 || plate.length === 0) return null;
  if (read === plate) return { reason: 'exact', distance: 0 };
  const a = foldLookAlikes(read);
  const b = foldLookAlikes(plate);
  if (a === b) return { reason: 'look-alike', distance: 0 };
  const max = closeEnough(Math.min(a.length, b.length));
  const distance = editDistance(a, b, max);
  return distance <= max ? { reason: 'close', distance } : null;
}

/**
 * The parked cars whose plate best matches a camera read (or several readings of one plate, best
 * first): exact before look-alike-equal before a few characters off, fewer differences first, then
 * the plate's order in the list; at most `MAX_PROPOSALS`, each car once.
 * @example bestPlateMatches('8O5 123', tickets, (t) => t.licensePlate) // [{ item: <BOS123's ticket>, reason: 'look-alike', ... }]
 */
export function bestPlateMatches<T>(read: string | readonly string[], items: readonly T[], plateOf: (item: T) => string): PlateMatch<T>[] {
  const reads = (typeof read === 'string' ? [read] : read).map(normalizePlateText).filter((r) => r.length > 0);
  const found: (PlateMatch<T> & { order: number })[] = [];
  items.forEach((item, order) => {
    const plate = plateOf(item);
    const normalized = normalizePlateText(plate);
    let best: { reason: PlateMatchReason; distance: number } | null = null;
    for (const r of reads) {
      const c = compare(r, normalized);
      if (c && (!best || RANK[c.reason] < RANK[best.reason] || (c.reason === best.reason && c.distance < best.distance))) best = c;
    }
    if (best) found.push({ item, plate, ...best, order });
  });
  found.sort((x, y) => RANK[x.reason] - RANK[y.reason] || x.distance - y.distance || x.order - y.order);
  return found.slice(0, MAX_PROPOSALS).map(({ order: _order, ...match }) => match);
}
