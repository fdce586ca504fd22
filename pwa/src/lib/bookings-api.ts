import { z } from 'zod';
import { Permit, PermitImport, type PermitBody, type PermitUpdate } from '../../../shared/permits.js';
import { Reservation, type ReservationBody, type ReservationsQuery } from '../../../shared/reservations.js';
import { call, inGarage } from './api.js';

/**
 * Reservations and permits, every answer checked against the shared schemas. Apart from `api` only so
 * that the screens that use them (loaded on demand) carry these schemas, not the attendant's shell.
 */
export const bookingsApi = {
  /** Reservations whose window overlaps `from`..`to`, soonest first (any staff). */
  reservations: (garageId: number, query: Partial<Record<keyof ReservationsQuery, string>>) =>
    call(z.array(Reservation), inGarage(garageId, `/reservations?${new URLSearchParams(query).toString()}`)),
  /** Books a space for a plate over a window; 409 garage_full (no space can be held) or already_exists (an overlapping one). */
  bookReservation: (garageId: number, body: z.input<typeof ReservationBody>) => call(Reservation, inGarage(garageId, '/reservations'), { method: 'POST', body }),
  /** Cancels a confirmed reservation (its space is free at once); 409 already_resolved. */
  cancelReservation: (garageId: number, id: number) => call(Reservation, inGarage(garageId, `/reservations/${id}/cancel`), { method: 'POST' }),
  /** Managers: the garage's permits with the ticket of their car inside now. */
  permits: (garageId: number) => call(z.array(Permit), inGarage(garageId, '/permits')),
  /** Managers: adds a permit. */
  addPermit: (garageId: number, body: z.input<typeof PermitBody>) => call(Permit, inGarage(garageId, '/permits'), { method: 'POST', body }),
  /** Managers: adds the permits of a CSV, all or none (a 400 names each wrong line in `details`). */
  importPermits: (garageId: number, csv: string) => call(PermitImport, inGarage(garageId, '/permits/import'), { method: 'POST', body: { csv } }),
  /** Managers: renews (validTo), suspends, reactivates or cancels a permit; the permit after. */
  updatePermit: (garageId: number, id: number, body: z.input<typeof PermitUpdate>) => call(Permit, inGarage(garageId, `/permits/${id}`), { method: 'PATCH', body }),
};

/** The garage's permits as a CSV download (the columns an import reads back). */
export function permitsCsvPath(garageId: number): string {
  return inGarage(garageId, '/permits?format=csv');
}
