/**
 * `npm run bench:plates`: how well and how fast the PWA's plate reader reads plates, in headless
 * Chromium, on plate pictures drawn from a seed (bench/plates/plates.ts, page.js). Builds the PWA
 * (unless BENCH_PLATES_NO_BUILD=1), serves pwa/dist as the server does (api/home.ts, with the app's
 * Content-Security-Policy), loads the built reader chunk in a page, and reads every plate once.
 * Last line: `plates: exact N%, matched N%, N ms/read, model N MB`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { PWA_DIST, servePwa } from '../../api/home.js';
import { APP_POLICY } from '../../api/http/security-headers.js';
import { candidatesOf, type OcrLine } from '../../pwa/src/lib/plate-read.js';
import { bestPlateMatches, normalizePlateText } from '../../shared/plate-match.js';
import { CONDITIONS, parkedCars, plateSpecs, type PlateSpec } from './plates.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.BENCH_PLATES_COUNT ?? 60);
const SEED = Number(process.env.BENCH_PLATES_SEED ?? 19);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where pictures of misreads go, to look at (git-ignored with the other results). */
const MISSES = path.join(here, '..', 'results', 'plates');

type PlateRead = { candidates: string[]; ms: number };
type EngineRead = { lines: OcrLine[]; ms: number };

if (process.env.BENCH_PLATES_NO_BUILD !== '1') {
  const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}
const manifestFile = path.join(PWA_DIST, 'models', 'plate', 'manifest.json');
if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run npm run build`);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { engine: string; files: { url: string; bytes: number }[] };
const modelBytes = ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'].reduce(
  (sum, name) => sum + statSync(path.join(PWA_DIST, 'models', 'plate', name)).size,
  0,
);
const downloadBytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);

// the app's own policy, exactly (its script-src allows WebAssembly, as the reader needs)
const policy = APP_POLICY;
const app = new Hono();
app.use(async (c, next) => {
  await next();
  c.header('Content-Security-Policy', policy);
});
app.get('/bench/page.js', (c) => c.body(readFileSync(path.join(here, 'page.js'), 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
app.get('/bench.html', (c) => c.html('<!doctype html><html lang="en"><title>plates</title><script type="module" src="/bench/page.js"></script></html>'));
app.get('/favicon.ico', (c) => c.body(null, 204));
app.get('*', servePwa());
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => 'bench' in window);
  const loadMs = await page.evaluate((engine) => (window as unknown as { bench: { load(u: string): Promise<number> } }).bench.load(engine), manifest.engine);

  const specs = plateSpecs(COUNT, SEED);
  type Row = { spec: PlateSpec; read: PlateRead; exact: boolean; matched: boolean; top3: boolean; twinTop3: boolean | null };
  const rows: Row[] = [];
  mkdirSync(MISSES, { recursive: true });
  for (const [i, spec] of specs.entries()) {
    // The engine reads the lines in the page; the PWA's own candidatesOf picks the plate among them.
    const engineRead = await page.evaluate((s) => (window as unknown as { bench: { read(s: PlateSpec): Promise<EngineRead> } }).bench.read(s), spec);
    const read: PlateRead = { candidates: candidatesOf(engineRead.lines), ms: engineRead.ms };
    const truth = normalizePlateText(spec.text);
    const cars = parkedCars(spec.text, SEED * 1000 + i);
    const proposals = bestPlateMatches(read.candidates, cars, (p) => p);
    const withTwin = parkedCars(spec.text, SEED * 1000 + i, { twin: true });
    const hasTwin = withTwin.length > cars.length;
    const twinProposals = hasTwin ? bestPlateMatches(read.candidates, withTwin, (p) => p) : [];
    const row: Row = {
      spec,
      read,
      exact: read.candidates[0] === truth,
      matched: normalizePlateText(proposals[0]?.plate ?? '') === truth,
      top3: proposals.some((p) => normalizePlateText(p.plate) === truth),
      twinTop3: hasTwin ? twinProposals.some((p) => normalizePlateText(p.plate) === truth) : null,
    };
    rows.push(row);
    if (!row.exact) {
      const png = await page.evaluate((s) => (window as unknown as { bench: { picture(s: PlateSpec): string } }).bench.picture(s), spec);
      writeFileSync(path.join(MISSES, `${String(i).padStart(2, '0')}-${truth}.png`), Buffer.from(png.split(',')[1]!, 'base64'));
    }
    const mark = row.exact ? 'exact' : row.matched ? 'matched' : row.top3 ? 'top 3' : 'MISS';
    console.log(`${String(i + 1).padStart(3)} ${spec.condition.padEnd(9)} ${spec.style.padEnd(6)} ${spec.font.padEnd(22)} ${spec.text.padEnd(10)} read ${(read.candidates.slice(0, 3).join(' | ') || '(nothing)').padEnd(28)} ${String(read.ms).padStart(5)} ms  ${mark}`);
  }

  const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((100 * n) / of));
  console.log(`\nmodels loaded in ${loadMs} ms (first read not counted apart)`);
  console.log('condition   plates  exact  matched  in top 3  ms/read');
  for (const condition of CONDITIONS) {
    const of = rows.filter((r) => r.spec.condition === condition);
    const ms = Math.round(of.reduce((s, r) => s + r.read.ms, 0) / Math.max(1, of.length));
    console.log(
      `${condition.padEnd(11)} ${String(of.length).padStart(6)} ${`${pct(of.filter((r) => r.exact).length, of.length)}%`.padStart(6)} ${`${pct(of.filter((r) => r.matched).length, of.length)}%`.padStart(8)} ${`${pct(of.filter((r) => r.top3).length, of.length)}%`.padStart(9)} ${String(ms).padStart(8)}`,
    );
  }
  const twins = rows.filter((r) => r.twinTop3 !== null);
  const sorted = rows.map((r) => r.read.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = Math.round(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length));
  console.log(`with a look-alike twin also parked: the right car among the proposals ${twins.filter((r) => r.twinTop3).length}/${twins.length}`);
  console.log(`read time: median ${median} ms, slowest ${sorted.at(-1) ?? 0} ms (single-threaded WebAssembly)`);
  console.log(`download on opt-in: ${(downloadBytes / 1e6).toFixed(1)} MB in ${manifest.files.length} files (model ${(modelBytes / 1e6).toFixed(1)} MB, onnxruntime WebAssembly and the reader's JS the rest)`);
  if (problems.length) console.log(`browser console errors: ${problems.slice(0, 3).join(' / ')}`);
  if (rows.some((r) => !r.exact)) console.log(`misread pictures: ${path.relative(process.cwd(), MISSES)}/`);
  console.log(
    `plates: exact ${pct(rows.filter((r) => r.exact).length, rows.length)}%, matched ${pct(rows.filter((r) => r.matched).length, rows.length)}%, ${mean} ms/read, model ${(modelBytes / 1e6).toFixed(1)} MB`,
  );
} finally {
  await browser.close();
  server.close();
}
