/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell that Vite built (the list is injected at build time
 * by vite-plugin-pwa) and answers every navigation with it, so the app opens with no signal.
 * API calls are never cached here: the app's own outbox handles being offline. The plate reader's
 * opt-in download (model, WebAssembly, the reader's JS) is put by the page into its own Cache
 * (pwa/src/lib/plate-download.ts) and answered from there first, so the reader works with no signal.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// a receipt link (/r/<token>) is the server's page for a driver, never the app, even where the app is installed
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(\/|$)/, /^\/r\//] }));

/** The Cache the plate reader's download goes into (the same name as in lib/plate-download.ts). */
const PLATE_MODEL_CACHE = 'plate-model-v1';
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && (url.pathname.startsWith('/models/') || url.pathname.startsWith('/assets/plate-ocr-')),
  async ({ request }) => (await caches.match(request, { cacheName: PLATE_MODEL_CACHE })) ?? fetch(request),
);

// A first install takes over open pages at once; an update waits until the person taps Reload.
clientsClaim();
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
