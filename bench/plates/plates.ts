/**
 * The plate set of `npm run bench:plates`, made from one seed: each plate's text, style, font and
 * condition (what bench/plates/page.js draws), and the parked cars it is matched against.
 */

/** What a plate picture suffers from; each is a sixth of the set. */
export const CONDITIONS = ['clean', 'angle', 'blur', 'glare', 'low light', 'occlusion'] as const;
export type Condition = (typeof CONDITIONS)[number];

const STYLES = ['eu', 'us', 'yellow', 'dark', 'blue'] as const;
const FONTS = ['DejaVu Sans', 'DejaVu Sans Mono', 'DejaVu Sans Condensed', 'Liberation Sans Narrow', 'Liberation Mono', 'DejaVu Serif'] as const;
/** Plate shapes: L a letter, 9 a digit; spaces and dashes as printed. */
const PATTERNS = ['LLL 999', 'LL 999 LL', '9LLL999', 'LL-9999', 'L999 LLL', 'LLL-9L99', '999 LLL'] as const;
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];

/** Everything page.js needs to draw one plate picture. */
export type PlateSpec = {
  text: string;
  style: (typeof STYLES)[number];
  font: (typeof FONTS)[number];
  condition: Condition;
  seed: number;
  body: [string, string];
  scale: number;
  dx: number;
  dy: number;
  angle: number;
  skew: number;
  blur: number;
  light: number;
  noise: number;
  glare: { x: number; y: number; r: number; strength: number } | null;
  occlusion: { x: number; y: number; w: number; h: number } | null;
};

/** mulberry32: a small, seeded generator (the same numbers on every machine). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, from: readonly T[]): T => from[Math.floor(rnd() * from.length)]!;
const between = (rnd: () => number, lo: number, hi: number) => lo + rnd() * (hi - lo);

/** A plate text in one of the patterns. */
export function plateText(rnd: () => number): string {
  return [...pick(rnd, PATTERNS)].map((c) => (c === 'L' ? pick(rnd, LETTERS) : c === '9' ? pick(rnd, DIGITS) : c)).join('');
}

const BODIES: [string, string][] = [
  ['#8a8f96', '#4a4f56'],
  ['#b01e23', '#5e0d10'],
  ['#1d1f22', '#050506'],
  ['#e8e8e6', '#a9aaa8'],
  ['#1f3f7a', '#0c1a33'],
];

/** `count` plate specs, the conditions taking turns, all from `seed`. */
export function plateSpecs(count: number, seed: number): PlateSpec[] {
  const rnd = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const condition = CONDITIONS[i % CONDITIONS.length]!;
    const spec: PlateSpec = {
      text: plateText(rnd),
      style: pick(rnd, STYLES),
      font: pick(rnd, FONTS),
      condition,
      seed: Math.floor(rnd() * 2 ** 31),
      body: pick(rnd, BODIES),
      scale: between(rnd, 0.6, 0.85),
      dx: between(rnd, -40, 40),
      dy: between(rnd, -8, 8),
      angle: between(rnd, -1, 1),
      skew: 0,
      blur: 0,
      light: 1,
      noise: 6,
      glare: null,
      occlusion: null,
    };
    if (condition === 'angle') {
      spec.angle = between(rnd, 4, 8) * (rnd() < 0.5 ? -1 : 1);
      spec.skew = between(rnd, -10, 10);
    } else if (condition === 'blur') spec.blur = between(rnd, 1.5, 3);
    else if (condition === 'glare') spec.glare = { x: between(rnd, 0.25, 0.75), y: between(rnd, 0.2, 0.8), r: between(rnd, 0.12, 0.25), strength: between(rnd, 0.7, 0.9) };
    else if (condition === 'low light') {
      spec.light = between(rnd, 0.18, 0.3);
      spec.noise = between(rnd, 10, 18);
    } else if (condition === 'occlusion') {
      // A bar across the bottom or top fifth of the plate, or over one end.
      spec.occlusion =
        rnd() < 0.5 ? { x: between(rnd, 0, 0.4), y: rnd() < 0.5 ? 0.75 : -0.05, w: between(rnd, 0.3, 0.6), h: 0.28 } : { x: rnd() < 0.5 ? -0.02 : 0.94, y: 0, w: 0.08, h: 1 };
    }
    return spec;
  });
}

/** Look-alike pairs both ways (PRODUCT.md's O/0, I/1, Z/2, B/8, S/5). */
const TWIN: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', Z: '2', '2': 'Z', B: '8', '8': 'B', S: '5', '5': 'S' };

/**
 * The parked cars a read is matched against: the true plate, `others` plates of the same shapes,
 * and five that differ from it by one character that is not a look-alike (the hardest honest
 * neighbours). With `twin`, also the true plate with one look-alike swapped, when it has one: a
 * car the matcher cannot tell apart by design, counted apart in the report.
 */
export function parkedCars(truth: string, seed: number, { others = 45, twin = false } = {}): string[] {
  const rnd = seeded(seed);
  const cars = new Set([truth]);
  for (let i = 0; cars.size < 6 && i < 100; i++) {
    const at = Math.floor(rnd() * truth.length);
    const c = truth[at]!;
    if (c === ' ' || c === '-') continue;
    const pool = (DIGITS.includes(c) ? DIGITS : LETTERS).filter((x) => x !== c && TWIN[c] !== x);
    cars.add(truth.slice(0, at) + pick(rnd, pool) + truth.slice(at + 1));
  }
  if (twin) {
    const at = [...truth].findIndex((c) => TWIN[c]);
    if (at >= 0) cars.add(truth.slice(0, at) + TWIN[truth[at]!] + truth.slice(at + 1));
  }
  while (cars.size < 6 + others + (twin ? 1 : 0)) cars.add(plateText(rnd));
  // The truth somewhere in the list, not always first.
  const list = [...cars];
  const at = Math.floor(rnd() * list.length);
  [list[0], list[at]] = [list[at]!, list[0]!];
  return list;
}
