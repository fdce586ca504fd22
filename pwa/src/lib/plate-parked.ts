import type { PlateMatch, PlateMatchReason } from '../../../shared/plate-match.js';
import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

/** A car this phone knows is parked: its ticket number (or OFF- reference while its entry waits) and plate. */
export type ParkedOnPhone = { ref: string; licensePlate: string; offline: boolean };

/** A parked car as the garage's list gives it (GET …/tickets/active-plates, kept on the phone). */
export type KeptCar = { ticketNumber: string; licensePlate: string };

/**
 * The cars this phone saw leave (or voided) in its outbox: their ticket numbers, and the outbox keys and
 * OFF- references of cars that came in offline. A refused exit leaves the car parked.
 */
function goneOnPhone(items: readonly OutboxItem[]): Set<string> {
  const gone = new Set<string>();
  for (const i of items) {
    if (i.kind === 'void' && i.state === 'sent' && i.outcome?.outcome === 'done') gone.add(i.ticketNumber);
    if (i.kind !== 'exit' || i.state === 'refused') continue;
    gone.add(i.ticketNumber);
    if (i.entryKey) gone.add(i.entryKey);
  }
  return gone;
}

/**
 * The cars this phone let in that it has not seen leave, from its outbox (give it the items of the
 * garage on screen): numbered tickets still active, and entries the server has not numbered yet. A
 * refused exit leaves the car parked; any other exit recorded here takes it out.
 * @example parkedOnPhone(outbox.items.value.filter(outbox.isOf(garageId)))
 */
export function parkedOnPhone(items: readonly OutboxItem[]): ParkedOnPhone[] {
  return letInHere(items, goneOnPhone(items));
}

/** The entries of `items` whose car is still parked, `gone` being what the outbox saw leave. */
function letInHere(items: readonly OutboxItem[], gone: ReadonlySet<string>): ParkedOnPhone[] {
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

/**
 * The parked cars a plate read is matched against: the cars this phone let in (`parkedOnPhone`, with
 * entries not sent yet) and then the garage's list kept on the phone (cars other phones let in),
 * less the cars this phone's outbox saw leave since; each ticket once. Give both of the garage on screen.
 * @example carsToMatch(outbox.items.value.filter(outbox.isOf(1)), knownActivePlates(1)?.cars ?? [])
 */
export function carsToMatch(items: readonly OutboxItem[], kept: readonly KeptCar[]): ParkedOnPhone[] {
  const gone = goneOnPhone(items);
  const cars = letInHere(items, gone);
  const seen = new Set(cars.map((c) => c.ref));
  for (const car of kept) {
    if (gone.has(car.ticketNumber) || seen.has(car.ticketNumber)) continue;
    seen.add(car.ticketNumber);
    cars.push({ ref: car.ticketNumber, licensePlate: car.licensePlate, offline: false });
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
