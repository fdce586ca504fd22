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
  // added with corrections, after the columns spreadsheets already read by position
  'refunds_cents',
  'net_revenue_cents',
  'refund_count',
  'voids',
  'corrections',
  'lost_tickets',
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
    String(f.refunds),
    String(f.netRevenue),
    String(f.refundCount),
    String(f.voids),
    String(f.corrections),
    String(f.lostTickets),
  ];
}

/** A report as CSV for a spreadsheet: one row a day, then a total row for a range. Money in cents. */
export function reportCsv(report: DailyReport): string {
  const rows = [header, ...report.days.map((d) => row(d.from, d))];
  if (report.days.length > 1) rows.push(row(`total ${report.from}..${report.to}`, { ...report, peakHour: report.peakAt }));
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
