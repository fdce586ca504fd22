/* Parts of a rate plan in words, for the rate board (`/park rates`). */
import { formatCents } from '../../shared/format.js';
import type { EventPrice, Special, TimeBand, VehicleRates } from '../../shared/rate-plan.js';
import { VEHICLE_TYPES } from '../../shared/vehicle-type.js';
import { formatDateTime } from './format.js';
import { escapeText } from './reply.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * ISO weekdays (1 Monday … 7 Sunday) in words: runs of three or more as a range, all seven as "every day".
 * @example weekdaysWords([1, 2, 3, 4, 5]) // 'Mon–Fri'
 * @example weekdaysWords([6, 7]) // 'Sat, Sun'
 */
export function weekdaysWords(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1)! + 1 === d) run.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => DAY_NAMES[d - 1]!;
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${name(run[0]!)}–${name(run.at(-1)!)}`] : run.map(name)))
    .join(', ');
}

/** An hourly rate: `$10.00/h`. */
export const perHour = (cents: number) => `${formatCents(cents)}/h`;

/**
 * The vehicle types with their own hourly rate, in the order of the vehicle types; empty when none.
 * @example vehicleRatesWords({ Truck: 1500, Motorcycle: 400 }) // 'Motorcycle $4.00/h, Truck $15.00/h' (in VEHICLE_TYPES order)
 */
export function vehicleRatesWords(rates: VehicleRates): string {
  return VEHICLE_TYPES.flatMap((t) => (rates[t] === undefined ? [] : [`${t} ${perHour(rates[t])}`])).join(', ');
}

/** A time band in words: `Night: 22:00–06:00 at $2.00/h (Truck $3.00/h)`. */
export function bandWords(band: TimeBand): string {
  const own = vehicleRatesWords(band.vehicleRates);
  return `${escapeText(band.name)}: hours starting ${band.from}–${band.to} at ${perHour(band.hourlyRate)}${own ? ` (${own})` : ''}`;
}

/** A special in words: `Early bird: in 06:00–09:00, out by 19:00, Mon–Fri: $12.00`. */
export function specialWords(special: Special): string {
  const only = special.vehicleTypes ? ` (${special.vehicleTypes.join(', ')} only)` : '';
  return `${escapeText(special.name)}: in ${special.entryFrom}–${special.entryTo}, out by ${special.exitBy}, ${weekdaysWords(special.weekdays)}: ${formatCents(special.priceCents)}${only}`;
}

/** An event price in words, its window in the garage's timezone, `now` when it is on. */
export function eventWords(event: EventPrice, timeZone: string, now: Date): string {
  const on = Date.parse(event.from) <= now.getTime() ? ' — *now*' : '';
  return `${escapeText(event.name)}: cars in ${formatDateTime(event.from, timeZone)} – ${formatDateTime(event.to, timeZone)} pay ${formatCents(event.priceCents)} for their first 24 h${on}`;
}
