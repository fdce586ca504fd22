import type { ReceiptLink, RevokedReceiptLinks } from '../../shared/receipt-links.js';
import { context, section, type Reply } from './reply.js';

/** What a receipt in Slack says about the driver's link: the link, that the server's address is not set, or how to get it after a failure. */
export type DriverLink = { kind: 'link'; url: string } | { kind: 'no_public_url' } | { kind: 'failed'; ticketNumber: string };

/**
 * The address of a receipt link: the link's path after the server's public address (PUBLIC_URL,
 * already without a trailing slash).
 * @example receiptUrl('https://parkops.example.com', link) // 'https://parkops.example.com/r/4mJ0…'
 */
export function receiptUrl(publicUrl: string, link: Pick<ReceiptLink, 'path'>): string {
  return `${publicUrl}${link.path}`;
}

/** Said wherever a link cannot be given because the server does not know its public address. */
export const NO_PUBLIC_URL_LINE = 'Receipt link: set PUBLIC_URL (the address drivers reach ParkOps at) to give drivers a link; the app shows its QR meanwhile.';

/** The line of an exit receipt about the driver's link. */
export function driverLinkLine(link: DriverLink, command = '/park'): string {
  switch (link.kind) {
    case 'link':
      return `:link: Receipt for the driver: <${link.url}>`;
    case 'no_public_url':
      return NO_PUBLIC_URL_LINE;
    case 'failed':
      return `Receipt link: it could not be made just now; \`${command} receipt ${link.ticketNumber}\` gives it.`;
  }
}

/**
 * The answer to `/park receipt PS-…`, only to the asker: the driver's link (or why there is none),
 * and who else sees the receipt through it.
 */
export function buildReceiptLink(ticketNumber: string, link: DriverLink, command = '/park'): Reply {
  if (link.kind !== 'link') return { response_type: 'ephemeral', text: `${ticketNumber}: ${driverLinkLine(link, command)}`, blocks: [section(driverLinkLine(link, command))] };
  return {
    response_type: 'ephemeral',
    text: `Receipt link for ${ticketNumber}: ${link.url}`,
    blocks: [
      section(`:link: Receipt of *${ticketNumber}* for the driver:\n<${link.url}>`),
      context(`Whoever holds this link sees this receipt and nothing else, until a manager revokes it (\`${command} receipt revoke ${ticketNumber}\`).`),
    ],
  };
}

/** The answer to `/park receipt revoke PS-…`, only to the manager who asked. */
export function buildReceiptLinkRevoked(revoked: RevokedReceiptLinks, command = '/park'): Reply {
  const text =
    revoked.revoked > 0
      ? `Revoked the receipt link of ${revoked.ticketNumber}: it no longer shows the receipt.`
      : `${revoked.ticketNumber} had no live receipt link: nothing was revoked.`;
  return {
    response_type: 'ephemeral',
    text,
    blocks: [section(revoked.revoked > 0 ? `:no_entry_sign: ${text}` : text), context(`\`${command} receipt ${revoked.ticketNumber}\` makes a new link for a paid ticket.`)],
  };
}
