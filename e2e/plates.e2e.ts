/**
 * Reading a plate with the phone's camera, for real: Chromium's fake camera plays a video of a
 * plate (a Y4M file made here from a plate drawn in Chromium), the attendant opts in to the plate
 * reader (downloaded from the test server), goes offline, and at Car in the camera puts the plate
 * in the field — read on the phone, with the reader the service worker kept, and not issued until
 * the attendant taps Issue. Then at Car out the camera proposes that car's ticket, and one tap
 * shows the amount due.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, openPhone, signIn } from './browser.js';

const baseUrl = inject('baseUrl');
const PLATE = 'KTR 482';
/** The fake camera's frame: what a phone's rear camera gives at the size the app asks for. */
const FRAME = { width: 1280, height: 720 };

/** A plate on a car, drawn in Chromium, as RGBA pixels of one camera frame. */
async function drawPlateFrame(): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const pixels = await page.evaluate(
      ({ width, height, plate }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d')!;
        const body = ctx.createLinearGradient(0, 0, 0, height);
        body.addColorStop(0, '#6b7079');
        body.addColorStop(1, '#2b2f35');
        ctx.fillStyle = body;
        ctx.fillRect(0, 0, width, height);
        const pw = width * 0.6;
        const ph = pw / 4.7;
        ctx.fillStyle = '#f7f7f2';
        ctx.beginPath();
        ctx.roundRect((width - pw) / 2, (height - ph) / 2, pw, ph, 12);
        ctx.fill();
        ctx.lineWidth = 6;
        ctx.strokeStyle = '#111';
        ctx.stroke();
        ctx.fillStyle = '#111';
        ctx.font = `bold ${Math.round(ph * 0.72)}px "DejaVu Sans"`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(plate, width / 2, height / 2 + ph * 0.04, pw * 0.9);
        // As base64: millions of numbers cross the DevTools protocol slowly as a JSON array.
        const data = ctx.getImageData(0, 0, width, height).data;
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      { ...FRAME, plate: PLATE },
    );
    return new Uint8Array(Buffer.from(pixels, 'base64'));
  } finally {
    await browser.close();
  }
}

/** RGBA pixels as a Y4M video (I420, full-range BT.601) of `frames` identical frames, which Chromium's fake camera loops. */
function y4m(rgba: Uint8Array, width: number, height: number, frames = 2): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      y[row * width + col] = clamp(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
    }
  }
  for (let row = 0; row < height / 2; row++) {
    for (let col = 0; col < width / 2; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
        const i = ((row * 2 + dy) * width + col * 2 + dx) * 4;
        r += rgba[i]!;
        g += rgba[i + 1]!;
        b += rgba[i + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      u[row * (width / 2) + col] = clamp(-0.1687 * r - 0.3313 * g + 0.5 * b + 128);
      v[row * (width / 2) + col] = clamp(0.5 * r - 0.4187 * g - 0.0813 * b + 128);
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
}

/** Opts in from Car in's link, on the Plate camera screen, as an attendant would: the size first, then the download. */
async function optIn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Read plates with the camera' }).click();
  await page.getByRole('heading', { name: 'Plate camera' }).waitFor();
  await page.getByRole('button', { name: /^Download \(\d+\.\d MB\)$/ }).click();
  await page.getByText(/^Installed on this phone/).waitFor({ timeout: 60_000 });
}

let dir: string;
let phone: Awaited<ReturnType<typeof openPhone>>;

beforeAll(async () => {
  dir = mkdtempSync('/tmp/parkops-e2e-plate-');
  const video = path.join(dir, 'plate.y4m');
  writeFileSync(video, y4m(await drawPlateFrame(), FRAME.width, FRAME.height));
  phone = await openPhone(undefined, {
    extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
});
afterAll(async () => {
  await phone?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the plate camera', () => {
  it('is opted into, reads a plate into the Car in field offline for the attendant to issue, and proposes that ticket at Car out', async () => {
    const { page, context } = phone;
    await signIn(page, baseUrl, 'admin', inject('adminPassword'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await page.getByRole('link', { name: 'Car in' }).click();
    await page.getByRole('heading', { name: 'Car in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Read the plate with the camera' }).count()).toBe(0);

    await optIn(page);
    const cached = await page.evaluate(async () => (await (await caches.open('plate-model-v1')).keys()).map((r) => new URL(r.url).pathname));
    expect(cached).toEqual(expect.arrayContaining(['/models/plate/ch_PP-OCRv4_det_infer.onnx', '/models/plate/ch_PP-OCRv4_rec_infer.onnx', '/models/plate/ort-wasm-simd-threaded.wasm']));
    expect(cached.some((p) => /^\/assets\/plate-ocr-.+\.js$/.test(p))).toBe(true);

    // From here on the reader comes from the phone: the service worker answers from the plate-model Cache.
    await page.goto(`${baseUrl}/entry`);
    await page.getByRole('heading', { name: 'Car in' }).waitFor();
    await context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Read the plate with the camera' }).click();
      const read = page.getByRole('button', { name: 'Read plate', exact: true });
      await read.waitFor({ timeout: 60_000 });
      await expect.poll(() => read.isEnabled(), { timeout: 60_000 }).toBe(true);
      await read.click();
      await expect.poll(() => page.getByLabel('License plate').inputValue(), { timeout: 30_000 }).toBe(PLATE.replace(' ', ''));
      await page.getByText(/^Read by the camera: KTR482\. Check it against the car before issuing\.$/).waitFor();
      // Put in the field, never issued by itself.
      expect(await page.getByRole('heading', { name: 'Ticket issued' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Issue ticket' }).isEnabled()).toBe(true);
    } finally {
      await context.setOffline(false);
    }

    await page.getByRole('button', { name: 'Issue ticket' }).click();
    const ticketNumber = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(ticketNumber).toMatch(/^PS-[0-9A-Z]{6}$/);

    await page.getByRole('link', { name: 'Car out' }).click();
    await page.getByRole('button', { name: 'Find by plate with the camera' }).click();
    const readAgain = page.getByRole('button', { name: 'Read plate', exact: true });
    await expect.poll(() => readAgain.isEnabled(), { timeout: 60_000 }).toBe(true);
    await readAgain.click();
    await page.getByRole('heading', { name: 'Plate read: KTR482' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: `${ticketNumber} · KTR482 · same plate` }).click();
    await page.getByTestId('amount-due').waitFor();
  });
});
