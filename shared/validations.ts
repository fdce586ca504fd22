import { z } from 'zod';
import { Instant } from './vehicle-type.js';

/** How a validation lowers a fee: free minutes off the stay, an amount off, a percentage off, or a flat price for the stay. */
export const VALIDATION_KINDS = ['minutes', 'amount', 'percent', 'flat'] as const;
export type ValidationKind = (typeof VALIDATION_KINDS)[number];

/** A code as a person may type it; stored and matched in capitals without spaces. */
export const ValidationCodeText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,32}$/, 'A validation code is 2 to 32 letters, digits or dashes')
  .meta({ example: 'CINEMA5' });

/** POST /api/garages/:id/merchants */
export const MerchantBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the merchant a name').max(80),
  contact: z.string().trim().max(200).nullable().default(null).meta({ description: 'who to send the bill-back to' }),
});
export type MerchantBody = z.infer<typeof MerchantBody>;

/** The largest value of each kind: a week of minutes, $1,000,000, 100 percent. */
const VALUE_MAX: Record<ValidationKind, number> = { minutes: 10_080, amount: 100_000_000, percent: 100, flat: 100_000_000 };

/** POST /api/garages/:id/merchants/:merchantId/codes */
export const ValidationCodeBody = z
  .strictObject({
    code: ValidationCodeText,
    kind: z.enum(VALIDATION_KINDS).meta({ description: 'minutes: that many minutes free; amount: cents off; percent: percent off; flat: the stay costs value cents at most' }),
    value: z.number().int().min(0),
    validFrom: Instant,
    validTo: Instant,
    maxUses: z.number().int().min(1).max(1_000_000).nullable().default(null).meta({ description: 'null: no limit' }),
  })
  .refine((c) => c.value <= VALUE_MAX[c.kind], { message: 'Too large for its kind: minutes up to 10080, percent up to 100, amounts up to 100000000 cents', path: ['value'] })
  .refine((c) => c.kind === 'flat' || c.value > 0, { message: 'A validation takes something off: value above 0', path: ['value'] })
  .refine((c) => Date.parse(c.validFrom) < Date.parse(c.validTo), { message: 'validTo is after validFrom', path: ['validTo'] })
  .refine((c) => Date.parse(c.validTo) - Date.parse(c.validFrom) <= 5 * 366 * 86_400_000, { message: 'A code is valid for at most 5 years', path: ['validTo'] });
export type ValidationCodeBody = z.infer<typeof ValidationCodeBody>;

/** PATCH /api/garages/:id/validation-codes/:code: end it early, or change its number of uses. */
export const ValidationCodeUpdate = z
  .strictObject({
    validTo: Instant.optional(),
    maxUses: z.number().int().min(1).max(1_000_000).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Send validTo or maxUses' });
export type ValidationCodeUpdate = z.infer<typeof ValidationCodeUpdate>;

/** A validation code of a merchant, with how often it was used. */
export const ValidationCode = z.object({
  id: z.number().int(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  code: z.string(),
  kind: z.enum(VALIDATION_KINDS),
  value: z.number().int(),
  validFrom: Instant,
  validTo: Instant,
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  createdAt: Instant,
  createdBy: z.string(),
});
export type ValidationCode = z.infer<typeof ValidationCode>;

/** A merchant (a shop, a cinema) that validates its customers' parking, with its codes. */
export const Merchant = z.object({
  id: z.number().int(),
  name: z.string(),
  contact: z.string().nullable(),
  createdAt: Instant,
  codes: z.array(ValidationCode),
});
export type Merchant = z.infer<typeof Merchant>;

/** What a validation took off a fee (on the fee breakdown). */
export const AppliedValidation = z.object({
  code: z.string(),
  merchant: z.string(),
  kind: z.enum(VALIDATION_KINDS),
  value: z.number().int(),
  discountCents: z.number().int().meta({ description: 'what it took off; the merchant is billed this' }),
});
export type AppliedValidation = z.infer<typeof AppliedValidation>;

/** The bill-back: per merchant and code, the validated exits and what they took off, in a period. */
export const ValidationsReport = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  merchants: z.array(
    z.object({
      merchantId: z.number().int(),
      name: z.string(),
      contact: z.string().nullable(),
      uses: z.number().int(),
      discountCents: z.number().int(),
      codes: z.array(z.object({ code: z.string(), uses: z.number().int(), discountCents: z.number().int() })),
    }),
  ),
  totalUses: z.number().int(),
  totalDiscountCents: z.number().int(),
});
export type ValidationsReport = z.infer<typeof ValidationsReport>;
