/** The garage profile form: read, checked with the shared schema, and what is wrong said in words. */
import { FieldIssue } from '../../../shared/errors.js';
import { GarageUpdate, type Garage } from '../../../shared/garages.js';
import type { ApiFailure } from '../lib/api.js';

/** The profile form as typed. */
export type GarageForm = { name: string; address: string; lat: string; lon: string; publicFeed: boolean };
/** One field of the profile form. */
export type GarageField = keyof GarageForm;
/** A sentence for each field a person must fix. */
export type GarageIssues = Partial<Record<GarageField, string>>;

/** The fields in the order the form shows them. */
export const garageOrder: GarageField[] = ['name', 'address', 'lat', 'lon', 'publicFeed'];

// The bounds come from the shared schema, so the phone says exactly what the server checks.
const shape = GarageUpdate.shape;
const latitude = shape.lat.unwrap().unwrap();
const longitude = shape.lon.unwrap().unwrap();
/** Each field's bounds, from the shared schema. */
export const garageLimits = {
  name: shape.name.unwrap().maxLength ?? 80,
  address: shape.address.unwrap().unwrap().maxLength ?? 200,
  lat: { min: latitude.minValue ?? -90, max: latitude.maxValue ?? 90 },
  lon: { min: longitude.minValue ?? -180, max: longitude.maxValue ?? 180 },
};

/** What each field is, said when the server refused it (its raw text is never shown). */
const rules: Record<GarageField, string> = {
  name: `A garage name is 1 to ${garageLimits.name} characters`,
  address: `An address is at most ${garageLimits.address} characters`,
  lat: `Latitude is between ${garageLimits.lat.min} and ${garageLimits.lat.max}`,
  lon: `Longitude is between ${garageLimits.lon.min} and ${garageLimits.lon.max}`,
  publicFeed: 'Choose whether to publish the free spaces',
};

/** The garage as the form shows it (no address or location: empty fields). */
export const toGarageForm = (g: Garage): GarageForm => ({
  name: g.name,
  address: g.address ?? '',
  lat: g.lat === null ? '' : String(g.lat),
  lon: g.lon === null ? '' : String(g.lon),
  publicFeed: g.publicFeed,
});

/**
 * A coordinate in decimal degrees as a person types it, or null when it is not one.
 * @example readCoordinate(' -74.006 ') // -74.006
 */
export function readCoordinate(text: string): number | null {
  const t = text.trim().replace(/^\u2212/, '-');
  return /^[-+]?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * "40.7128, -74.006" as a map app copies a place, split into latitude and longitude; null for
 * anything else (a comma then a space, so "52,5" is never read as two numbers).
 * @example splitLatLon('40.7128, -74.006') // { lat: '40.7128', lon: '-74.006' }
 */
export function splitLatLon(text: string): { lat: string; lon: string } | null {
  const found = /^\s*([-+\u2212]?\d{1,3}(?:\.\d+)?)°?\s*,\s+([-+\u2212]?\d{1,3}(?:\.\d+)?)°?\s*$/.exec(text);
  return found ? { lat: found[1]!, lon: found[2]! } : null;
}

/**
 * Reads the form into the fields that changed (latitude and longitude always together, as the
 * server wants them), or a sentence for each field a person must fix: first whether each can be
 * read at all, then the shared GarageUpdate rules.
 */
export function readGarageForm(form: GarageForm, before: Garage): { update: GarageUpdate } | { issues: GarageIssues } {
  const issues: GarageIssues = {};
  const latText = form.lat.trim();
  const lonText = form.lon.trim();
  const lat = latText === '' ? null : readCoordinate(latText);
  const lon = lonText === '' ? null : readCoordinate(lonText);
  if (latText !== '' && lat === null) issues.lat = 'Enter the latitude in degrees, e.g. 40.7128 (south is negative)';
  if (lonText !== '' && lon === null) issues.lon = 'Enter the longitude in degrees, e.g. -74.006 (west is negative)';
  if (latText === '' && lonText !== '') issues.lat = 'Enter the latitude too, or leave both empty for no location';
  if (lonText === '' && latText !== '') issues.lon = 'Enter the longitude too, or leave both empty for no location';
  const address = form.address.trim();
  const checked = GarageUpdate.safeParse({ name: form.name, address: address === '' ? null : address, lat, lon, publicFeed: form.publicFeed });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as GarageField;
      if (!(field in rules)) continue;
      const length = field === 'name' ? form.name.trim().length : address.length;
      issues[field] ??= issue.code === 'too_big' && (field === 'name' || field === 'address') ? `${issue.message}; this one has ${length}` : issue.message;
    }
  }
  if (Object.keys(issues).length || !checked.success) return { issues };
  const after = checked.data;
  const update: GarageUpdate = {};
  if (after.name !== before.name) update.name = after.name;
  if (after.address !== before.address) update.address = after.address ?? null;
  if (after.lat !== before.lat || after.lon !== before.lon) Object.assign(update, { lat: after.lat ?? null, lon: after.lon ?? null });
  if (after.publicFeed !== before.publicFeed) update.publicFeed = after.publicFeed;
  return { update };
}

/** The field issues of a refused save, each said in the phone's words. */
export function refusedGarageFields(failure: ApiFailure): GarageIssues {
  const byField: GarageIssues = {};
  for (const d of failure.details) {
    const issue = FieldIssue.safeParse(d);
    if (issue.success && issue.data.path in rules) byField[issue.data.path as GarageField] = rules[issue.data.path as GarageField];
  }
  return byField;
}

/** The address of a garage in the public occupancy feed, to hand to a city or a map app. */
export const feedUrl = (origin: string, garageId: number) => `${origin}/api/public/occupancy/${garageId}`;

/** A map centered on a location, to check it is the garage (and not latitude and longitude swapped). */
export const mapUrl = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;

/** What a save did, said under the Save button: the feed when the save changed what it shows. */
export function savedSentence(update: GarageUpdate, after: Garage): string {
  if (update.publicFeed === true) return `Saved. The public feed lists ${after.name} from now on (within 15 seconds where it is cached).`;
  if (update.publicFeed === false) return `Saved. ${after.name} is no longer in the public feed (within 15 seconds where it is cached).`;
  if (after.publicFeed) return 'Saved. The public feed shows the change within 15 seconds.';
  return 'Saved.';
}
