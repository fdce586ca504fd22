import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { Garage } from '../../shared/garages.js';
import type { User } from '../../shared/auth.js';
import { garageChoices, myGarages } from '../src/lib/garage-choice.js';
import { figuresByGarage } from '../src/lib/garage.js';
import type { LocalStore } from '../src/lib/local-store.js';
import { memoryStore } from '../src/lib/local-store.js';
import { createOutbox, OutboxContext, type Outbox } from '../src/lib/outbox.js';
import { networkUp } from '../src/lib/network.js';
import { currentStep, restartScreens } from '../src/lib/router.js';
import { currentUser, sessionChecked, sessionEnded } from '../src/lib/session.js';
import { fixture } from './fixtures.js';

/** Renders a screen with its own outbox (in memory) and a clean app state; gives both back. */
export function renderWithOutbox(ui: ComponentChildren, store: LocalStore = memoryStore()): ReturnType<typeof render> & { outbox: Outbox } {
  const outbox = createOutbox(store);
  return { ...render(<OutboxContext.Provider value={outbox}>{ui}</OutboxContext.Provider>), outbox };
}

/** Puts the app's shared signals back to a first start: no one signed in, no garage known. */
export function resetAppState(): void {
  currentUser.value = null;
  sessionChecked.value = true;
  sessionEnded.value = null;
  figuresByGarage.value = {};
  myGarages.value = [];
  garageChoices.value = {};
  networkUp.value = true;
  currentStep.value = null;
  restartScreens();
}

/**
 * Signs `user` in on the phone (by default the fixture attendant, who works in garage 1 only, so
 * garage 1 is on screen), the phone knowing `garages`; gives the user back.
 */
export function signedIn(user: User = fixture.user(), garages: Garage[] = [fixture.garage()]): User {
  myGarages.value = garages;
  currentUser.value = user;
  return user;
}
