import type { PlateMatch, PlateMatchReason } from '../../../shared/plate-match.js';
import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

/** A car this phone knows is parked: its ticket number (or OFF- reference while its entry waits) and plate. */
export type ParkedOnPhone = { ref: string; licensePlate: string; offline: boolean };

/**
 * The cars this phone let in that it has not seen leave, from its outbox (give it the items of the
 * garage on screen): numbered tickets still active, and entries the server has not numbered yet. A
 * refused exit leaves the car parked; any other exit recorded here takes it out.
 * @example parkedOnPhone(outbox.items.value.filter(outbox.isOf(garageId)))
 */
export function parkedOnPhone(items: readonly OutboxItem[]): ParkedOnPhone[] {
  const gone = new Set<string>();
  for (const i of items) {
    if (i.kind !== 'exit' || i.state === 'refused') continue;
    gone.add(i.ticketNumber);
    if (i.entryKey) gone.add(i.entryKey);
  }
  const cars: ParkedOnPhone[] = [];
  for (const i of items) {
    if (i.kind !== 'entry' || gone.has(i.key)) continue;
    if (i.state === 'sent' && i.ticket?.status === 'active' && !gone.has(i.ticket.ticketNumber)) {
      cars.push({ ref: i.ticket.ticketNumber, licensePlate: i.ticket.licensePlate, offline: false });
    } else if (i.state === 'pending') {
      cars.push({ ref: provisionalRef(i.key), licensePlate: i.body.licensePlate.toUpperCase(), offline: true });
    }
  }
  return cars;
}

const REASON_WORDS: Record<PlateMatchReason, string> = {
  exact: 'same plate',
  'look-alike': 'same but for look-alikes (O/0, I/1, Z/2, B/8, S/5)',
  close: 'close',
};

/** Why a car was proposed, in the attendant's words. */
export function proposalWords(match: PlateMatch<ParkedOnPhone>): string {
  if (match.reason !== 'close') return REASON_WORDS[match.reason];
  return match.distance === 1 ? '1 character differs' : `${match.distance} characters differ`;
}
