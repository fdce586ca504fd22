import { z } from 'zod';

/** The shape of a receipt link's token: 16 random bytes and a 12-byte signature, both base64url, joined by a dot. */
export const RECEIPT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/;

/** A receipt link as the API hands it out: the path to show the driver (the app puts its own origin before it). */
export const ReceiptLink = z
  .object({
    ticketNumber: z.string(),
    path: z.string().regex(/^\/r\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}$/).meta({ description: 'The link, relative to this server: /r/<token>', example: '/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ description: "A paid ticket's receipt link: anyone holding it sees that receipt and nothing else, until a manager revokes it" });
export type ReceiptLink = z.infer<typeof ReceiptLink>;

/** The answer to revoking a ticket's receipt link. */
export const RevokedReceiptLinks = z
  .object({ ticketNumber: z.string(), revoked: z.number().int().meta({ description: 'How many live links were revoked (0: there was none)' }) })
  .meta({ description: 'The links of a ticket that stopped working' });
export type RevokedReceiptLinks = z.infer<typeof RevokedReceiptLinks>;
