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
    slackManagersChannel: z.string().nullable().meta({
      description: "The Slack channel where this garage's daily summary, approvals and alerts go (unset: SLACK_SUMMARY_CHANNEL)",
    }),
  })
  .meta({ description: 'A garage' });
export type Garage = z.infer<typeof Garage>;

/** A Slack channel id such as C0123ABCD (public C, private G). */
export const SlackChannelId = z.string().trim().regex(/^[CG][A-Z0-9]{2,30}$/, 'A Slack channel id looks like C0123ABCD (in Slack: channel details, at the bottom)');

const garageFields = {
  name: z.string().trim().min(1, 'A garage needs a name').max(80, 'A garage name is at most 80 characters'),
  address: z.string().trim().max(200, 'An address is at most 200 characters').nullable(),
  lat: z.number().min(-90, 'Latitude is between -90 and 90').max(90, 'Latitude is between -90 and 90').nullable(),
  lon: z.number().min(-180, 'Longitude is between -180 and 180').max(180, 'Longitude is between -180 and 180').nullable(),
  publicFeed: z.boolean(),
  totalSpaces: z.number().int().min(1, 'A garage has at least 1 space').max(100000, 'A garage has at most 100000 spaces'),
  hourlyRate: z.number().int().min(0).max(1000000).meta({ description: 'cents per hour' }),
  timezone: TimeZone,
  slackManagersChannel: SlackChannelId.nullable(),
};

/** POST /api/garages (admins): a new garage; spaces, rate and timezone are required, the rest optional. */
export const CreateGarageBody = z
  .strictObject({
    ...garageFields,
    address: garageFields.address.optional(),
    lat: garageFields.lat.optional(),
    lon: garageFields.lon.optional(),
    publicFeed: garageFields.publicFeed.optional(),
    slackManagersChannel: garageFields.slackManagersChannel.optional(),
  })
  .refine((g) => (g.lat == null) === (g.lon == null), { message: 'Send lat and lon together' });
export type CreateGarageBody = z.infer<typeof CreateGarageBody>;

/** PATCH /api/garages/:id (admins): any of these. */
export const GarageUpdate = z
  .strictObject(garageFields)
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
