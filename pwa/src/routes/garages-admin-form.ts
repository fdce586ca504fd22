/** The admins' garage form (a new garage, or one garage's name, place, capacity, rate, timezone and Slack channel): read and checked with the shared schema. */
import { CreateGarageBody, type Garage, type GarageUpdate } from '../../../shared/garages.js';
import { centsToInput, parseDollars } from '../lib/money.js';
import { issuesOf, type Issues } from '../lib/refusal-fields.js';

/** The form as typed. */
export type GarageDraft = { name: string; address: string; totalSpaces: string; hourlyRate: string; timezone: string; slackManagersChannel: string };

/** An empty form; the timezone prefilled (the garage on screen's), as most garages of one operator share it. */
export const emptyGarageDraft = (timezone: string): GarageDraft => ({ name: '', address: '', totalSpaces: '', hourlyRate: '', timezone, slackManagersChannel: '' });

/** A garage as the form shows it. */
export const toGarageDraft = (g: Garage): GarageDraft => ({
  name: g.name,
  address: g.address ?? '',
  totalSpaces: String(g.totalSpaces),
  hourlyRate: centsToInput(g.hourlyRate),
  timezone: g.timezone,
  slackManagersChannel: g.slackManagersChannel ?? '',
});

/**
 * Reads the form into a new garage's body, or a sentence for each field to fix: first whether the
 * numbers can be read at all, then the shared CreateGarageBody rules (the server's own words).
 * @example readNewGarage({ name: 'Harbor', address: '', totalSpaces: '80', hourlyRate: '4.50', timezone: 'UTC', slackManagersChannel: '' }) // { body: { name: 'Harbor', totalSpaces: 80, hourlyRate: 450, timezone: 'UTC', address: null, slackManagersChannel: null } }
 */
export function readNewGarage(d: GarageDraft): { body: CreateGarageBody } | { issues: Issues } {
  const found: Issues = {};
  const spaces = d.totalSpaces.trim();
  const rate = parseDollars(d.hourlyRate);
  if (!/^\d{1,7}$/.test(spaces)) found.totalSpaces = 'Enter the number of spaces, e.g. 140';
  if (rate === null) found.hourlyRate = 'Enter the rate in dollars, e.g. 4.50';
  const address = d.address.trim();
  const channel = d.slackManagersChannel.trim();
  const checked = CreateGarageBody.safeParse({
    name: d.name,
    address: address === '' ? null : address,
    totalSpaces: Number(spaces),
    hourlyRate: rate ?? 0,
    timezone: d.timezone.trim(),
    slackManagersChannel: channel === '' ? null : channel,
  });
  if (!checked.success) for (const [path, message] of Object.entries(issuesOf(checked.error))) found[path] ??= message;
  if (Object.keys(found).length > 0 || !checked.success) return { issues: found };
  return { body: checked.data };
}

/** Reads the form into what changed on `before` (nothing: an empty update), or each field to fix. */
export function readGarageChange(d: GarageDraft, before: Garage): { update: GarageUpdate } | { issues: Issues } {
  const read = readNewGarage(d);
  if ('issues' in read) return read;
  const after = read.body;
  const update: GarageUpdate = {};
  if (after.name !== before.name) update.name = after.name;
  if ((after.address ?? null) !== before.address) update.address = after.address ?? null;
  if (after.totalSpaces !== before.totalSpaces) update.totalSpaces = after.totalSpaces;
  if (after.hourlyRate !== before.hourlyRate) update.hourlyRate = after.hourlyRate;
  if (after.timezone !== before.timezone) update.timezone = after.timezone;
  if ((after.slackManagersChannel ?? null) !== before.slackManagersChannel) update.slackManagersChannel = after.slackManagersChannel ?? null;
  return { update };
}
