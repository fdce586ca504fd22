import { z } from 'zod';
import { Instant, PaymentMethod, VehicleType } from './tickets.js';

/**
 * What happens to a discarded outbox item on the server: `recorded` (nothing was paid: the record is
 * the trace), `needs_manager` (an exit whose money was taken: it stays open until a manager resolves
 * it), `resolved` (a manager said what became of the money).
 */
export const DiscardStatus = z.enum(['recorded', 'needs_manager', 'resolved']);
export type DiscardStatus = z.infer<typeof DiscardStatus>;

/** Who did something, as a list shows them. */
const StaffRef = z.object({ id: z.number().int(), username: z.string() });

/** POST /api/discards: what the phone reports when an attendant gives up on an item the server refused. */
export const DiscardBody = z.strictObject({
  key: z.string().min(1).max(255).meta({ description: "The outbox item's key (its Idempotency-Key): the same key twice is the same record" }),
  kind: z.enum(['entry', 'exit']),
  ticketNumber: z.string().max(32).nullable().meta({ description: 'The ticket number, or the OFF- reference of a car that came in offline' }),
  licensePlate: z.string().max(32).nullable(),
  vehicleType: VehicleType.nullable().default(null),
  paymentMethod: PaymentMethod.nullable().meta({ description: 'For an exit: how the driver paid (money was taken)' }),
  amountCents: z.number().int().min(0).max(1_000_000_000).nullable().meta({ description: 'For an exit: the amount the phone quoted and took' }),
  happenedAt: Instant.meta({ description: 'When the entry or exit happened on the phone' }),
  refusal: z.strictObject({ code: z.string().max(64), message: z.string().max(500) }).meta({ description: 'What the server said when it refused the item' }),
  reason: z.string().trim().min(3, 'Say in a few words why it is discarded').max(500, 'The reason is at most 500 characters'),
});
export type DiscardBody = z.infer<typeof DiscardBody>;

/** A discarded outbox item as the server keeps it. */
export const Discard = z
  .object({
    id: z.number().int(),
    key: z.string(),
    kind: z.enum(['entry', 'exit']),
    ticketNumber: z.string().nullable(),
    licensePlate: z.string().nullable(),
    vehicleType: VehicleType.nullable(),
    paymentMethod: PaymentMethod.nullable(),
    amountCents: z.number().int().nullable(),
    happenedAt: Instant,
    refusal: z.object({ code: z.string(), message: z.string() }),
    reason: z.string(),
    discardedBy: StaffRef,
    discardedAt: Instant,
    status: DiscardStatus,
    resolution: z.object({ by: StaffRef, at: Instant, note: z.string() }).nullable(),
  })
  .meta({ description: 'An entry or exit an attendant discarded from the phone after the server refused it' });
export type Discard = z.infer<typeof Discard>;

/** GET /api/discards?status=&before=&limit= */
export const DiscardsQuery = z.object({
  status: DiscardStatus.optional(),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional().meta({ description: 'page: records with an id below this' }),
  limit: z.coerce.number().int().min(1, 'limit is 1 to 100').max(100, 'limit is 1 to 100').default(50),
});

/** A page of discards, newest first. */
export const DiscardPage = z.object({ discards: z.array(Discard), nextBefore: z.number().int().nullable() });
export type DiscardPage = z.infer<typeof DiscardPage>;

/** POST /api/discards/:id/resolve: what became of the money (managers). */
export const ResolveDiscardBody = z.strictObject({
  note: z.string().trim().min(3, 'Say in a few words what became of it').max(500, 'The note is at most 500 characters'),
});
