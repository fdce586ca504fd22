import { provisionalRef } from './ids.js';
import type { OutboxItem } from './local-store.js';

type EntryItem = Extract<OutboxItem, { kind: 'entry' }>;
type ExitItem = Extract<OutboxItem, { kind: 'exit' }>;

/** Reads a provisional reference as typed (`off-3f9a1c`, `OFF 3F9A1C`); null when it is not one. */
export function parseProvisionalRef(input: string): string | null {
  const m = /^OFF[-\s]?([0-9A-F]{6})$/.exec(input.trim().toUpperCase());
  return m ? `OFF-${m[1]}` : null;
}

/** The exits in the outbox that were recorded for the car of entry `entryKey`. */
export function dependentExits(items: OutboxItem[], entryKey: string): ExitItem[] {
  return items.filter((i): i is ExitItem => i.kind === 'exit' && i.entryKey === entryKey);
}

/** The entries recorded on this phone that the server has not numbered yet and no exit was recorded for. */
export function carsInOffline(items: OutboxItem[]): EntryItem[] {
  return items.filter((i): i is EntryItem => i.kind === 'entry' && i.state === 'pending' && dependentExits(items, i.key).length === 0);
}

/** What the outbox finds for a typed provisional reference. */
export type ProvisionalLookup =
  | { found: 'numbered'; ticketNumber: string }
  | { found: 'offline'; entry: EntryItem }
  | { found: 'refused'; entry: EntryItem }
  | { found: 'already_out'; entry: EntryItem }
  | { found: 'none' };

/** Finds the car behind a provisional reference among this phone's outbox items. */
export function findProvisional(items: OutboxItem[], ref: string): ProvisionalLookup {
  const entry = items.find((i): i is EntryItem => i.kind === 'entry' && provisionalRef(i.key) === ref);
  if (!entry) return { found: 'none' };
  if (dependentExits(items, entry.key).length > 0) return { found: 'already_out', entry };
  if (entry.state === 'sent' && entry.ticket) return { found: 'numbered', ticketNumber: entry.ticket.ticketNumber };
  if (entry.state === 'refused') return { found: 'refused', entry };
  return { found: 'offline', entry };
}

/** Where an exit is to be sent, or why it cannot be sent yet. */
export type ExitTarget =
  | { ok: true; ticketNumber: string }
  | { ok: false; reason: 'waiting' | 'entry_refused' | 'entry_missing' };

/**
 * The ticket number an exit goes to. An exit for a car that came in offline goes to the number the
 * server gave its entry; until then it waits, and it is never sent with its provisional reference.
 */
export function exitTarget(exit: ExitItem, items: OutboxItem[]): ExitTarget {
  if (!exit.entryKey) return { ok: true, ticketNumber: exit.ticketNumber };
  if (!exit.ticketNumber.startsWith('OFF-')) return { ok: true, ticketNumber: exit.ticketNumber };
  const entry = items.find((i) => i.key === exit.entryKey);
  if (entry?.state === 'sent' && entry.ticket) return { ok: true, ticketNumber: entry.ticket.ticketNumber };
  if (entry?.state === 'pending') return { ok: false, reason: 'waiting' };
  return { ok: false, reason: entry ? 'entry_refused' : 'entry_missing' };
}
