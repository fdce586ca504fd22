import type { DailyReport } from '../../shared/reports.js';
import type { Ticket } from '../../shared/tickets.js';

/** An active ticket as the API shows it. */
export const activeTicket: Ticket = {
  id: 7,
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  vehicleType: 'SUV',
  entryTime: '2026-11-23T14:05:00.000Z',
  exitTime: null,
  durationMinutes: null,
  amountPaid: null,
  status: 'active',
  paymentMethod: null,
  hourlyRate: 1000,
  amountDue: 3000,
};

const { amountDue: _due, ...withoutDue } = activeTicket;

/** The same ticket completed: 2 h 30 min, paid by card. */
export const completedTicket: Ticket = {
  ...withoutDue,
  status: 'completed',
  exitTime: '2026-11-23T16:35:00.000Z',
  durationMinutes: 150,
  amountPaid: 3000,
  paymentMethod: 'Credit Card',
  feeBreakdown: {
    durationMinutes: 150,
    billableHours: 3,
    hourlyRate: 1000,
    graceMinutes: 0,
    graceApplied: false,
    dailyMaxCents: null,
    fullDays: 0,
    dailyCapsApplied: 0,
    totalCents: 3000,
  },
};

/** A day's report as GET /api/reports/daily gives it. */
export function dayReport(over: Partial<DailyReport> = {}): DailyReport {
  const figures = {
    from: '2026-11-23',
    to: '2026-11-23',
    totalRevenue: 123450,
    revenueByPaymentMethod: { Cash: 50000, 'Credit Card': 60000, 'Debit Card': 13450, Mobile: 0 },
    vehiclesIn: 120,
    vehiclesOut: 118,
    averageStayMinutes: 125,
    peakOccupancy: 87,
    peakAt: '2026-11-23T19:12:00.000Z',
    peakHour: '14:00',
    stillParked: 22,
    openOver24h: 3,
    ...over,
  };
  return { ...figures, timezone: 'America/New_York', days: [figures], ...over };
}
