import { z } from 'zod';
import { PlateInput } from './tickets.js';
import { Instant } from './vehicle-type.js';

export const RESERVATION_STATUSES = ['confirmed', 'arrived', 'cancelled', 'no_show'] as const;

/** POST /api/garages/:id/reservations: a space held for a plate over a window. */
export const ReservationBody = z
  .strictObject({
    plate: PlateInput,
    from: Instant,
    to: Instant,
    prepaidCents: z.number().int().min(0).max(100_000_000).default(0).meta({ description: 'paid in advance (the booking site took it); the window is then covered and only an overstay is collected' }),
    holder: z.string().trim().max(120).nullable().default(null),
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'to is after from', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 31 * 86_400_000, { message: 'A reservation lasts at most 31 days', path: ['to'] });
export type ReservationBody = z.infer<typeof ReservationBody>;

/** A reservation and what became of it. */
export const Reservation = z.object({
  id: z.number().int(),
  licensePlate: z.string(),
  holder: z.string().nullable(),
  from: Instant,
  to: Instant,
  prepaidCents: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  ticketNumber: z.string().nullable().meta({ description: 'arrived: the ticket its car came in on' }),
  endedAt: Instant.nullable().meta({ description: 'when it arrived, was cancelled or was released as a no-show' }),
  createdAt: Instant,
  createdBy: z.string(),
});
export type Reservation = z.infer<typeof Reservation>;

/** GET /api/garages/:id/reservations?status=&from=&to=&limit= (windows that overlap from..to). */
export const ReservationsQuery = z.object({
  status: z.enum(RESERVATION_STATUSES).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReservationsQuery = z.infer<typeof ReservationsQuery>;

/** GET /api/reports/bookings: what permits and reservations did in a period. */
export const BookingsReport = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  permitEntries: z.number().int().meta({ description: 'cars that came in on a permit' }),
  permitOverstays: z.number().int().meta({ description: 'permit cars that left after their permit ended (and paid for the time after)' }),
  reservations: z.number().int().meta({ description: 'reservations whose window started in the period (not cancelled)' }),
  reservationEntries: z.number().int().meta({ description: 'booked cars that came in on their reservation' }),
  noShows: z.number().int(),
  cancellations: z.number().int().meta({ description: 'reservations cancelled in the period' }),
  overstays: z.number().int().meta({ description: 'booked cars that left after their window, in the period' }),
  overstayCents: z.number().int().meta({ description: 'what those overstays paid at the exit' }),
  prepaidCents: z.number().int().meta({ description: 'prepaid revenue: what the reservations starting in the period (not cancelled) were paid in advance' }),
});
export type BookingsReport = z.infer<typeof BookingsReport>;
