import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import type { Tariff } from '../../../shared/fee.js';
import { GarageStats } from '../../../shared/garage.js';
import { Garage } from '../../../shared/garages.js';
import { api } from './api.js';
import { readPersisted, writePersisted } from './persisted.js';
import { DEFAULT_LOCALE, deviceTimeZone } from './time.js';

const Cached = z.object({ stats: GarageStats, at: z.string() });

/** The last garage figures the phone saw, and when (kept for offline starts). */
export const lastStats = signal<z.infer<typeof Cached> | null>(readPersisted('stats', Cached) ?? null);

/**
 * The garage this phone works for, its profile as the server last gave it (kept for offline starts):
 * its name is always in the header. Null until the server has named it.
 */
export const currentGarage = signal<Garage | null>(readPersisted('garage', Garage) ?? null);

/** The garage's timezone: every time on screen is shown in it. */
export const garageTimeZone = computed(() => lastStats.value?.stats.timezone ?? currentGarage.value?.timezone ?? deviceTimeZone);

/**
 * The locale the garage's times are written in. The server has no locale setting yet, so it is
 * the default (en-US: a 12-hour clock) until one is sent; every time on screen follows this signal.
 */
export const garageLocale = signal(DEFAULT_LOCALE);

/** The garage's tariff as of the last figures seen: what a car that came in offline is priced with. */
export const garageTariff = computed<Tariff | null>(() => {
  const stats = lastStats.value?.stats;
  return stats ? { hourlyRate: stats.hourlyRate, graceMinutes: stats.graceMinutes, dailyMaxCents: stats.dailyMaxCents } : null;
});

/** Remembers fresh figures from the server. */
export function rememberStats(stats: GarageStats): void {
  lastStats.value = { stats, at: new Date().toISOString() };
  writePersisted('stats', lastStats.value);
}

/** Remembers the garage's profile as the server gave it (null: the server names none for this user). */
export function rememberGarage(garage: Garage | null): void {
  currentGarage.value = garage;
  writePersisted('garage', garage);
}

/**
 * Asks the server which garage this user works in (today the one garage GET /api/garages lists) and
 * remembers it. Throws as any API call does; on a failure the remembered garage stays.
 */
export async function refreshGarage(): Promise<Garage | null> {
  const [garage = null] = await api.garages();
  rememberGarage(garage);
  return garage;
}
