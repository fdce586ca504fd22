import { ReceiptLink, RevokedReceiptLinks } from '../../../shared/receipt-links.js';
import { call, inGarage } from './api.js';

const linkPath = (garageId: number, ticketNumber: string) => inGarage(garageId, `/tickets/${encodeURIComponent(ticketNumber)}/receipt-link`);

/** The receipt link of a paid ticket (the server hands out the same one each time until it is revoked). */
export function mintReceiptLink(garageId: number, ticketNumber: string): Promise<ReceiptLink> {
  return call(ReceiptLink, linkPath(garageId, ticketNumber), { method: 'POST' });
}

/** Managers: stops a ticket's receipt link from working. */
export function revokeReceiptLink(garageId: number, ticketNumber: string): Promise<RevokedReceiptLinks> {
  return call(RevokedReceiptLinks, `${linkPath(garageId, ticketNumber)}/revoke`, { method: 'POST' });
}

/** The full address of a receipt link on this server (the QR code and the share sheet need it whole). */
export function receiptUrl(link: Pick<ReceiptLink, 'path'>, origin: string = location.origin): string {
  return new URL(link.path, origin).href;
}
