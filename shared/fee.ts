import type { FeeBreakdown, LostTicketRule } from './fee-breakdown.js';
import { pricePermitStay, priceReservedStay, priceStay, type PermitTerms, type ReservationTerms } from './pricing.js';
import type { RatePlanSnapshot } from './rate-plan.js';
import type { VehicleType } from './vehicle-type.js';

/**
 * What a stay is priced with; copied onto the ticket at entry so later changes never reprice it:
 * the vehicle type's rate, grace and daily max, and (tickets issued under a rate plan) the plan's
 * snapshot as it applies to that entry.
 */
export type Tariff = { hourlyRate: number; graceMinutes: number; dailyMaxCents: number | null; plan?: RatePlanSnapshot | undefined };

export type { FeeBreakdown, LostTicketRule } from './fee-breakdown.js';

const HOUR = 3600;

/**
 * Prices a stay from `entry` to `exit` with a plain tariff (all money in integer cents): the
 * simplest rate plan (`priceStay` in shared/pricing.ts).
 * Invariants:
 * - billable hours = ceil(seconds / 3600), at least 1; fee = hours x rate;
 * - grace is "turnaround": a stay of at most `graceMinutes` (> 0) is free, a longer one pays from minute 0;
 * - with a daily max, each whole 24-hour block costs min(24 x rate, max), the rest min(hours x rate, max);
 * - `durationMinutes` = floor(seconds / 60); an exit before the entry counts as 0 seconds.
 * @example quoteFee(entry, new Date(+entry + 61 * 60_000), { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }).totalCents // 2000
 */
export function quoteFee(entry: Date, exit: Date, tariff: Tariff): FeeBreakdown {
  return priceStay({ hourlyRate: tariff.hourlyRate, graceMinutes: tariff.graceMinutes, dailyMaxCents: tariff.dailyMaxCents }, 'Car', entry, exit, 'UTC');
}

/**
 * A ticket as far as pricing goes: when it came in, its vehicle type, the tariff copied onto it at
 * entry, and — a permit holder's or a reserved car's — the permit or reservation it came in on.
 */
export type PricedStay = {
  entryTime: Date | string;
  vehicleType?: VehicleType | undefined;
  tariff: Tariff;
  permit?: PermitTerms | null | undefined;
  reservation?: ReservationTerms | null | undefined;
};

/**
 * What a ticket owes if the car leaves at `at`: the one place an active ticket is priced — the
 * server's `amountDue`, the exit's charge, Slack's quote and the phone's offline quote all call it
 * with the ticket's own tariff snapshot, so they cannot disagree.
 * @example quoteTicketFee({ entryTime: '2026-11-23T08:00:00.000Z', tariff }, new Date('2026-11-23T13:10:00.000Z'))
 */
export function quoteTicketFee(ticket: PricedStay, at: Date): FeeBreakdown {
  const { plan } = ticket.tariff;
  const pricing = plan ?? { hourlyRate: ticket.tariff.hourlyRate, graceMinutes: ticket.tariff.graceMinutes, dailyMaxCents: ticket.tariff.dailyMaxCents };
  const vehicleType = plan ? (ticket.vehicleType ?? 'Car') : 'Car'; // a plain tariff's rate is already the vehicle's
  const timeZone = plan?.timezone ?? 'UTC';
  const entry = new Date(ticket.entryTime);
  if (ticket.permit) return pricePermitStay(pricing, vehicleType, entry, at, timeZone, ticket.permit);
  if (ticket.reservation) return priceReservedStay(pricing, vehicleType, entry, at, timeZone, ticket.reservation);
  return priceStay(pricing, vehicleType, entry, at, timeZone);
}


/**
 * Prices a stay whose ticket was lost (the car found by its plate), by the garage's rule; the
 * breakdown's `lostTicket` says how. The lost-ticket extra (`feeCents`, never negative) is on top of
 * the stay's own fee:
 * - `actual_plus_fee`: the stay plus the rule's fee;
 * - `daily_max_per_day`: the daily maximum (24 hours at the rate without one) for each started 24 hours;
 * - `flat`: the rule's fee, never less than the stay itself.
 * `waived` (a manager's approval) charges the stay alone and records the extra that was waived.
 * @example quoteLostTicket(stay, at, { policy: 'actual_plus_fee', feeCents: 2500 }, false).totalCents // stay + 2500
 */
export function quoteLostTicket(ticket: PricedStay, at: Date, rule: LostTicketRule, waived: boolean): FeeBreakdown & { lostTicket: NonNullable<FeeBreakdown['lostTicket']> } {
  const stay = quoteTicketFee(ticket, at);
  const seconds = Math.max(0, Math.floor((at.getTime() - new Date(ticket.entryTime).getTime()) / 1000));
  let price: number;
  switch (rule.policy) {
    case 'actual_plus_fee':
      price = stay.totalCents + rule.feeCents;
      break;
    case 'daily_max_per_day': {
      const days = Math.max(1, Math.ceil(seconds / (24 * HOUR)));
      price = Math.max(stay.totalCents, days * (ticket.tariff.dailyMaxCents ?? 24 * ticket.tariff.hourlyRate));
      break;
    }
    case 'flat':
      price = Math.max(stay.totalCents, rule.feeCents);
      break;
  }
  const feeCents = price - stay.totalCents;
  return {
    ...stay,
    totalCents: waived ? stay.totalCents : price,
    lines: [...(stay.lines ?? []), { kind: 'lost_ticket', waived, cents: waived ? 0 : feeCents }],
    lostTicket: { policy: rule.policy, stayCents: stay.totalCents, feeCents, waived },
  };
}
