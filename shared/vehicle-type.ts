import { z } from 'zod';

export const VEHICLE_TYPES = ['Car', 'Motorcycle', 'SUV', 'Van', 'Truck'] as const;

/** A vehicle type as the API answers it. */
export const VehicleType = z.enum(VEHICLE_TYPES);
export type VehicleType = z.infer<typeof VehicleType>;

/** An instant as ISO-8601 UTC, e.g. `2026-11-23T14:05:00.000Z`. */
export const Instant = z.iso.datetime().meta({ example: '2026-11-23T14:05:00.000Z' });
