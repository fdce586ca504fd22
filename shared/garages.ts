import { z } from 'zod';
import { TimeZone } from './garage.js';

/** A garage as an operator sees it: its name, where it is, its capacity and tariff, and whether it is in the public feed. */
export const Garage = z
  .object({
    id: z.number().int(),
    name: z.string(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    publicFeed: z.boolean().meta({ description: 'Published in the public occupancy feed (counts only)' }),
    totalSpaces: z.number().int(),
    hourlyRate: z.number().int().meta({ description: 'cents per hour' }),
    timezone: z.string(),
  })
  .meta({ description: 'A garage' });
export type Garage = z.infer<typeof Garage>;

/** PATCH /api/garages/:id (admins): any of these. */
export const GarageUpdate = z
  .strictObject({
    name: z.string().trim().min(1, 'A garage needs a name').max(80, 'A garage name is at most 80 characters'),
    address: z.string().trim().max(200, 'An address is at most 200 characters').nullable(),
    lat: z.number().min(-90, 'Latitude is between -90 and 90').max(90, 'Latitude is between -90 and 90').nullable(),
    lon: z.number().min(-180, 'Longitude is between -180 and 180').max(180, 'Longitude is between -180 and 180').nullable(),
    publicFeed: z.boolean(),
    totalSpaces: z.number().int().min(1).max(100000),
    hourlyRate: z.number().int().min(0).max(1000000),
    timezone: TimeZone,
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, { message: 'Send at least one field to change' })
  .refine((u) => (u.lat === undefined) === (u.lon === undefined), { message: 'Send lat and lon together' });
export type GarageUpdate = z.infer<typeof GarageUpdate>;

/** One garage in the public occupancy feed (ParkAPI v3 field names): counts only, never a plate, ticket or person. */
export const PublicOccupancy = z
  .object({
    id: z.string().meta({ description: 'The garage id, as a string (ParkAPI)' }),
    name: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    address: z.string().nullable(),
    capacity: z.number().int(),
    realtime_free_capacity: z.number().int().min(0).meta({ description: 'Free spaces now, never below 0' }),
    realtime_opening_status: z.enum(['OPEN', 'CLOSED', 'UNKNOWN']),
    realtime_data_updated_at: z.iso.datetime(),
  })
  .meta({ description: 'Occupancy of a garage, for maps and city feeds' });
export type PublicOccupancy = z.infer<typeof PublicOccupancy>;
