import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { z } from 'zod';
import { api, ApiFailure, isTransient, type EntryRequest, type ExitRequest } from './api.js';
import { serverNow } from './clock.js';
import { newIdempotencyKey } from './ids.js';
import type { LocalStore, OutboxItem } from './local-store.js';
import { readPersisted, writePersisted } from './persisted.js';

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
 * The offline outbox: entries and exits are written to the phone first, then sent in the order
 * they happened, each with its own Idempotency-Key so a repeat can never count twice.
 * Invariants: an item leaves the outbox only when the server accepted it (kept 24 h to show its
 * number) or a person discarded it; a refusal (4xx) stays with its message until Retry or Discard;
 * no answer, 5xx or 429 leave it pending and try again on a backoff timer.
 */
export function createOutbox(store: LocalStore) {
  const items = signal<OutboxItem[]>([]);
  const lastSyncedAt = signal<string | null>(readPersisted('lastSyncedAt', z.string()) ?? null);
  /** True when the last try could not reach the server. */
  const unreachable = signal(false);
  /** True when the server wanted a sign-in before it would take the outbox. */
  const signInNeeded = signal(false);
  /** A failure of the phone's own storage, shown to the user. */
  const storageError = signal<string | null>(null);
  const pending = computed(() => items.value.filter((i) => i.state === 'pending'));
  const refused = computed(() => items.value.filter((i) => i.state === 'refused'));

  let draining: Promise<void> | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const byTime = (a: OutboxItem, b: OutboxItem) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key);

  async function save(item: OutboxItem) {
    await store.putItem(item);
    items.value = [...items.value.filter((i) => i.key !== item.key), item].sort(byTime);
  }

  function markSynced() {
    lastSyncedAt.value = new Date().toISOString();
    writePersisted('lastSyncedAt', lastSyncedAt.value);
  }

  async function sendOne(item: OutboxItem): Promise<SendOutcome> {
    try {
      const ticket =
        item.kind === 'entry' ? await api.enter(item.body, item.key) : await api.exit(item.ticketNumber, item.body, item.key);
      await save({ ...item, state: 'sent', ticket, error: null, attempts: item.attempts + 1, sentAt: new Date().toISOString() });
      if (ticket.status === 'active') await store.putTicket(ticket);
      else await store.deleteTicket(ticket.ticketNumber);
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

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void drain(), backoffMs(failures));
  }

  async function run(): Promise<void> {
    clearTimeout(timer);
    for (;;) {
      const next = items.value.find((i) => i.state === 'pending');
      if (!next) {
        failures = 0;
        return;
      }
      const outcome = await sendOne(next);
      if (outcome === 'unreachable') {
        unreachable.value = true;
        failures++;
        schedule();
        return;
      }
      unreachable.value = false;
      if (outcome === 'unauthorized') {
        signInNeeded.value = true;
        return;
      }
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

  /** Writes a new item to the phone, then tries to send it; gives the item as it stands after. */
  async function record(item: OutboxItem): Promise<OutboxItem> {
    await save(item);
    await drain();
    // An item added while another drain was finishing may still be pending: one more pass.
    if (items.value.find((i) => i.key === item.key)?.state === 'pending' && !unreachable.value && !signInNeeded.value) await drain();
    return items.value.find((i) => i.key === item.key) ?? item;
  }

  const base = () => ({ key: newIdempotencyKey(), createdAt: serverNow().toISOString(), state: 'pending' as const, attempts: 0, error: null, ticket: null, sentAt: null });

  return {
    items,
    pending,
    refused,
    lastSyncedAt,
    unreachable,
    signInNeeded,
    storageError,
    drain,
    /** Records a car coming in, dated now; the server gets it now or when it can be reached. */
    recordEntry(body: Omit<EntryRequest, 'entryTime'>) {
      const b = base();
      return record({ ...b, kind: 'entry', body: { ...body, entryTime: b.createdAt } });
    },
    /** Records a car leaving with its payment. */
    recordExit(ticketNumber: string, body: ExitRequest, known: { licensePlate: string | null; quotedCents: number | null }) {
      return record({ ...base(), kind: 'exit', ticketNumber, body, ...known });
    },
    /** Reads the outbox from the phone (dropping accepted items older than a day), then drains it. */
    async start() {
      const now = Date.now();
      const all = await store.allItems();
      for (const i of all) if (i.state === 'sent' && now - Date.parse(i.sentAt ?? i.createdAt) > KEEP_SENT_MS) await store.deleteItem(i.key);
      items.value = all.filter((i) => !(i.state === 'sent' && now - Date.parse(i.sentAt ?? i.createdAt) > KEEP_SENT_MS)).sort(byTime);
      await drain();
    },
    /** Puts a refused item back in line and sends it. */
    async retry(key: string) {
      const item = items.value.find((i) => i.key === key);
      if (!item) return;
      await save({ ...item, state: 'pending', error: null });
      await drain();
    },
    /** Removes an item a person decided not to send. */
    async discard(key: string) {
      await store.deleteItem(key);
      items.value = items.value.filter((i) => i.key !== key);
    },
    /** Stops the backoff timer (tests, unmount). */
    stop() {
      clearTimeout(timer);
    },
    store,
  };
}

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
