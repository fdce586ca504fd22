import type { DailyReport } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { formatChange, formatDay } from './format.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { context, fields, header, section, type Reply } from './reply.js';

/** One figure with its change against the week before: `$1,234.00 (+12% vs $1,100.00)`. */
function compared(current: number, previous: number, show: (n: number) => string): string {
  return `${show(current)}  _(${formatChange(current, previous)} vs ${show(previous)})_`;
}

/**
 * A day's figures (the same as GET /api/reports/daily?date=…) with the change against the same
 * weekday a week before. Used by the daily summary and by `/park report`.
 */
export function buildDayReport(
  report: DailyReport,
  weekBefore: DailyReport,
  options: { title: string; visibility?: 'in_channel' | 'ephemeral' },
): Reply {
  const day = formatDay(report.from);
  const before = formatDay(weekBefore.from);
  const stay = (r: DailyReport) => (r.averageStayMinutes === null ? '—' : formatDuration(r.averageStayMinutes));
  const peak = report.peakHour === null ? `${report.peakOccupancy}` : `${report.peakOccupancy} at ${report.peakHour}`;
  const byMethod = PAYMENT_METHODS.map((m) => `${m} ${formatCents(report.revenueByPaymentMethod[m])}`).join(' · ');
  return {
    response_type: options.visibility ?? 'in_channel',
    text: `${options.title} for ${day}: ${formatCents(report.totalRevenue)} revenue, ${report.vehiclesIn} in, ${report.vehiclesOut} out`,
    blocks: [
      header(`${options.title} — ${day}`),
      fields([
        ['Revenue', compared(report.totalRevenue, weekBefore.totalRevenue, formatCents)],
        ['Average stay', `${stay(report)}  _(was ${stay(weekBefore)})_`],
        ['Vehicles in', compared(report.vehiclesIn, weekBefore.vehiclesIn, String)],
        ['Vehicles out', compared(report.vehiclesOut, weekBefore.vehiclesOut, String)],
        ['Peak occupancy', peak],
        ['Still parked', `${report.stillParked} (${report.openOver24h} over 24 h)`],
      ]),
      section(`*By payment method*\n${byMethod}`),
      context(`Changes are against ${before}. Times in ${report.timezone}.`),
    ],
  };
}
