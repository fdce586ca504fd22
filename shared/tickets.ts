import { z } from 'zod';
import { caseInsensitiveEnum } from './case-insensitive-enum.js';
import { readPlate, type Plate } from './plate.js';
import { parseTicketNumber } from './ticket-number.js';
import { FeeLine } from './fee-lines.js';
import { RatePlanSnapshot } from './rate-plan.js';
import { AppliedValidation, ValidationCodeText } from './validations.js';
import { Instant, VEHICLE_TYPES, VehicleType } from './vehicle-type.js';

export { Instant, VEHICLE_TYPES, VehicleType } from './vehicle-type.js';
export const PAYMENT_METHODS = ['Cash', 'Credit Card', 'Debit Card', 'Mobile'] as const;

/** A payment method as the API answers it. */
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Why a fee is what it is (see shared/fee.ts). */
export const FeeBreakdown = z
  .object({
    durationMinutes: z.number().int(),
    billableHours: z.number().int(),
    hourlyRate: z.number().int(),
    graceMinutes: z.number().int(),
    graceApplied: z.boolean(),
    dailyMaxCents: z.number().int().nullable(),
    fullDays: z.number().int(),
    dailyCapsApplied: z.number().int(),
    totalCents: z.number().int(),
    lostTicket: z
      .object({
        policy: z.enum(['actual_plus_fee', 'daily_max_per_day', 'flat']),
        stayCents: z.number().int().meta({ description: 'What the stay itself cost by the tariff' }),
        feeCents: z.number().int().meta({ description: 'What the lost ticket added (or, for flat and per-day prices, the price that replaced the stay)' }),
        waived: z.boolean().meta({ description: 'The lost-ticket fee was waived (approved): only the stay was charged' }),
      })
      .optional()
      .meta({ description: 'Lost tickets: how the garage’s policy priced it' }),
    lines: z.array(FeeLine).optional().meta({ description: 'The fee line by line; the lines add up to totalCents (absent on fees stored before rate plans)' }),
    applied: z
      .object({ kind: z.enum(['regular', 'grace', 'special', 'event', 'permit', 'reservation']), name: z.string().nullable() })
      .optional()
      .meta({ description: 'What priced the stay: the regular rates, the grace period, or a special or event by name' }),
    planVersion: z.number().int().optional().meta({ description: 'The rate plan version that priced it' }),
    validation: AppliedValidation.optional().meta({ description: 'A validation applied at exit and what it took off' }),
  })
  .meta({ description: 'How the fee was worked out; money in cents' });
export type FeeBreakdown = z.infer<typeof FeeBreakdown>;

/** The tariff copied onto a ticket at entry (see shared/fee.ts): what its stay is priced with, offline too. */
export const TicketTariff = z
  .object({
    hourlyRate: z.number().int().min(0),
    graceMinutes: z.number().int().min(0),
    dailyMaxCents: z.number().int().min(0).nullable(),
    plan: RatePlanSnapshot.optional().meta({ description: 'Tickets issued under a rate plan: the plan as it applies to this entry (its bands, and the specials and events its entry may qualify for)' }),
  })
  .meta({ description: 'The tariff in force when the car came in; a later change of the garage settings or rate plan never reprices it' });
export type TicketTariff = z.infer<typeof TicketTariff>;

/** A parking ticket. Money in integer cents. */
export const Ticket = z
  .object({
    id: z.number().int(),
    ticketNumber: z.string().meta({ example: 'PS-7K3QXM' }),
    licensePlate: z.string().meta({ example: 'ABC 123' }),
    vehicleType: VehicleType,
    entryTime: Instant,
    exitTime: Instant.nullable(),
    durationMinutes: z.number().int().nullable(),
    amountPaid: z.number().int().nullable(),
    status: z.enum(['active', 'completed', 'voided']).meta({ description: 'voided: entered by mistake and cancelled; never charged, not inside' }),
    paymentMethod: PaymentMethod.nullable(),
    hourlyRate: z.number().int(),
    tariff: TicketTariff,
    amountDue: z.number().int().optional().meta({ description: 'Active tickets: the fee if the car left now' }),
    feeBreakdown: FeeBreakdown.optional().meta({ description: 'Completed tickets: how the fee was worked out; active tickets: the quote if the car left now' }),
    refundedCents: z.number().int().default(0).meta({ description: 'Money given back on this ticket so far (never more than amountPaid)' }),
    lostTicket: z.boolean().default(false).meta({ description: 'Checked out without its ticket, priced by the garage’s lost-ticket policy' }),
    voided: z
      .object({ at: Instant, by: z.string(), reason: z.string(), note: z.string().nullable() })
      .nullable()
      .default(null)
      .meta({ description: 'Voided tickets: when, by whom and why' }),
    kind: z.enum(['transient', 'permit', 'reservation']).default('transient').meta({ description: "permit: a monthly parker's plate; reservation: a booked car" }),
    permit: z
      .object({ id: z.number().int(), holder: z.string(), validTo: Instant })
      .nullable()
      .default(null)
      .meta({ description: 'Permit tickets: whose permit, and until when it covers the stay (free until then)' }),
    reservation: z
      .object({ id: z.number().int(), startsAt: Instant, endsAt: Instant, prepaidCents: z.number().int() })
      .nullable()
      .default(null)
      .meta({ description: 'Reserved cars: the window booked and what was paid in advance (collect only the balance)' }),
  })
  .meta({ description: 'A parking ticket' });
export type Ticket = z.infer<typeof Ticket>;

/** A licence plate as typed; it must normalize to 2..10 of A-Z 0-9. Gives its shown and matched forms. */
export const PlateInput = z
  .string()
  .max(32, 'A licence plate is at most 10 letters and digits')
  .transform((input, ctx) => {
    const plate = readPlate(input);
    if (plate === null) {
      ctx.addIssue({ code: 'custom', message: 'A licence plate is 2 to 10 letters and digits (spaces and dashes are ignored)' });
      return z.NEVER;
    }
    return plate;
  })
  .meta({ example: 'ABC 123' });

/** A ticket number as a person may type it; normalized to `PS-XXXXXX`. */
export const TicketNumberInput = z
  .string()
  .max(32)
  .transform((input, ctx) => {
    const parsed = parseTicketNumber(input);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `"${input}" is not a ticket number; they look like PS-7K3QXM` });
      return z.NEVER;
    }
    return parsed;
  })
  .meta({ example: 'PS-7K3QXM' });

/**
 * Which car a person means, as typed into Slack or a search box: a typed `PS-…` is a ticket
 * number; anything else is read as a plate first (its active ticket) and, when it could also be one,
 * as a ticket number typed without `PS-`.
 */
export type TicketTarget = { text: string; plate: Plate | null; ticketNumber: string | null };

/** Reads a target; null when the text is neither a plate nor a ticket number. */
export function readTicketTarget(text: string): TicketTarget | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (/^ps-/i.test(trimmed)) {
    const ticketNumber = parseTicketNumber(trimmed);
    return ticketNumber ? { text: trimmed, plate: null, ticketNumber } : null;
  }
  const plate = readPlate(trimmed);
  const ticketNumber = parseTicketNumber(trimmed);
  if (!plate && !ticketNumber) return null;
  return { text: trimmed, plate, ticketNumber };
}

/** POST /api/tickets */
export const CreateTicketBody = z.strictObject({
  licensePlate: PlateInput,
  vehicleType: caseInsensitiveEnum(VEHICLE_TYPES, 'vehicle type').default('Car'),
  entryTime: Instant.optional().meta({
    description: 'For entries recorded offline: when the car came in (within the last 24 h, at most 2 min ahead)',
  }),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

/** PUT /api/tickets/:ticketNumber/exit */
export const ExitTicketBody = z.strictObject({
  paymentMethod: caseInsensitiveEnum(PAYMENT_METHODS, 'payment method'),
  exitTime: Instant.optional().meta({
    description:
      'For exits recorded offline: when the car left (within the last 24 h, at most 2 min ahead, and at most 2 min before the server last showed the ticket as parked). Audited as client-dated',
  }),
  lostTicket: z.boolean().optional().meta({
    description: "The driver lost the ticket (the car was found by its plate): priced by the garage's lostTicketPolicy, and the breakdown says so",
  }),
  validationCode: ValidationCodeText.optional().meta({
    description: "A merchant's validation code (the cinema's, the shop's): applied after the tariff, never below 0; a code with no uses left, expired or unknown is refused (409 validation_refused)",
  }),
});
export type ExitTicketBody = z.infer<typeof ExitTicketBody>;

/** GET /api/tickets?plate=&status=&limit= */
export const TicketSearchQuery = z.object({
  plate: PlateInput.optional(),
  status: z.enum(['active', 'completed', 'voided']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  order: z.enum(['newest', 'oldest']).default('newest').meta({ description: 'by entry time; oldest first is "parked now, longest first"' }),
});
export type TicketSearchQuery = z.infer<typeof TicketSearchQuery>;

/**
 * The most cars GET /api/tickets/active-plates lists: the most spaces a garage may have
 * (`totalSpaces` in shared/garages.ts and shared/garage.ts), so the list is every car inside.
 */
export const MAX_ACTIVE_PLATES = 100_000;

/** GET /api/tickets/active-plates: the garage's parked cars by plate, for the phone's plate camera; nothing else of them. */
export const ActivePlates = z
  .object({
    asOf: Instant.meta({ description: 'When the server made the list' }),
    cars: z
      .array(z.object({ ticketNumber: z.string().meta({ example: 'PS-7K3QXM' }), licensePlate: z.string().meta({ example: 'ABC 123' }) }))
      .max(MAX_ACTIVE_PLATES)
      .meta({ description: `Every active ticket of the garage, newest entry first; at most ${MAX_ACTIVE_PLATES} (the most spaces a garage may have)` }),
  })
  .meta({ description: "The garage's active tickets, number and plate only (no times, no amounts)" });
export type ActivePlates = z.infer<typeof ActivePlates>;

/** One entry or exit, for the activity feed. */
export const Activity = z.object({
  type: z.enum(['entry', 'exit']),
  timestamp: Instant,
  ticketNumber: z.string(),
  licensePlate: z.string(),
  vehicleType: VehicleType,
  amountPaid: z.number().int().nullable(),
  paymentMethod: PaymentMethod.nullable(),
});
export type Activity = z.infer<typeof Activity>;

/** GET /api/activities?limit= */
export const ActivitiesQuery = z.object({
  limit: z.coerce.number().int().min(1, 'limit is 1 to 100').max(100, 'limit is 1 to 100').default(10),
});
