import { z } from 'zod';
import { isTimeZone } from './garage-day.js';
import { RatePlanSnapshot } from './rate-plan.js';

/** An IANA timezone name such as `America/New_York`. */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { message: 'Unknown timezone; use an IANA name such as America/New_York' })
  .meta({ example: 'America/New_York' });

const LostTicketPolicy = z
  .enum(['actual_plus_fee', 'daily_max_per_day', 'flat'])
  .meta({ description: 'How a lost ticket is priced: the real stay plus lostTicketFeeCents; the daily maximum (or 24 hours) per started day; or lostTicketFeeCents flat (never less than the stay)' });

const Approval = z
  .strictObject({
    autoApproveUnderCents: z.strictObject({
      void: z.number().int().min(0).max(100000000),
      refund: z.number().int().min(0).max(100000000),
      lostTicketWaiver: z.number().int().min(0).max(100000000),
    }),
    timeoutMinutes: z.number().int().min(5, 'A request waits at least 5 minutes').max(1440, 'A request waits at most 1440 minutes (a day)'),
  })
  .meta({
    description:
      'What an attendant may do alone: a void whose amount due, a refund, or a lost-ticket fee waiver under these many cents (0: never alone); anything else waits for a manager for timeoutMinutes. Managers and admins are approved by themselves. Sent whole in PUT.',
  });

/** The settings a manager can change, as sent (each one checked). */
const settingFields = {
  totalSpaces: z.number().int().min(1).max(100000),
  hourlyRate: z.number().int().min(0).max(1000000).meta({ description: 'cents per hour' }),
  timezone: TimeZone,
  graceMinutes: z.number().int().min(0).max(120),
  dailyMaxCents: z.number().int().min(0).max(100000000).nullable().meta({ description: 'null: no daily cap' }),
  lostTicketPolicy: LostTicketPolicy,
  lostTicketFeeCents: z.number().int().min(0).max(100000000),
  approval: Approval,
  requireShiftForCash: z.boolean().meta({ description: 'Refuse cash from someone with no open shift (they are told to open one)' }),
  cashVarianceAlertCents: z.number().int().min(0).max(100000000).meta({ description: "A shift's cash variance beyond this (either way) is posted to the managers' channel" }),
  reservedPermitSpaces: z.number().int().min(0).max(100000).meta({ description: 'Spaces held back from transient cars for permit holders (less the permit cars inside)' }),
  reservationGraceMinutes: z.number().int().min(0).max(1440).meta({ description: 'A booked car may come in this early, and a reservation is released as a no-show this late' }),
  reservationMaxLeadHours: z.number().int().min(1).max(2160).meta({ description: 'How far ahead a reservation may start (its space is held from the booking on)' }),
  staleTicketHours: z.number().int().min(1).max(720).meta({ description: "Tickets open longer than this are an alert to the managers' channel" }),
  voidAlertPerShift: z.number().int().min(1).max(1000).meta({ description: "More voids and refunds than this in one shift are an alert to the managers' channel" }),
};

/**
 * The settings a manager can change. The lost-ticket and approval settings read as their defaults
 * from an answer without them (an older server, a phone's cache of one).
 */
export const GarageSettings = z.object({
  ...settingFields,
  lostTicketPolicy: LostTicketPolicy.default('actual_plus_fee'),
  lostTicketFeeCents: settingFields.lostTicketFeeCents.default(2500),
  approval: Approval.default({ autoApproveUnderCents: { void: 0, refund: 0, lostTicketWaiver: 0 }, timeoutMinutes: 30 }),
  requireShiftForCash: settingFields.requireShiftForCash.default(false),
  cashVarianceAlertCents: settingFields.cashVarianceAlertCents.default(500),
  reservedPermitSpaces: settingFields.reservedPermitSpaces.default(0),
  reservationGraceMinutes: settingFields.reservationGraceMinutes.default(30),
  reservationMaxLeadHours: settingFields.reservationMaxLeadHours.default(168),
  staleTicketHours: settingFields.staleTicketHours.default(24),
  voidAlertPerShift: settingFields.voidAlertPerShift.default(3),
});
export type GarageSettings = z.infer<typeof GarageSettings>;
/** The approval policy of a garage (see GarageSettings.approval). */
export type ApprovalPolicy = GarageSettings['approval'];

/** PUT /api/garage/settings: any subset of the settings (no defaults: what is not sent does not change). */
export const SettingsUpdate = z
  .strictObject(settingFields)
  .partial()
  .refine((u) => Object.keys(u).length > 0, { message: 'Send at least one setting to change' });
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** GET /api/garage/stats */
export const GarageStats = z.object({
  totalSpaces: z.number().int(),
  occupiedSpaces: z.number().int(),
  availableSpaces: z.number().int().meta({ description: 'free for a car passing by: not taken and not held for a reservation or permit holders' }),
  occupancyPercentage: z.number(),
  availablePercentage: z.number(),
  todayRevenue: z.number().int().meta({ description: 'cents, net: what exits took today in the garage timezone, less the refunds made today' }),
  vehiclesEnteredToday: z.number().int(),
  vehiclesProcessedToday: z.number().int(),
  averageStayMinutes: z.number().int().nullable(),
  hourlyRate: z.number().int(),
  graceMinutes: z.number().int(),
  dailyMaxCents: z.number().int().nullable(),
  timezone: z.string(),
  lostTicketPolicy: LostTicketPolicy.default('actual_plus_fee').meta({ description: 'How a lost ticket is priced (for the phone to quote it offline)' }),
  lostTicketFeeCents: z.number().int().default(2500),
  heldForReservations: z.number().int().default(0).meta({ description: 'Spaces held for reservations whose cars have not come yet (not available to others)' }),
  heldForPermits: z.number().int().default(0).meta({ description: 'Spaces held back for permit holders (not available to others)' }),
  ratePlan: RatePlanSnapshot.optional().meta({ description: 'The rate plan in force (once one is saved): what the phone prices a car that came in offline with' }),
});
export type GarageStats = z.infer<typeof GarageStats>;

/** GET /api/status */
export const Status = z.object({ status: z.enum(['ok', 'unavailable']) });
