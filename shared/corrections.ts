import { z } from 'zod';
import { Text } from './strings.js';
import { Instant, PaymentMethod, PlateInput, Ticket, VehicleType } from './tickets.js';

/**
 * Corrections and exceptions: voids, corrections, refunds and lost-ticket fee waivers, and the
 * requests a manager approves. Money in integer cents.
 */

/** Why an active ticket is voided. */
export const VOID_REASONS = ['duplicate', 'wrong_plate', 'test', 'drove_away', 'other'] as const;
export const VoidReason = z.enum(VOID_REASONS);
export type VoidReason = z.infer<typeof VoidReason>;

/** Why money is given back. */
export const REFUND_REASONS = ['wrong_rate', 'overcharged', 'double_charged', 'service_issue', 'goodwill', 'other'] as const;
export const RefundReason = z.enum(REFUND_REASONS);
export type RefundReason = z.infer<typeof RefundReason>;

/** A reason's words, for people (Slack, the app, receipts). */
export const REASON_WORDS: Record<VoidReason | RefundReason | 'lost_ticket', string> = {
  duplicate: 'Duplicate ticket',
  wrong_plate: 'Wrong plate',
  test: 'Test ticket',
  drove_away: 'Drove away without paying',
  other: 'Other',
  wrong_rate: 'Wrong rate',
  overcharged: 'Overcharged',
  double_charged: 'Charged twice',
  service_issue: 'Service issue',
  goodwill: 'Goodwill',
  lost_ticket: 'Lost ticket',
};

const Note = Text(500, 'A note').trim().max(500, 'A note is at most 500 characters');

/** `other` must say why. */
const noteForOther = (b: { reason: string; note?: string | undefined }) => b.reason !== 'other' || (b.note ?? '').length >= 3;
const noteForOtherIssue = { message: 'Say in a few words why (a note of 3 characters or more) when the reason is other', path: ['note'] };

/** POST /api/tickets/:n/void */
export const VoidBody = z.strictObject({ reason: VoidReason, note: Note.optional() }).refine(noteForOther, noteForOtherIssue);
export type VoidBody = z.infer<typeof VoidBody>;

/** PATCH /api/tickets/:n — a plate or a vehicle type typed wrong at the gate (active tickets only). */
export const CorrectBody = z
  .strictObject({ licensePlate: PlateInput.optional(), vehicleType: VehicleType.optional() })
  .refine((b) => b.licensePlate !== undefined || b.vehicleType !== undefined, { message: 'Send licensePlate, vehicleType or both' });
export type CorrectBody = z.infer<typeof CorrectBody>;

/** The largest refund a request may ask for: $10,000,000.00 (a ticket never paid more). */
export const MAX_REFUND_CENTS = 1_000_000_000;

/** POST /api/tickets/:n/refunds */
export const RefundBody = z
  .strictObject({
    amountCents: z.number().int('amountCents is a whole number of cents').min(1, 'A refund is at least 1 cent').max(MAX_REFUND_CENTS, 'A refund is at most 1000000000 cents'),
    reason: RefundReason,
    note: Note.optional(),
    method: PaymentMethod.optional().meta({ description: "How the money goes back; defaults to the ticket's payment method" }),
  })
  .refine(noteForOther, noteForOtherIssue);
export type RefundBody = z.infer<typeof RefundBody>;

/** A refund as recorded. */
export const Refund = z
  .object({
    id: z.number().int(),
    ticketNumber: z.string(),
    amountCents: z.number().int(),
    method: PaymentMethod,
    reason: RefundReason,
    note: z.string().nullable(),
    refundedAt: Instant,
    refundedBy: z.string().meta({ description: 'Who asked for it: user:<id> or slack:<U…>' }),
    approvedBy: z.string().meta({ description: 'Who approved it: the same as refundedBy when they could do it alone (a manager, or under the garage limit), else the deciding manager' }),
  })
  .meta({ description: 'Money given back on a completed ticket' });
export type Refund = z.infer<typeof Refund>;

/** The kinds of request that may need a manager. */
export const ExceptionType = z.enum(['void', 'refund', 'lost_ticket_waiver']);
export type ExceptionType = z.infer<typeof ExceptionType>;
export const ExceptionStatus = z.enum(['pending', 'approved', 'denied', 'expired']);
export type ExceptionStatus = z.infer<typeof ExceptionStatus>;

/** A request waiting for (or decided by) a manager. Nothing happens to the ticket until it is approved. */
export const GarageException = z
  .object({
    id: z.number().int(),
    garageId: z.number().int(),
    type: ExceptionType,
    ticketNumber: z.string(),
    licensePlate: z.string(),
    amountCents: z.number().int().meta({ description: 'What is at stake: the amount due that a void forgives, the refund, or the waived lost-ticket fee' }),
    reason: z.string(),
    note: z.string().nullable(),
    requestedBy: z.string(),
    requestedByName: z.string().meta({ description: 'The requester as people know them: a username, or the Slack user' }),
    requestedAt: Instant,
    expiresAt: Instant,
    status: ExceptionStatus,
    decidedBy: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: Instant.nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'Exception', description: 'A void, refund or lost-ticket fee waiver waiting for a manager, or decided' });
export type GarageException = z.infer<typeof GarageException>;

/** GET /api/exceptions?status=&before=&limit= */
export const ExceptionsQuery = z.object({
  status: ExceptionStatus.optional(),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional().meta({ description: 'page: exceptions with an id below this' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of exceptions, newest first. */
export const ExceptionPage = z.object({ exceptions: z.array(GarageException), nextBefore: z.number().int().nullable() });

/** POST /api/exceptions/:id/deny */
export const DenyBody = z.strictObject({ note: Note.optional() });

/**
 * What a correction did: carried out now (`done`, with the ticket after it, and the refund for a
 * refund), or waiting for a manager (`pending`, with the request).
 */
export const CorrectionOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), ticket: Ticket, refund: Refund.nullable(), approvedBy: z.string() }),
  z.object({ outcome: z.literal('pending'), exception: GarageException }),
]);
export type CorrectionOutcome = z.infer<typeof CorrectionOutcome>;

/** How a lost ticket is priced (a garage setting). */
export const LostTicketPolicy = z.enum(['actual_plus_fee', 'daily_max_per_day', 'flat']);
export type LostTicketPolicy = z.infer<typeof LostTicketPolicy>;

/** Who may carry out a request alone, by the garage's approval policy. */
export type ApprovalDecision = { alone: true; why: 'role' | 'under_limit' } | { alone: false; limitCents: number };

/**
 * Whether a request is carried out at once or waits for a manager: managers and admins are approved
 * by themselves; an attendant (or a Slack user without a staff account) alone only under the
 * garage's limit for that kind of request (0: never alone).
 * @example decideApproval('attendant', 'refund', 500, policy) // { alone: false, limitCents: 0 } with the default policy
 */
export function decideApproval(
  role: 'attendant' | 'manager' | 'admin',
  type: ExceptionType,
  amountCents: number,
  policy: { autoApproveUnderCents: { void: number; refund: number; lostTicketWaiver: number } },
): ApprovalDecision {
  if (role !== 'attendant') return { alone: true, why: 'role' };
  const limitCents = policy.autoApproveUnderCents[type === 'lost_ticket_waiver' ? 'lostTicketWaiver' : type];
  return amountCents < limitCents ? { alone: true, why: 'under_limit' } : { alone: false, limitCents };
}
