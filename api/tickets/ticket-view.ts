import { quoteTicketFee, type PricedStay } from '../../shared/fee.js';
import { planAtEntry } from '../../shared/pricing.js';
import type { Ticket, TicketTariff } from '../../shared/tickets.js';
import type { TicketRow } from './queries.js';

/**
 * The tariff copied onto a stored ticket at entry: what its stay is priced with — under a rate plan,
 * the plan version in force then, cut to what can apply to that entry (`planAtEntry`).
 */
export function tariffOf(row: TicketRow): TicketTariff {
  const plain = { hourlyRate: row.hourlyRate, graceMinutes: row.graceMinutes, dailyMaxCents: row.dailyMaxCents };
  if (row.ratePlan === null || row.ratePlanVersion === null) return plain;
  return { ...plain, plan: planAtEntry({ ...row.ratePlan, version: row.ratePlanVersion }, row.vehicleType, row.entryTime) };
}

/** A stored ticket as pricing sees it: its entry, vehicle type and tariff snapshot. */
export function stayOf(row: TicketRow): PricedStay {
  return { entryTime: row.entryTime, vehicleType: row.vehicleType, tariff: tariffOf(row), permit: row.permit, reservation: row.reservation };
}

/** A stored ticket as the API shows it: with its tariff snapshot, and active ones with what they would pay now. */
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
    tariff: tariffOf(row),
    refundedCents: row.refundedCents,
    lostTicket: row.lostTicket,
    voided:
      row.status === 'voided' && row.exitTime && row.voidedBy && row.voidReason
        ? { at: row.exitTime.toISOString(), by: row.voidedBy, reason: row.voidReason, note: row.voidNote }
        : null,
    kind: row.kind,
    permit: row.permit,
    reservation: row.reservation,
  };
  if (row.status === 'active') {
    const quote = quoteTicketFee(ticket, now);
    ticket.amountDue = quote.totalCents;
    ticket.feeBreakdown = quote;
  } else if (row.feeBreakdown) {
    ticket.feeBreakdown = row.feeBreakdown;
  }
  return ticket;
}
