import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import type { LostTicketRule, Tariff } from '../../../shared/fee.js';
import { GarageStats } from '../../../shared/garage.js';
import { Garage } from '../../../shared/garages.js';
import { currentGarageId, myGarages } from './garage-choice.js';
import { readPersisted, writePersisted } from './persisted.js';
import { DEFAULT_LOCALE, deviceTimeZone } from './time.js';

const Cached = z.object({ stats: GarageStats, at: z.string() });
type Cached = z.infer<typeof Cached>;
const CachedByGarage = z.record(z.string(), Cached);

/** The figures kept by the app before several garages were its one garage's: they stay that garage's. */
function olderFigures(): Record<string, Cached> {
  const stats = readPersisted('stats', Cached);
  const garage = readPersisted('garage', Garage);
  return stats && garage ? { [garage.id]: stats } : {};
}

/** The last figures the phone saw of each garage, and when, by garage id (kept for offline starts). */
export const figuresByGarage = signal<Record<string, Cached>>(readPersisted('figures', CachedByGarage) ?? olderFigures());

/** The last figures the phone saw of the garage on screen, and when; null when it has seen none. */
export const lastStats = computed(() => {
  const id = currentGarageId.value;
  return id === null ? null : (figuresByGarage.value[id] ?? null);
});

/** The timezone of garage `garageId` as the phone last saw it (its figures, else its profile); the device's when unknown. */
export function timeZoneOf(garageId: number | null): string {
  if (garageId === null) return deviceTimeZone;
  return figuresByGarage.value[garageId]?.stats.timezone ?? myGarages.value.find((g) => g.id === garageId)?.timezone ?? deviceTimeZone;
}

/** The timezone of the garage on screen: every time on screen is shown in it. */
export const garageTimeZone = computed(() => timeZoneOf(currentGarageId.value));

/**
 * The locale the garage's times are written in. The server has no locale setting yet, so it is
 * the default (en-US: a 12-hour clock) until one is sent; every time on screen follows this signal.
 */
export const garageLocale = signal(DEFAULT_LOCALE);

/**
 * The tariff of the garage on screen as of its last figures seen: what a car that came in offline
 * there is priced with (never another garage's).
 */
export const garageTariff = computed<Tariff | null>(() => {
  const stats = lastStats.value?.stats;
  return stats ? { hourlyRate: stats.hourlyRate, graceMinutes: stats.graceMinutes, dailyMaxCents: stats.dailyMaxCents, plan: stats.ratePlan } : null;
});

/**
 * The lost-ticket rule of the garage on screen as of its last figures seen (its policy and fee): what
 * a lost ticket is quoted with, offline too. Null when the phone has seen no figures of it.
 */
export const garageLostTicketRule = computed<LostTicketRule | null>(() => {
  const stats = lastStats.value?.stats;
  return stats ? { policy: stats.lostTicketPolicy, feeCents: stats.lostTicketFeeCents } : null;
});

/** Remembers fresh figures of garage `garageId` from the server. */
export function rememberStats(garageId: number, stats: GarageStats): void {
  figuresByGarage.value = { ...figuresByGarage.value, [garageId]: { stats, at: new Date().toISOString() } };
  writePersisted('figures', figuresByGarage.value);
}
