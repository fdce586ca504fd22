import { DiscardBody } from '../../../shared/discards.js';
import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

/**
 * True for an exit where the driver paid (a lost-ticket fee waiver is one too: the stay is paid): it
 * cannot just be discarded, a manager must account for the money.
 */
export function moneyTaken(item: OutboxItem): item is Extract<OutboxItem, { kind: 'exit' | 'waiver' }> {
  return (item.kind === 'exit' || item.kind === 'waiver') && item.body.paymentMethod != null;
}

/** True for a refused void, correction or refund: nothing changed on the server and no money changed hands, so there is nothing to report. */
export function changedNothing(item: OutboxItem): item is Extract<OutboxItem, { kind: 'void' | 'refund' | 'correction' }> {
  return item.kind === 'void' || item.kind === 'refund' || item.kind === 'correction';
}

/**
 * What the phone tells the server about an outbox item a person gives up on: what it was (kind,
 * ticket or OFF- reference, plate, vehicle, payment and the amount quoted), when it happened, what
 * the server said when it refused it, and the person's reason. Its key is the item's key, so
 * reporting it twice makes one record. A lost-ticket fee waiver is reported as the paid exit it is;
 * a refused void, correction or refund has nothing to report (null): it changed nothing on the
 * server and no money changed hands, and the server's record knows entries and exits only.
 * @example discardReport(refusedEntry, 'Typed twice')?.kind // 'entry'
 */
export function discardReport(item: OutboxItem, reason: string): DiscardBody | null {
  if (changedNothing(item)) return null;
  const refusal = item.error ?? { code: 'entry_refused', message: 'Held back: the entry it belongs to was refused.' };
  const common = {
    key: item.key,
    happenedAt: item.createdAt,
    refusal: { code: refusal.code.slice(0, 64), message: refusal.message.slice(0, 500) },
    reason,
  };
  if (item.kind === 'entry') {
    return DiscardBody.parse({
      ...common,
      kind: 'entry',
      ticketNumber: item.ticket?.ticketNumber ?? provisionalRef(item.key),
      licensePlate: item.body.licensePlate.toUpperCase(),
      vehicleType: item.body.vehicleType,
      paymentMethod: null,
      amountCents: null,
    });
  }
  return DiscardBody.parse({
    ...common,
    kind: 'exit',
    ticketNumber: item.ticketNumber,
    licensePlate: item.licensePlate,
    vehicleType: null,
    paymentMethod: item.body.paymentMethod,
    amountCents: item.quotedCents,
  });
}
