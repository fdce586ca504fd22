import { z } from 'zod';
import { ActivePlates } from '../../../shared/tickets.js';
import { ApiFailure, call, inGarage, NetworkFailure } from './api.js';
import type { KeptCar } from './plate-parked.js';
import { readPersisted, writePersisted } from './persisted.js';

/**
 * The garage's parked cars (ticket number and plate), kept on the phone per garage, so the plate
 * camera at Car out proposes cars other attendants let in, offline too. Only this file reads or
 * writes them. Invariants: a garage's list is kept under its own key and read only for that garage;
 * what is kept passed the shared ActivePlates schema when it came, and is read back through a schema.
 */

/** A garage's list as the phone keeps it: when the server made it, and its cars. */
export type KeptPlates = { asOf: string; cars: KeptCar[] };

/**
 * The stored form: pairs instead of objects, because a garage may have up to 100,000 cars inside
 * and localStorage holds a few million characters per app.
 */
const Stored = z.object({ asOf: z.iso.datetime(), cars: z.array(z.tuple([z.string(), z.string()])) });

const storeName = (garageId: number) => `activePlates.${garageId}`;

/** The list of garage `garageId` last kept on this phone; null when it has none. */
export function knownActivePlates(garageId: number): KeptPlates | null {
  const stored = readPersisted(storeName(garageId), Stored);
  return stored ? { asOf: stored.asOf, cars: stored.cars.map(([ticketNumber, licensePlate]) => ({ ticketNumber, licensePlate })) } : null;
}

/** What a refresh gives: the new list, and whether the phone could keep it (its storage may be full). */
export type Refreshed = { plates: KeptPlates; kept: true } | { plates: KeptPlates; kept: false; problem: string };

/**
 * Asks the server for garage `garageId`'s parked cars and keeps them on the phone in place of the
 * last list. Throws the API client's failures (offline, signed out, …) for the caller to show.
 * @example const { plates } = await refreshActivePlates(1)
 */
export async function refreshActivePlates(garageId: number): Promise<Refreshed> {
  const answer = await call(ActivePlates, inGarage(garageId, '/tickets/active-plates'));
  const plates: KeptPlates = { asOf: answer.asOf, cars: answer.cars };
  try {
    writePersisted(storeName(garageId), { asOf: answer.asOf, cars: answer.cars.map((c) => [c.ticketNumber, c.licensePlate]) });
    return { plates, kept: true };
  } catch (error) {
    // The older list is wrong now: better none than one that proposes cars gone since.
    writePersisted(storeName(garageId), null);
    return { plates, kept: false, problem: `The list could not be kept on this phone (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Where the refresh of the list on screen stands: not tried (offline), under way, done, or failed and why. */
export type ListStatus = { state: 'offline' } | { state: 'refreshing' } | { state: 'fresh'; notKept: string | null } | { state: 'failed'; reason: string };

/** Why a refresh failed, in a few words (the list on the phone is used meanwhile). */
export function refreshFailureWords(error: unknown): string {
  if (error instanceof NetworkFailure) return 'no connection';
  return error instanceof ApiFailure ? error.message : error instanceof Error ? error.message : String(error);
}

/**
 * What the plate camera says about the cars it matches against: the list's time (`at` formats it)
 * and whether it is fresh, or what went wrong and what is used instead.
 * @example listWords({ state: 'failed', reason: 'no connection' }, kept, at) // 'Could not refresh (no connection): using the list from 10:42 AM'
 */
export function listWords(status: ListStatus, kept: KeptPlates | null, at: (iso: string) => string): string {
  const asOf = kept ? at(kept.asOf) : null;
  switch (status.state) {
    case 'refreshing':
      return asOf ? `Parked cars as of ${asOf}; getting the latest…` : "Getting the garage's parked cars…";
    case 'fresh':
      return `Parked cars as of ${asOf ?? 'now'}${status.notKept ? `. ${status.notKept}` : ''}`;
    case 'failed':
      return asOf
        ? `Could not refresh (${status.reason}): using the list from ${asOf}`
        : `Could not get the garage's parked cars (${status.reason}): only the cars this phone let in`;
    case 'offline':
      return asOf ? `Offline: parked cars as of ${asOf}` : "Offline, with no list of the garage's parked cars yet: only the cars this phone let in";
  }
}
