import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { shellSize } from './build/shell-size.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The attendant app: built into pwa/dist, which the API server serves at `/`. */
export default defineConfig({
  root,
  publicDir: 'public',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': { target: `http://localhost:${process.env.API_PORT ?? 5001}`, changeOrigin: false } } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'], globIgnores: ['icons/maskable-*.png'] },
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
    shellSize(),
    // Brotli and gzip copies beside each text file, which the server picks by Accept-Encoding
    // (api/home.ts): the shell crosses a slow garage link at a third of its size.
    compression({ include: /\.(html|css|js|mjs|svg|json|webmanifest|txt)$/, algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' }),
  ],
});
