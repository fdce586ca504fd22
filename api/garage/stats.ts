import { localDate, localDayRange } from '../../shared/garage-day.js';
import type { GarageStats } from '../../shared/garage.js';
import { roundedAverage } from '../../shared/reports.js';
import { parseCents } from '../cents.js';
import type { Sql } from '../db/types.js';
import { sumDays } from '../reports/figures.js';
import { countActiveTickets } from '../tickets/queries.js';
import { loadRatePlan } from '../rates/queries.js';
import { countHeldSpaces } from '../reservations/queries.js';
import { loadSettings } from './queries.js';
import { snapshotOf } from '../../shared/rate-plan.js';

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/**
 * The dashboard's figures: occupancy now (active tickets), and today's in the garage's timezone —
 * the sums of today's report (`sumDays`: its hours that are over are stored), so they cost one hour
 * of tickets, not a day's.
 */
export async function garageStats(sql: Sql, garageId: number, now: Date): Promise<GarageStats> {
  const settings = await loadSettings(sql, garageId);
  if (!settings) throw new Error(`garage ${garageId} does not exist`);
  const today = localDate(now, settings.timezone);
  const [[sums], occupied, plan, held] = await Promise.all([
    sumDays(sql, garageId, [localDayRange(today, today, settings.timezone)], now),
    countActiveTickets(sql, garageId),
    loadRatePlan(sql, garageId),
    countHeldSpaces(sql, garageId),
  ]);
  // what a car passing by may take: spaces held for reservations and permit holders are not
  const available = Math.max(0, settings.totalSpaces - occupied - held.reservations - held.permits);
  return {
    totalSpaces: settings.totalSpaces,
    occupiedSpaces: occupied,
    availableSpaces: available,
    occupancyPercentage: percent(occupied, settings.totalSpaces),
    availablePercentage: percent(available, settings.totalSpaces),
    todayRevenue: parseCents(sums!.revenue) - parseCents(sums!.refunds), // net: refunds made today come off
    vehiclesEnteredToday: sums!.vehiclesIn,
    vehiclesProcessedToday: sums!.vehiclesOut,
    averageStayMinutes: roundedAverage(sums!.stayMinutes, sums!.stays),
    hourlyRate: settings.hourlyRate,
    graceMinutes: settings.graceMinutes,
    dailyMaxCents: settings.dailyMaxCents,
    timezone: settings.timezone,
    lostTicketPolicy: settings.lostTicketPolicy,
    lostTicketFeeCents: settings.lostTicketFeeCents,
    heldForReservations: held.reservations,
    heldForPermits: held.permits,
    ...(plan && plan.version > 0 ? { ratePlan: snapshotOf(plan) } : {}),
  };
}
