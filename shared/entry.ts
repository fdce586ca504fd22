/** How far back an offline-recorded entry may be dated. */
export const ENTRY_BACKDATE_LIMIT_MS = 24 * 3600_000;
/** How far ahead of the server's clock a client's clock may run. */
export const ENTRY_CLOCK_SKEW_MS = 2 * 60_000;

/** When a car came in: the server's `now`, or a client's time inside the accepted window. */
export type EntryTimeDecision = { ok: true; entryTime: Date } | { ok: false; reason: 'entry_time_out_of_range' };

/**
 * Decides an entry's time: a client-sent one lies within the last 24 hours and at most 2 minutes
 * ahead of `now`; without one it is `now`.
 */
export function decideEntryTime(now: Date, requestedEntryTime?: Date): EntryTimeDecision {
  const entryTime = requestedEntryTime ?? now;
  return isEntryTimeAcceptable(entryTime, now) ? { ok: true, entryTime } : { ok: false, reason: 'entry_time_out_of_range' };
}

/** What the entry statement found when it tried to put the car on a free space (api/tickets/queries.ts). */
export type EntryFound = {
  /** The active ticket the plate already holds. */
  activeTicketNumber: string | null;
  /** Whether a free open space was claimed. */
  spaceClaimed: boolean;
  /** Whether the ticket was inserted on it. */
  ticketInserted: boolean;
};

/** The outcome of an entry attempt. */
export type Admission =
  | { ok: true }
  | { ok: false; reason: 'vehicle_already_parked'; ticketNumber: string }
  | { ok: false; reason: 'garage_full' }
  | { ok: false; reason: 'number_taken' };

/**
 * Decides an entry from what its statement found. Invariants — the one-active-ticket-per-plate
 * rule comes first (a plate inside is refused whether or not there is room); the capacity rule: a
 * car goes in only on a free open space it claimed (no space: the garage is full); a ticket that was
 * not inserted on a claimed space hit a taken ticket number (draw another), unless its plate came
 * in meanwhile.
 */
export function admitVehicle(found: EntryFound): Admission {
  if (found.activeTicketNumber !== null) return { ok: false, reason: 'vehicle_already_parked', ticketNumber: found.activeTicketNumber };
  if (!found.spaceClaimed) return { ok: false, reason: 'garage_full' };
  if (!found.ticketInserted) return { ok: false, reason: 'number_taken' };
  return { ok: true };
}

/** True when a client-sent entry time is inside the accepted window around `now`. */
export function isEntryTimeAcceptable(entryTime: Date, now: Date): boolean {
  const t = entryTime.getTime();
  return t >= now.getTime() - ENTRY_BACKDATE_LIMIT_MS && t <= now.getTime() + ENTRY_CLOCK_SKEW_MS;
}
