import { localDate, localDayRange } from '../../shared/garage-day.js';
import type { GarageStats } from '../../shared/garage.js';
import type { Db } from '../db/types.js';
import { loadSettings, loadStatsFigures } from './queries.js';

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** The dashboard's figures: occupancy now, and today's in the garage's timezone. */
export async function garageStats(sql: Db, garageId: number, now: Date): Promise<GarageStats> {
  const settings = await loadSettings(sql, garageId);
  if (!settings) throw new Error(`garage ${garageId} does not exist`);
  const today = localDate(now, settings.timezone);
  const { start, end } = localDayRange(today, today, settings.timezone);
  const f = await loadStatsFigures(sql, garageId, start, end);
  const available = Math.max(0, settings.totalSpaces - f.occupied);
  return {
    totalSpaces: settings.totalSpaces,
    occupiedSpaces: f.occupied,
    availableSpaces: available,
    occupancyPercentage: percent(f.occupied, settings.totalSpaces),
    availablePercentage: percent(available, settings.totalSpaces),
    todayRevenue: f.revenueToday,
    vehiclesEnteredToday: f.enteredToday,
    vehiclesProcessedToday: f.exitsToday,
    averageStayMinutes: f.averageStayMinutes,
    hourlyRate: settings.hourlyRate,
    graceMinutes: settings.graceMinutes,
    dailyMaxCents: settings.dailyMaxCents,
    timezone: settings.timezone,
  };
}
