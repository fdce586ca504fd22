import { daysBetween, isLocalDate } from '../../../shared/garage-day.js';
import { MAX_REPORT_DAYS } from '../../../shared/reports.js';
import type { ReportPeriod } from './reports-api.js';

/** What the Reports screen's period picker holds: one day, or a first and a last day. */
export type PeriodForm = { mode: 'day' | 'range'; day: string; from: string; to: string };

/**
 * The period a manager picked, checked on the phone with the server's bounds (a date each, the first
 * not after the last, at most MAX_REPORT_DAYS days), or why it cannot be asked for.
 * @example readPeriod({ mode: 'range', day: '', from: '2026-11-01', to: '2026-11-07' }) // { ok: true, period: { from: '2026-11-01', to: '2026-11-07' } }
 */
export function readPeriod(f: PeriodForm): { ok: true; period: ReportPeriod } | { ok: false; message: string } {
  if (f.mode === 'day') return isLocalDate(f.day) ? { ok: true, period: { date: f.day } } : { ok: false, message: 'Pick a day.' };
  if (!isLocalDate(f.from) || !isLocalDate(f.to)) return { ok: false, message: 'Pick a first and a last day.' };
  const days = daysBetween(f.from, f.to) + 1;
  if (days < 1) return { ok: false, message: 'The first day is after the last day: swap them.' };
  if (days > MAX_REPORT_DAYS) return { ok: false, message: `A report covers at most ${MAX_REPORT_DAYS} days; this range is ${days} days.` };
  return { ok: true, period: { from: f.from, to: f.to } };
}
