import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import type { Tariff } from '../../../shared/fee.js';
import { GarageStats } from '../../../shared/garage.js';
import { readPersisted, writePersisted } from './persisted.js';
import { DEFAULT_LOCALE, deviceTimeZone } from './time.js';

const Cached = z.object({ stats: GarageStats, at: z.string() });

/** The last garage figures the phone saw, and when (kept for offline starts). */
export const lastStats = signal<z.infer<typeof Cached> | null>(readPersisted('stats', Cached) ?? null);

/** The garage's timezone: every time on screen is shown in it. */
export const garageTimeZone = computed(() => lastStats.value?.stats.timezone ?? deviceTimeZone);

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
