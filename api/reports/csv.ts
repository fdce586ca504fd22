import type { DailyReport, PeriodFigures } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';

const header = [
  'date',
  'total_revenue_cents',
  ...PAYMENT_METHODS.map((m) => `${m.toLowerCase().replace(' ', '_')}_cents`),
  'vehicles_in',
  'vehicles_out',
  'average_stay_minutes',
  'peak_occupancy',
  'peak_hour',
  'still_parked',
  'open_over_24h',
];

function row(label: string, f: PeriodFigures): string[] {
  return [
    label,
    String(f.totalRevenue),
    ...PAYMENT_METHODS.map((m) => String(f.revenueByPaymentMethod[m])),
    String(f.vehiclesIn),
    String(f.vehiclesOut),
    f.averageStayMinutes === null ? '' : String(f.averageStayMinutes),
    String(f.peakOccupancy),
    f.peakHour ?? '',
    String(f.stillParked),
    String(f.openOver24h),
  ];
}

/** A report as CSV for a spreadsheet: one row a day, then a total row for a range. Money in cents. */
export function reportCsv(report: DailyReport): string {
  const rows = [header, ...report.days.map((d) => row(d.from, d))];
  if (report.days.length > 1) rows.push(row(`total ${report.from}..${report.to}`, { ...report, peakHour: report.peakAt }));
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
