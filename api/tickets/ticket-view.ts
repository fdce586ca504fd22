import { quoteFee } from '../../shared/fee.js';
import type { Ticket } from '../../shared/tickets.js';
import type { TicketRow } from './queries.js';

/** A stored ticket as the API shows it: active ones with what they would pay now. */
export function toTicket(row: TicketRow, now: Date): Ticket {
  const ticket: Ticket = {
    id: row.id,
    ticketNumber: row.ticketNumber,
    licensePlate: row.licensePlate,
    vehicleType: row.vehicleType,
    entryTime: row.entryTime.toISOString(),
    exitTime: row.exitTime ? row.exitTime.toISOString() : null,
    durationMinutes: row.durationMinutes,
    amountPaid: row.amountPaid,
    status: row.status,
    paymentMethod: row.paymentMethod,
    hourlyRate: row.hourlyRate,
  };
  if (row.status === 'active') {
    const quote = quoteFee(row.entryTime, now, row);
    ticket.amountDue = quote.totalCents;
    ticket.feeBreakdown = quote;
  } else if (row.feeBreakdown) {
    ticket.feeBreakdown = row.feeBreakdown;
  }
  return ticket;
}
