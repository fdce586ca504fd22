import { openDB, type DBSchema } from 'idb';
import type { CorrectionOutcome, GarageException } from '../../../shared/corrections.js';
import type { Ticket, VehicleType } from '../../../shared/tickets.js';
import type { CorrectRequest, EntryRequest, ExitRequest, RefundRequest, VoidRequest, WaiverRequest } from './api.js';

/** Where an outbox item stands: waiting to be sent, refused by the server, or accepted. */
export type OutboxState = 'pending' | 'refused' | 'sent';

type ItemBase = {
  /** Also the `Idempotency-Key` it is sent with. */
  key: string;
  /** When it happened on the phone (by the server's clock as best known). */
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** What the server said when it refused the item. */
  error: { code: string; message: string } | null;
  /** The server's ticket once accepted. */
  ticket: Ticket | null;
  sentAt: string | null;
  /**
   * The garage it was recorded in, and the only one it is ever sent to. Absent on items written
   * before several garages: those belong to the user's default garage (see the outbox).
   */
  garageId?: number;
  /**
   * Set when a person gave the item up (Discard, or Hand to a manager for a paid exit): it stays on
   * the phone, never sent again, until the server has recorded it (see lib/discard-report.ts).
   */
  discard?: { reason: string; at: string } | null;
  /** Why the server would not record that discard (the person can try again). */
  discardProblem?: string | null;
};

/**
 * What a request about a known ticket carries besides its body: the ticket, its plate as the phone
 * knew it, and, once sent, what the server answered (`done` with the ticket after it, or `pending`
 * with the request as the phone last checked it: see lib/requests.ts). `ticket` then holds the
 * newest ticket the phone learned from it.
 */
type RequestFields = {
  ticketNumber: string;
  licensePlate: string | null;
  outcome?: CorrectionOutcome | null;
  /** The attendant has read the decision: the dashboard stops listing it. */
  seen?: boolean;
};

/**
 * An entry, an exit, or a request about a ticket (a void, a correction, a refund, a lost-ticket fee
 * waiver) recorded on the phone, kept until the server has accepted it. The kinds after `exit` came
 * with corrections: items written before them are entries and exits, read as they always were.
 */
export type OutboxItem =
  | (ItemBase & { kind: 'entry'; body: EntryRequest })
  | (ItemBase & {
      kind: 'exit';
      /** The ticket number; for a car whose entry is still on the phone, its OFF- reference until that entry is accepted. */
      ticketNumber: string;
      licensePlate: string | null;
      quotedCents: number | null;
      body: ExitRequest;
      /** The outbox entry this exit depends on (a car that came in offline); absent for a known ticket. */
      entryKey?: string | null;
    })
  | (ItemBase & RequestFields & { kind: 'void'; body: VoidRequest })
  | (ItemBase & RequestFields & { kind: 'refund'; body: RefundRequest })
  | (ItemBase & RequestFields & { kind: 'waiver'; body: WaiverRequest; /** The stay the driver pays (the fee waived), as the phone quoted it. */ quotedCents: number | null })
  | (ItemBase &
      RequestFields & {
        kind: 'correction';
        body: CorrectRequest;
        /** The plate and vehicle type before, as the phone knew them (for the words on screen). */
        before: { licensePlate: string; vehicleType: VehicleType } | null;
      });

/** An outbox item that asks something of a known ticket (void, correction, refund, waiver). */
export type RequestItem = Extract<OutboxItem, { kind: 'void' | 'refund' | 'waiver' | 'correction' }>;
/** The request kinds, in the words of the kinds. */
export const REQUEST_KINDS = ['void', 'refund', 'waiver', 'correction'] as const;
/** True for an item that asks something of a known ticket. */
export const isRequest = (item: OutboxItem): item is RequestItem => (REQUEST_KINDS as readonly string[]).includes(item.kind);
/** The request a sent item waits on (or waited on: decided since), as the phone last knew it; null when it was done at once or is not sent yet. */
export function waitingOn(item: RequestItem): GarageException | null {
  return item.state === 'sent' && item.outcome?.outcome === 'pending' ? item.outcome.exception : null;
}

/**
 * A ticket as it lies on the phone: written as a Ticket with the garage it was seen in, but possibly
 * by an older version of the app (without fields added since, or without its garage), so only its key
 * is certain. Ticket numbers are unique across garages, so the number stays the key. Read it through
 * lib/ticket-cache.ts.
 */
export type StoredTicket = { ticketNumber: string; garageId?: number };

/** The phone's own storage: the outbox, and the tickets it has seen (for lookups while offline). */
export interface LocalStore {
  allItems(): Promise<OutboxItem[]>;
  putItem(item: OutboxItem): Promise<void>;
  deleteItem(key: string): Promise<void>;
  /** What is kept under `ticketNumber`, unchecked (lib/ticket-cache.ts validates it). */
  getTicket(ticketNumber: string): Promise<unknown>;
  putTicket(ticket: Ticket & { garageId: number }): Promise<void>;
  deleteTicket(ticketNumber: string): Promise<void>;
}

interface ParkOpsDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  tickets: { key: string; value: StoredTicket };
}

/**
 * The LocalStore in IndexedDB (database `parkops`), which survives reloads and restarts. Still at
 * version 1 with several garages and with corrections: an item's garage and kind are fields of the
 * value, and the keys (item key, ticket number) are unique across garages, so no store changes shape
 * and nothing written before has to move.
 */
export function indexedDbStore(): LocalStore {
  const db = openDB<ParkOpsDb>('parkops', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' });
      d.createObjectStore('tickets', { keyPath: 'ticketNumber' });
    },
  });
  return {
    allItems: async () => (await db).getAll('outbox'),
    putItem: async (item) => void (await (await db).put('outbox', item)),
    deleteItem: async (key) => (await db).delete('outbox', key),
    getTicket: async (n) => (await db).get('tickets', n),
    putTicket: async (t) => void (await (await db).put('tickets', t)),
    deleteTicket: async (n) => (await db).delete('tickets', n),
  };
}

/** A LocalStore in memory, for tests and for browsers without IndexedDB. */
export function memoryStore(items: OutboxItem[] = [], tickets: StoredTicket[] = []): LocalStore {
  const outbox = new Map(items.map((i) => [i.key, structuredClone(i)]));
  const seen = new Map(tickets.map((t) => [t.ticketNumber, structuredClone(t)]));
  return {
    allItems: async () => [...outbox.values()].map((i) => structuredClone(i)),
    putItem: async (item) => void outbox.set(item.key, structuredClone(item)),
    deleteItem: async (key) => void outbox.delete(key),
    getTicket: async (n) => structuredClone(seen.get(n)),
    putTicket: async (t) => void seen.set(t.ticketNumber, structuredClone(t)),
    deleteTicket: async (n) => void seen.delete(n),
  };
}
