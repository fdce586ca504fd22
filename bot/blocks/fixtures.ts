import { quoteTicketFee } from '../../shared/fee.js';
import { DailyReport } from '../../shared/reports.js';
import { Ticket } from '../../shared/tickets.js';

const tariff = { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null };
const entryTime = '2026-11-23T14:05:00.000Z';
/** When the fixtures were "fetched": 2 h 30 min after entry. */
const seenAt = new Date('2026-11-23T16:35:00.000Z');
const quote = quoteTicketFee({ entryTime, tariff }, seenAt);

/** An active ticket as the API shows it at `seenAt` (parsed with the shared schema: a real shape). */
export const activeTicket: Ticket = Ticket.parse({
  id: 7,
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  vehicleType: 'SUV',
  entryTime,
  exitTime: null,
  durationMinutes: null,
  amountPaid: null,
  status: 'active',
  paymentMethod: null,
  hourlyRate: 1000,
  tariff,
  amountDue: quote.totalCents,
  feeBreakdown: quote,
});

const { amountDue: _due, feeBreakdown: _quote, ...withoutDue } = activeTicket;

/** The same ticket completed at `seenAt`: 2 h 30 min, paid by card. */
export const completedTicket: Ticket = Ticket.parse({
  ...withoutDue,
  status: 'completed',
  exitTime: seenAt.toISOString(),
  durationMinutes: quote.durationMinutes,
  amountPaid: quote.totalCents,
  paymentMethod: 'Credit Card',
  feeBreakdown: quote,
});

/** A day's report as GET /api/reports/daily gives it (parsed with its schema); gross and net follow `totalRevenue` and `refunds` unless given. */
export function dayReport(over: Partial<DailyReport> = {}): DailyReport {
  const gross = over.grossRevenue ?? over.totalRevenue ?? 123450;
  const refunds = over.refunds ?? 0;
  const figures = {
    from: '2026-11-23',
    to: '2026-11-23',
    totalRevenue: gross,
    revenueByPaymentMethod: { Cash: 50000, 'Credit Card': 60000, 'Debit Card': 13450, Mobile: 0 },
    grossRevenue: gross,
    refunds,
    refundsByPaymentMethod: { Cash: refunds, 'Credit Card': 0, 'Debit Card': 0, Mobile: 0 },
    netRevenue: gross - refunds,
    refundCount: 0,
    voids: 0,
    corrections: 0,
    lostTickets: 0,
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
  return DailyReport.parse({ ...figures, timezone: 'America/New_York', days: [figures], ...over });
}
