import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { currentGarage, lastStats } from '../src/lib/garage.js';
import type { LocalStore } from '../src/lib/local-store.js';
import { memoryStore } from '../src/lib/local-store.js';
import { createOutbox, OutboxContext, type Outbox } from '../src/lib/outbox.js';
import { networkUp } from '../src/lib/network.js';
import { currentStep, restartScreens } from '../src/lib/router.js';
import { currentUser, sessionChecked, sessionEnded } from '../src/lib/session.js';

/** Renders a screen with its own outbox (in memory) and a clean app state; gives both back. */
export function renderWithOutbox(ui: ComponentChildren, store: LocalStore = memoryStore()): ReturnType<typeof render> & { outbox: Outbox } {
  const outbox = createOutbox(store);
  return { ...render(<OutboxContext.Provider value={outbox}>{ui}</OutboxContext.Provider>), outbox };
}

/** Puts the app's shared signals back to a first start. */
export function resetAppState(): void {
  currentUser.value = null;
  sessionChecked.value = true;
  sessionEnded.value = null;
  lastStats.value = null;
  currentGarage.value = null;
  networkUp.value = true;
  currentStep.value = null;
  restartScreens();
}
