import { render } from 'preact';
import { App } from './app.js';
import { api } from './lib/api.js';
import { indexedDbStore, memoryStore } from './lib/local-store.js';
import { createOutbox } from './lib/outbox.js';
import { checkSession } from './lib/session.js';
import { registerServiceWorker } from './lib/update.js';
import './styles.css';

const outbox = createOutbox('indexedDB' in window ? indexedDbStore() : memoryStore());
render(<App outbox={outbox} />, document.getElementById('app')!);
registerServiceWorker();
void checkSession();
void outbox.start();

// Back online: drain only once the server really answers (offline, the service worker answers pages).
window.addEventListener('online', () => {
  api.status().then(
    () => void outbox.drain(),
    (error: unknown) => console.warn('online, but the server is not reachable yet; the backoff timer retries', error),
  );
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void outbox.drain();
});
