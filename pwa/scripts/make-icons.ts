/**
 * Draws the app icons (a white "P" on a parking-sign blue) as PNG files in pwa/public/icons.
 * Run with `npx tsx pwa/scripts/make-icons.ts`; the PNGs are committed, so builds do not need it.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [23, 86, 200] as const;
const WHITE = [255, 255, 255] as const;

/** True when the point (x, y) in the unit square lies on the "P". */
function onGlyph(x: number, y: number): boolean {
  const stem = x >= 0.3 && x <= 0.44 && y >= 0.2 && y <= 0.8;
  const inBowl = (r: number, top: number, bottom: number, left: number) =>
    (x >= left && x <= 0.52 && y >= top && y <= bottom) || (x > 0.52 && (x - 0.52) ** 2 + (y - 0.4) ** 2 <= r * r);
  const bowl = inBowl(0.2, 0.2, 0.6, 0.3) && !inBowl(0.08, 0.32, 0.48, 0.44);
  return stem || bowl;
}

/** True when (x, y) lies inside a square with rounded corners of radius `r`. */
function inRoundedSquare(x: number, y: number, r: number): boolean {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Renders one icon, 4x4 supersampled, as RGBA PNG bytes. */
function drawIcon(size: number, maskable: boolean): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const n = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (maskable || inRoundedSquare(x, y, 0.18)) bg++;
          if (onGlyph(x, y)) fg++;
        }
      }
      const a = bg / (n * n);
      const f = fg / (n * n);
      const o = py * (size * 4 + 1) + 1 + px * 4;
      for (let ch = 0; ch < 3; ch++) raw[o + ch] = Math.round(BLUE[ch]! * (1 - f) + WHITE[ch]! * f);
      raw[o + 3] = Math.round(255 * Math.max(a, f));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

const out = new URL('../public/icons/', import.meta.url);
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
] as const) {
  writeFileSync(new URL(name, out), drawIcon(size, maskable));
  console.log(`wrote pwa/public/icons/${name}`);
}
