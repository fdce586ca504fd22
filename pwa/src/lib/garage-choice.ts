import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import { Garage } from '../../../shared/garages.js';
import { api } from './api.js';
import { readPersisted, writePersisted } from './persisted.js';
import { restartScreens } from './router.js';
import { currentUser } from './session.js';

/**
 * The garages this user may use, as the server last listed them (kept for offline starts: the
 * picker's names and the header's). A phone last used by the app before several garages kept one.
 */
export const myGarages = signal<Garage[]>(readPersisted('garages', z.array(Garage)) ?? [readPersisted('garage', Garage)].filter((g) => g !== undefined));

/** The garage each user of this phone last picked, by user id: kept on the phone, so a restart goes straight back to it. */
export const garageChoices = signal<Record<string, number>>(readPersisted('garageChoices', z.record(z.string(), z.number().int())) ?? {});

/**
 * The garage a user works in, from the garages they may use and the one remembered for them: their
 * only garage, else the remembered one while they may still use it; null when they are to pick.
 * @example chooseGarage([1, 2], 2) // 2
 * @example chooseGarage([1, 2], 3) // null: no longer theirs, so they pick again
 */
export function chooseGarage(garageIds: readonly number[], remembered: number | undefined): number | null {
  if (garageIds.length === 1) return garageIds[0]!;
  return remembered !== undefined && garageIds.includes(remembered) ? remembered : null;
}

/**
 * The id of the garage on screen: every garage call, every new outbox item, the cached figures and
 * the header follow it. Null while no one is signed in or the user has not picked yet.
 */
export const currentGarageId = computed(() => {
  const user = currentUser.value;
  return user ? chooseGarage(user.garageIds, garageChoices.value[user.id]) : null;
});

/** The id of the garage on screen, for code that runs only once one is picked (screens, their buttons); throws otherwise (a bug). */
export function garageOnScreen(): number {
  const id = currentGarageId.value;
  if (id === null) throw new Error('no garage is on screen: a garage screen was shown before a garage was picked');
  return id;
}

/** A garage the phone knows only by id (never listed to it yet, e.g. offline): named by its number. */
const unnamed = (id: number) => ({ id, name: `Garage ${id}`, address: null });

/**
 * The garage on screen, as the server last described it; its name is always in the header. Null
 * until one is picked, or while the phone has never seen its profile.
 */
export const currentGarage = computed(() => myGarages.value.find((g) => g.id === currentGarageId.value) ?? null);

/** The name of garage `id` as the phone knows it ("Garage 3" before it has seen its profile): the header's, the outbox panel's. */
export function garageName(id: number): string {
  return (myGarages.value.find((g) => g.id === id) ?? unnamed(id)).name;
}

/** The garages the signed-in user may pick from, in id order, named as far as the phone knows. */
export const pickableGarages = computed(() => {
  const ids = [...(currentUser.value?.garageIds ?? [])].sort((a, b) => a - b);
  return ids.map((id) => myGarages.value.find((g) => g.id === id) ?? unnamed(id));
});

/** True when the signed-in user may use more than one garage (the header's name then opens the picker). */
export const severalGarages = computed(() => (currentUser.value?.garageIds.length ?? 0) > 1);

/**
 * Makes `garageId` the garage on screen and remembers it for this user on this phone. A change of
 * garage starts every screen over, so no ticket card, receipt or quote of the last garage stays.
 */
export function pickGarage(garageId: number): void {
  const user = currentUser.value;
  if (!user?.garageIds.includes(garageId)) throw new Error(`garage ${garageId} is not one this user may use`);
  const before = currentGarageId.value;
  garageChoices.value = { ...garageChoices.value, [user.id]: garageId };
  writePersisted('garageChoices', garageChoices.value);
  if (before !== garageId) restartScreens();
}

function keepGarages(garages: Garage[]): void {
  myGarages.value = garages;
  writePersisted('garages', garages);
}

/** Remembers a garage's profile as the server gave it (after an admin's save, say). */
export function rememberGarage(garage: Garage): void {
  keepGarages([...myGarages.value.filter((g) => g.id !== garage.id), garage].sort((a, b) => a.id - b.id));
}

let asking: Promise<Garage[]> | null = null;

/**
 * Asks the server which garages this user may use (GET /api/garages) and remembers them; a second
 * call while one is on its way joins it. Throws as any API call does; on a failure the remembered
 * list stays.
 */
export function refreshGarages(): Promise<Garage[]> {
  asking ??= api
    .garages()
    .then((garages) => {
      keepGarages(garages);
      return garages;
    })
    .finally(() => (asking = null));
  return asking;
}
