import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { z } from 'zod';
import type { CorrectionOutcome } from '../../../shared/corrections.js';
import type { Ticket } from '../../../shared/tickets.js';
import { api, ApiFailure, isTransient, type EntryRequest, type ExitRequest } from './api.js';
import { serverNow } from './clock.js';
import { discardReport } from './discard-report.js';
import { describeRefusal } from './failure-text.js';
import { newIdempotencyKey, provisionalRef } from './ids.js';
import { isRequest, type LocalStore, type OutboxItem, type RequestItem } from './local-store.js';
import { dependentExits, exitTarget } from './offline-exit.js';
import { readPersisted, writePersisted } from './persisted.js';
import { currentUser } from './session.js';
import { createTicketCache } from './ticket-cache.js';

/** What happened to one item on one try. */
export type SendOutcome = 'sent' | 'refused' | 'unreachable' | 'unauthorized';

/** How long an accepted item is kept, so its card can still show the number the server gave it. */
const KEEP_SENT_MS = 24 * 3600_000;
/** Backoff between drains while the server cannot be reached: 5 s doubling up to 5 min. */
const BACKOFF_MIN_MS = 5000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** The backoff before try number `failures + 1`. @example backoffMs(3) // 20000 */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * The offline outbox: entries, exits and requests about tickets (voids, corrections, refunds,
 * lost-ticket fee waivers) are written to the phone first, then sent in the order they happened,
 * each with its own Idempotency-Key so a repeat can never count twice.
 * Invariants: an item leaves the outbox only when the server accepted it (kept 24 h to show its
 * number or its outcome) or has recorded that a person discarded it (who, what, amount, why: see
 * discard()) — except a refused void, correction or refund, which changed nothing on the server and
 * took no money: the server's record of discards knows entries and exits only, so discarding one
 * removes it from the phone at once (a refused waiver is a paid exit, handed to a manager); a
 * refusal (4xx) stays with its message until Retry or Discard; no answer, 5xx or 429 leave it
 * pending and try again on a backoff timer. An item marked discarded is never sent again.
 * An exit for a car that came in offline is sent only after its entry was accepted, to the number
 * the server gave it (written onto the exit as soon as the entry's answer arrives); if the entry is
 * refused or gone, the exit is refused here too, never sent with its provisional reference.
 * Each item is sent only to the garage it was recorded in (`garageId`), whichever garage is on
 * screen by then; an item written before several garages belongs to the user's default garage
 * (`defaultGarageId`, the signed-in user's), which is written onto it the first time it is known.
 */
export function createOutbox(store: LocalStore, { defaultGarageId = () => currentUser.value?.defaultGarageId ?? null }: { defaultGarageId?: () => number | null } = {}) {
  const tickets = createTicketCache(store, defaultGarageId);
  const items = signal<OutboxItem[]>([]);
  const lastSyncedAt = signal<string | null>(readPersisted('lastSyncedAt', z.string()) ?? null);
  /** True when the last try could not reach the server. */
  const unreachable = signal(false);
  /** True when the server wanted a sign-in before it would take the outbox. */
  const signInNeeded = signal(false);
  /** A failure of the phone's own storage, shown to the user. */
  const storageError = signal<string | null>(null);
  const pending = computed(() => items.value.filter((i) => i.state === 'pending' && !i.discard));
  const refused = computed(() => items.value.filter((i) => i.state === 'refused'));
  /** Refused items a person has to decide on (Retry, or Discard / Hand to a manager). */
  const needsYou = computed(() => refused.value.filter((i) => !i.discard));
  /** Items given up on whose record has not reached the server yet. */
  const discarding = computed(() => items.value.filter((i) => i.discard));

  let draining: Promise<void> | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // in the order they happened; at the same instant an entry before an exit (an exit never comes
  // before its car's entry), then by key — never by chance
  const kindOrder = (i: OutboxItem) => (i.kind === 'entry' ? 0 : 1);
  const byTime = (a: OutboxItem, b: OutboxItem) =>
    a.createdAt.localeCompare(b.createdAt) || kindOrder(a) - kindOrder(b) || a.key.localeCompare(b.key);

  /** The garage an item goes to; null for an item older than several garages while no one is signed in. */
  const garageOf = (item: OutboxItem): number | null => item.garageId ?? defaultGarageId();

  async function save(item: OutboxItem) {
    await store.putItem(item);
    items.value = [...items.value.filter((i) => i.key !== item.key), item].sort(byTime);
  }

  function markSynced() {
    lastSyncedAt.value = new Date().toISOString();
    writePersisted('lastSyncedAt', lastSyncedAt.value);
  }

  /** Writes the number the server gave an entry onto the exits that wait for it. */
  async function numberDependents(entryKey: string, ticketNumber: string) {
    for (const exit of dependentExits(items.value, entryKey)) {
      if (exit.state !== 'sent' && exit.ticketNumber !== ticketNumber) await save({ ...exit, ticketNumber });
    }
  }

  /** Holds back an exit whose entry the server did not take; says why. */
  async function block(item: OutboxItem, reason: 'entry_refused' | 'entry_missing') {
    const ref = item.kind === 'exit' && item.entryKey ? provisionalRef(item.entryKey) : '';
    const message =
      reason === 'entry_refused'
        ? `Not sent: the entry ${ref} it belongs to was refused. Retry that entry first, or discard both.`
        : `Not sent: the entry ${ref} it belongs to was discarded, so there is no ticket to close.`;
    await save({ ...item, state: 'refused', error: { code: reason, message } });
  }

  /** Writes the default garage onto items recorded before several garages, once it is known. */
  async function adoptOlderItems() {
    const home = defaultGarageId();
    if (home === null) return;
    for (const item of items.value) if (item.garageId === undefined) await save({ ...item, garageId: home });
  }

  /** Sends one item to its garage's server: the ticket it gives (none for a request waiting for a manager) and, for a request, the outcome. */
  async function deliver(item: OutboxItem, garageId: number): Promise<{ item: OutboxItem; ticket: Ticket | null; outcome?: CorrectionOutcome }> {
    switch (item.kind) {
      case 'entry':
        return { item, ticket: await api.enter(garageId, item.body, item.key) };
      case 'exit': {
        const target = exitTarget(item, items.value);
        if (!target.ok) throw new Error(`exit ${item.key} was picked while its entry is ${target.reason}`);
        if (target.ticketNumber !== item.ticketNumber) {
          item = { ...item, ticketNumber: target.ticketNumber };
          await save(item);
        }
        return { item, ticket: await api.exit(garageId, target.ticketNumber, item.body, item.key) };
      }
      case 'correction':
        return { item, ticket: await api.correctTicket(garageId, item.ticketNumber, item.body, item.key) };
      case 'void':
        return answered(item, await api.voidTicket(garageId, item.ticketNumber, item.body, item.key));
      case 'refund':
        return answered(item, await api.refund(garageId, item.ticketNumber, item.body, item.key));
      case 'waiver':
        return answered(item, await api.waiveLostTicketFee(garageId, item.ticketNumber, item.body, item.key));
    }
  }

  /** A request's answer: the ticket after it when done; none while it waits for a manager. */
  const answered = (item: OutboxItem, outcome: CorrectionOutcome) => ({ item, ticket: outcome.outcome === 'done' ? outcome.ticket : null, outcome });

  async function sendOne(item: OutboxItem): Promise<SendOutcome> {
    const garageId = garageOf(item);
    if (garageId === null) return 'unauthorized';
    try {
      const sent = await deliver(item, garageId);
      item = sent.item;
      const { ticket } = sent;
      const after = { state: 'sent' as const, ticket, error: null, attempts: item.attempts + 1, sentAt: new Date().toISOString() };
      await save(isRequest(item) ? { ...item, ...after, outcome: sent.outcome ?? null } : { ...item, ...after });
      if (item.kind === 'entry' && ticket) await numberDependents(item.key, ticket.ticketNumber);
      if (ticket) await tickets.remember(garageId, ticket);
      markSynced();
      return 'sent';
    } catch (error) {
      if (isTransient(error)) {
        await save({ ...item, attempts: item.attempts + 1 });
        return 'unreachable';
      }
      if (error instanceof ApiFailure && error.status === 401) return 'unauthorized';
      if (error instanceof ApiFailure) {
        await save({ ...item, state: 'refused', attempts: item.attempts + 1, error: { code: error.code, message: error.message } });
        return 'refused';
      }
      throw error;
    }
  }

  /** Reports what people discarded; each item leaves the phone once the server has its record. */
  async function reportDiscards(): Promise<'unreachable' | 'unauthorized' | null> {
    for (const item of discarding.value) {
      const garageId = garageOf(item);
      if (garageId === null) return 'unauthorized';
      const report = discardReport(item, item.discard!.reason);
      try {
        if (report) await api.reportDiscard(garageId, report);
      } catch (error) {
        if (isTransient(error)) return 'unreachable';
        if (error instanceof ApiFailure && error.status === 401) return 'unauthorized';
        if (!(error instanceof ApiFailure)) throw error;
        await save({ ...item, discard: null, discardProblem: `Not recorded: ${describeRefusal(error)}` });
        continue;
      }
      await store.deleteItem(item.key);
      items.value = items.value.filter((i) => i.key !== item.key);
      unreachable.value = false;
      signInNeeded.value = false;
    }
    return null;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void drain(), backoffMs(failures));
  }

  /** True for an exit whose entry is still waiting to be sent: it goes after that entry. */
  function waitsForEntry(i: OutboxItem): boolean {
    if (i.kind !== 'exit') return false;
    const target = exitTarget(i, items.value);
    return !target.ok && target.reason === 'waiting';
  }

  function cannotGoOn(outcome: 'unreachable' | 'unauthorized') {
    if (outcome === 'unreachable') {
      unreachable.value = true;
      failures++;
      schedule();
    } else {
      unreachable.value = false;
      signInNeeded.value = true;
    }
  }

  async function run(): Promise<void> {
    clearTimeout(timer);
    await adoptOlderItems();
    const stopped = await reportDiscards();
    if (stopped) return cannotGoOn(stopped);
    for (;;) {
      const next = items.value.find((i) => i.state === 'pending' && !i.discard && !waitsForEntry(i));
      if (next?.kind === 'exit') {
        const target = exitTarget(next, items.value);
        if (!target.ok && target.reason !== 'waiting') {
          await block(next, target.reason);
          continue;
        }
      }
      if (!next) {
        failures = 0;
        return;
      }
      const outcome = await sendOne(next);
      if (outcome === 'unreachable' || outcome === 'unauthorized') return cannotGoOn(outcome);
      unreachable.value = false;
      signInNeeded.value = false;
    }
  }

  /** Sends every pending item, oldest first; one drain at a time (a second call joins it). */
  function drain(): Promise<void> {
    draining ??= run()
      .catch((error: unknown) => {
        storageError.value = `Could not save on this phone: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        draining = null;
      });
    return draining;
  }

  /** Drains, and once more when `stillToGo` says the drain that was running began before the change. */
  async function drainFor(stillToGo: () => boolean): Promise<void> {
    await drain();
    if (stillToGo() && !unreachable.value && !signInNeeded.value) await drain();
  }

  /** Writes a new item to the phone, then tries to send it; gives the item as it stands after. */
  async function record(item: OutboxItem): Promise<OutboxItem> {
    await save(item);
    await drainFor(() => items.value.find((i) => i.key === item.key)?.state === 'pending');
    return items.value.find((i) => i.key === item.key) ?? item;
  }

  /** The item and the unsent exits that depend on it (a car that came in offline and left again). */
  const withDependents = (key: string) => [key, ...dependentExits(items.value, key).filter((e) => e.state !== 'sent').map((e) => e.key)];

  async function mark(keys: string[], discard: OutboxItem['discard']) {
    for (const k of keys) {
      const item = items.value.find((i) => i.key === k);
      if (item) await save({ ...item, discard, discardProblem: null });
    }
  }

  // Two things recorded within one millisecond are still in the order they were recorded: each is
  // dated at least a millisecond after the one before (the key alone would order them by chance).
  let lastStamp = 0;
  const stamp = () => {
    lastStamp = Math.max(serverNow().getTime(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  };
  const base = () => ({ key: newIdempotencyKey(), createdAt: stamp(), state: 'pending' as const, attempts: 0, error: null, ticket: null, sentAt: null });

  return {
    items,
    pending,
    refused,
    needsYou,
    discarding,
    lastSyncedAt,
    unreachable,
    signInNeeded,
    storageError,
    drain,
    /** The garage an item is sent to (its own; for an item older than several garages, the default garage). */
    garageOf,
    /** True for an item of garage `garageId` (the chip, the offline cars and OFF- lookups show the garage on screen only). */
    isOf: (garageId: number | null) => (item: OutboxItem) => garageId !== null && garageOf(item) === garageId,
    /** Records a car coming into garage `garageId`, dated now; its server gets it now or when it can be reached. */
    recordEntry(garageId: number, body: Omit<EntryRequest, 'entryTime'>) {
      const b = base();
      return record({ ...b, garageId, kind: 'entry', body: { ...body, entryTime: b.createdAt } });
    },
    /** Records a car leaving garage `garageId` with its payment. */
    recordExit(
      garageId: number,
      ticketNumber: string,
      body: Omit<ExitRequest, 'exitTime'>,
      known: { licensePlate: string | null; quotedCents: number | null; entryKey?: string },
    ) {
      const b = base();
      return record({ ...b, garageId, kind: 'exit', ticketNumber, body: { ...body, exitTime: b.createdAt }, ...known, entryKey: known.entryKey ?? null });
    },
    /**
     * Records a request about a known ticket of garage `garageId` (a void, a correction, a refund, a
     * lost-ticket fee waiver); it is sent in turn, like entries and exits.
     */
    recordRequest(garageId: number, draft: RequestDraft) {
      return record({ ...base(), garageId, ...draft, outcome: null });
    },
    /** Rewrites an item the phone holds (what a later check learned about a request); nothing when it is gone. */
    async amend(key: string, change: (item: RequestItem) => RequestItem) {
      const item = items.value.find((i) => i.key === key);
      if (item && isRequest(item)) await save(change(item));
    },
    /** Reads the outbox from the phone (dropping accepted items older than a day), then drains it. */
    async start() {
      const now = Date.now();
      const all = await store.allItems();
      for (const i of all) lastStamp = Math.max(lastStamp, Date.parse(i.createdAt) || 0);
      // An accepted entry stays while an exit that depends on it has not been sent.
      const expired = (i: OutboxItem) =>
        i.state === 'sent' && now - Date.parse(i.sentAt ?? i.createdAt) > KEEP_SENT_MS && dependentExits(all, i.key).every((e) => e.state === 'sent');
      for (const i of all) if (expired(i)) await store.deleteItem(i.key);
      items.value = all.filter((i) => !expired(i)).sort(byTime);
      for (const i of items.value) if (i.kind === 'entry' && i.ticket) await numberDependents(i.key, i.ticket.ticketNumber);
      await drain();
    },
    /** Puts a refused item back in line (an entry with the exits held back for it) and sends it. */
    async retry(key: string) {
      const item = items.value.find((i) => i.key === key);
      if (!item) return;
      await save({ ...item, state: 'pending', error: null });
      for (const exit of dependentExits(items.value, key)) if (exit.state === 'refused') await save({ ...exit, state: 'pending', error: null });
      await drain();
    },
    /**
     * Gives up on a refused item, and on the unsent exits that depend on it, for `reason`: each is
     * reported to the server as its own record (a paid exit for a manager to resolve) and leaves the
     * phone only once the server has it. Without an answer they stay, marked, and go on a later drain.
     */
    async discard(key: string, reason: string) {
      const keys = withDependents(key);
      await mark(keys, { reason, at: new Date().toISOString() });
      await drainFor(() => items.value.some((i) => keys.includes(i.key) && i.discard));
    },
    /** Takes back a discard the server has not recorded yet: the item needs the person again. */
    async undoDiscard(key: string) {
      await mark(withDependents(key), null);
    },
    /**
     * Removes an item the server refused the moment it was made, while the attendant watched: the
     * screen that made it says why and keeps what was typed, so there is nothing to report.
     */
    async withdraw(key: string) {
      await store.deleteItem(key);
      items.value = items.value.filter((i) => i.key !== key);
    },
    /** Stops the backoff timer (tests, unmount). */
    stop() {
      clearTimeout(timer);
    },
    /** The tickets this phone has seen, kept on the same storage as the outbox. */
    tickets,
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request as a screen makes it: what it asks of which ticket (the outbox adds the key, the time and the state). */
export type RequestDraft = DistributiveOmit<RequestItem, 'key' | 'createdAt' | 'state' | 'attempts' | 'error' | 'ticket' | 'sentAt' | 'garageId' | 'discard' | 'discardProblem' | 'outcome' | 'seen'>;

/** The outbox as the app uses it. */
export type Outbox = ReturnType<typeof createOutbox>;

/** Gives screens the app's outbox. */
export const OutboxContext = createContext<Outbox | null>(null);

/** The app's outbox, from the nearest OutboxContext. */
export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox needs an OutboxContext provider');
  return outbox;
}
