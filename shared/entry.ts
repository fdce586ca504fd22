/** How far back an offline-recorded entry may be dated. */
export const ENTRY_BACKDATE_LIMIT_MS = 24 * 3600_000;
/** How far ahead of the server's clock a client's clock may run. */
export const ENTRY_CLOCK_SKEW_MS = 2 * 60_000;

/** The outcome of deciding whether a vehicle may enter. */
export type Admission =
  | { ok: true; entryTime: Date }
  | { ok: false; reason: 'garage_full'; occupied: number; totalSpaces: number }
  | { ok: false; reason: 'vehicle_already_parked'; ticketNumber: string }
  | { ok: false; reason: 'entry_time_out_of_range' };

/** What the garage looks like, under its lock, when a vehicle asks to enter. */
export type GarageAtEntry = {
  occupied: number;
  totalSpaces: number;
  /** The active ticket this plate already holds, if any. */
  activeTicketNumber: string | null;
};

/**
 * Decides an entry. Invariants: a plate holds at most one active ticket; occupied < totalSpaces
 * before the car goes in; a client-sent entry time lies within the last 24 hours and at most
 * 2 minutes ahead of `now` (otherwise the server's `now` is the entry time).
 */
export function admitVehicle(garage: GarageAtEntry, now: Date, requestedEntryTime?: Date): Admission {
  const entryTime = requestedEntryTime ?? now;
  if (!isEntryTimeAcceptable(entryTime, now)) return { ok: false, reason: 'entry_time_out_of_range' };
  if (garage.activeTicketNumber !== null) {
    return { ok: false, reason: 'vehicle_already_parked', ticketNumber: garage.activeTicketNumber };
  }
  if (garage.occupied >= garage.totalSpaces) {
    return { ok: false, reason: 'garage_full', occupied: garage.occupied, totalSpaces: garage.totalSpaces };
  }
  return { ok: true, entryTime };
}

/** True when a client-sent entry time is inside the accepted window around `now`. */
export function isEntryTimeAcceptable(entryTime: Date, now: Date): boolean {
  const t = entryTime.getTime();
  return t >= now.getTime() - ENTRY_BACKDATE_LIMIT_MS && t <= now.getTime() + ENTRY_CLOCK_SKEW_MS;
}
