import { z } from 'zod';
import { ChartsReport } from '../../../shared/charts.js';
import { DailyReport } from '../../../shared/reports.js';
import { Ticket } from '../../../shared/tickets.js';
import { call, inGarage } from './api.js';

/** The days a report covers: one day, or a first and a last day (the garage's local dates, YYYY-MM-DD). */
export type ReportPeriod = { date: string } | { from: string; to: string };

/** How many parked cars one look at Parked now lists (the server's most). */
export const PARKED_LIMIT = 100;

/** The query of a period, as the report endpoints read it. */
const periodQuery = (period: ReportPeriod, extra: Record<string, string> = {}) => new URLSearchParams({ ...period, ...extra }).toString();

/**
 * Managers' reports and the cars parked now, every answer checked against the shared schemas. Apart
 * from `api` so that only the screens that use them (loaded on demand) carry the report schemas.
 */
export const reportsApi = {
  /** The figures of a day or a range, in total and day by day. */
  daily: (garageId: number, period: ReportPeriod) => call(DailyReport, inGarage(garageId, `/reports/daily?${periodQuery(period)}`)),
  /** The chart series of a day or a range (occupancy hour by hour up to 31 days; the heatmap of the 8 weeks ending on its last day). */
  charts: (garageId: number, period: ReportPeriod) => call(ChartsReport, inGarage(garageId, `/reports/charts?${periodQuery(period)}`)),
  /** The cars inside now, longest parked first, each with what it would pay now. */
  parkedNow: (garageId: number) => call(z.array(Ticket), inGarage(garageId, `/tickets?status=active&order=oldest&limit=${PARKED_LIMIT}`)),
};

/** The daily report of a period as a CSV download. */
export function dailyReportCsvPath(garageId: number, period: ReportPeriod): string {
  return dailyReportFilePath(garageId, period, 'csv');
}

/** The daily report of a period as a file to download: CSV, or PDF (a page a day; the server takes at most 31 days). */
export function dailyReportFilePath(garageId: number, period: ReportPeriod, format: 'csv' | 'pdf'): string {
  return inGarage(garageId, `/reports/daily?${periodQuery(period, { format })}`);
}
