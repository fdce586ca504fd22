import { z } from 'zod';
import { PlateInput } from './tickets.js';
import { Instant } from './vehicle-type.js';

/** What a permit is now: in use, suspended for a while (e.g. unpaid), or cancelled for good. */
export const PERMIT_STATUSES = ['active', 'suspended', 'cancelled'] as const;

const Holder = z.string().trim().min(1, 'Say whose permit it is').max(120);
const Plates = z
  .array(PlateInput)
  .min(1, 'A permit has at least one plate')
  .max(10, 'A permit has at most 10 plates')
  .transform((plates) => [...new Set(plates.map((p) => p.normalized))])
  .meta({ description: 'the plates it covers (any of them may come in, one at a time)', example: ['ABC 123', 'XYZ 789'] });

/** POST /api/garages/:id/permits: a monthly parker (or season pass). */
export const PermitBody = z
  .strictObject({ holder: Holder, plates: Plates, validFrom: Instant, validTo: Instant, note: z.string().trim().max(500).nullable().default(null) })
  .refine((p) => Date.parse(p.validFrom) < Date.parse(p.validTo), { message: 'validTo is after validFrom', path: ['validTo'] })
  .refine((p) => Date.parse(p.validTo) - Date.parse(p.validFrom) <= 5 * 366 * 86_400_000, { message: 'A permit lasts at most 5 years', path: ['validTo'] });
export type PermitBody = z.infer<typeof PermitBody>;

/** PATCH /api/garages/:id/permits/:permitId: renew, suspend, cancel, change plates or holder. */
export const PermitUpdate = z
  .strictObject({
    holder: Holder.optional(),
    plates: Plates.optional(),
    validTo: Instant.optional(),
    status: z.enum(PERMIT_STATUSES).optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Send at least one field to change' });
export type PermitUpdate = z.infer<typeof PermitUpdate>;

/** A permit: whose, which plates, when it is valid, and whether one of its cars is inside now. */
export const Permit = z.object({
  id: z.number().int(),
  holder: z.string(),
  plates: z.array(z.string()),
  validFrom: Instant,
  validTo: Instant,
  status: z.enum(PERMIT_STATUSES),
  note: z.string().nullable(),
  inside: z.string().nullable().meta({ description: 'the ticket number of its car inside now, if any' }),
  createdAt: Instant,
  createdBy: z.string(),
});
export type Permit = z.infer<typeof Permit>;

/** GET /api/garages/:id/permits?status=&plate=&format= */
export const PermitsQuery = z.object({
  status: z.enum(PERMIT_STATUSES).optional(),
  plate: PlateInput.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The answer of an import: how many permits were added (all rows, or none when any row was wrong). */
export const PermitImport = z.object({ imported: z.number().int(), permits: z.array(Permit) });

/** The columns of a permits CSV, in order (export writes them; import reads them by name). */
export const PERMIT_CSV_COLUMNS = ['holder', 'plates', 'valid_from', 'valid_to', 'status', 'note'] as const;
