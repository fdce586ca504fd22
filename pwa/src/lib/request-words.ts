import { REASON_WORDS } from '../../../shared/corrections.js';
import { formatCents } from '../../../shared/format.js';
import type { RequestItem } from './local-store.js';

/** A reason as people say it ("Duplicate ticket"); a reason this app does not know, as sent. */
export function reasonWords(reason: string): string {
  const words: Record<string, string> = REASON_WORDS;
  return Object.hasOwn(words, reason) ? (words[reason] ?? reason) : reason;
}

/**
 * What a request about a ticket asks, in one line (the outbox list, the request card).
 * @example describeRequest(voidItem) // 'Void PS-7K3QXM (ABC 123): Duplicate ticket'
 */
export function describeRequest(item: RequestItem): string {
  const which = `${item.ticketNumber}${item.licensePlate ? ` (${item.licensePlate})` : ''}`;
  switch (item.kind) {
    case 'void':
      return `Void ${which}: ${reasonWords(item.body.reason)}${item.body.note ? ` — “${item.body.note}”` : ''}`;
    case 'refund':
      return `Refund ${formatCents(item.body.amountCents)}${item.body.method ? ` (${item.body.method})` : ''} on ${which}: ${reasonWords(item.body.reason)}${item.body.note ? ` — “${item.body.note}”` : ''}`;
    case 'waiver':
      return `Lost ticket ${which}: fee waived, the stay paid ${item.body.paymentMethod}${item.quotedCents === null ? '' : ` (${formatCents(item.quotedCents)})`}`;
    case 'correction':
      return `Correct ${which}: ${correctionWords(item)}`;
  }
}

/** What a correction changes: "plate ABC 123 → ABC 128, vehicle Car → SUV". */
export function correctionWords(item: Extract<RequestItem, { kind: 'correction' }>): string {
  const parts: string[] = [];
  if (item.body.licensePlate !== undefined) parts.push(`plate ${item.before ? `${item.before.licensePlate} → ` : ''}${item.body.licensePlate.toUpperCase()}`);
  if (item.body.vehicleType !== undefined) parts.push(`vehicle ${item.before ? `${item.before.vehicleType} → ` : ''}${item.body.vehicleType}`);
  return parts.join(', ');
}
