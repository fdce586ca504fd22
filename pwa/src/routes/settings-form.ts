/** The settings form: read, checked with the shared schema, and what is wrong said in words. */
import type { z } from 'zod';
import { FieldIssue } from '../../../shared/errors.js';
import { formatCents } from '../../../shared/format.js';
import { GarageSettings, type SettingsUpdate } from '../../../shared/garage.js';
import type { ApiFailure } from '../lib/api.js';
import { centsToInput, parseDollars } from '../lib/money.js';

/** The settings form as typed. */
export type Form = { hourlyRate: string; totalSpaces: string; timezone: string; graceMinutes: string; dailyMax: string };
/** One setting this form edits (a garage has more, e.g. its lost-ticket and approval policy, which it leaves as they are). */
export type Field = 'hourlyRate' | 'totalSpaces' | 'timezone' | 'graceMinutes' | 'dailyMaxCents';
/** A sentence for each setting a person must fix. */
export type Issues = Partial<Record<Field, string>>;

/** The settings as the form shows them (money in dollars). */
export const toForm = (s: GarageSettings): Form => ({
  hourlyRate: centsToInput(s.hourlyRate),
  totalSpaces: String(s.totalSpaces),
  timezone: s.timezone,
  graceMinutes: String(s.graceMinutes),
  dailyMax: s.dailyMaxCents === null ? '' : centsToInput(s.dailyMaxCents),
});

// The bounds come from the shared schema, so the phone says exactly what the server checks.
const shape = GarageSettings.shape;
/** The shared rules of the settings on this form, and only those (no defaults of settings it does not show). */
const Edited = GarageSettings.pick({ hourlyRate: true, totalSpaces: true, timezone: true, graceMinutes: true, dailyMaxCents: true });
/** A whole number as a US reader writes it. @example count(100000) // '100,000' */
export const count = (n: number) => n.toLocaleString('en-US');
/** Each setting's bounds, from the shared schema. */
export const limits = {
  hourlyRate: { min: shape.hourlyRate.minValue ?? 0, max: shape.hourlyRate.maxValue ?? 0, say: formatCents },
  totalSpaces: { min: shape.totalSpaces.minValue ?? 1, max: shape.totalSpaces.maxValue ?? 1, say: count },
  graceMinutes: { min: shape.graceMinutes.minValue ?? 0, max: shape.graceMinutes.maxValue ?? 0, say: (n: number) => `${n} minutes` },
  dailyMaxCents: { min: shape.dailyMaxCents.unwrap().minValue ?? 0, max: shape.dailyMaxCents.unwrap().maxValue ?? 0, say: formatCents },
};
const names: Record<Exclude<Field, 'timezone'>, string> = {
  hourlyRate: 'The hourly rate',
  totalSpaces: 'Total spaces',
  graceMinutes: 'Grace',
  dailyMaxCents: 'The daily maximum',
};
const ranges: Record<Field, string> = {
  hourlyRate: `The hourly rate is ${formatCents(limits.hourlyRate.min)} to ${formatCents(limits.hourlyRate.max)}`,
  totalSpaces: `Total spaces is a whole number from ${count(limits.totalSpaces.min)} to ${count(limits.totalSpaces.max)}`,
  timezone: 'Unknown timezone; use an IANA name such as America/New_York',
  graceMinutes: `Grace is ${limits.graceMinutes.min} to ${limits.graceMinutes.max} whole minutes`,
  dailyMaxCents: `The daily maximum is at most ${formatCents(limits.dailyMaxCents.max)}, or empty for none`,
};

/**
 * A sentence for what is wrong with one setting: "Grace is at most 120 minutes". From a zod issue of
 * the shared schema when there is one, else the field's rule (a server refusal, whose raw text is
 * never shown).
 */
export function settingSentence(field: Field, issue?: Pick<z.core.$ZodIssue, 'code' | 'message'>): string {
  if (field === 'timezone') return issue?.code === 'custom' ? issue.message : ranges.timezone;
  const { min, max, say } = limits[field];
  if (issue?.code === 'too_big') return `${names[field]} is at most ${say(max)}`;
  if (issue?.code === 'too_small') return `${names[field]} is at least ${say(min)}`;
  return ranges[field];
}

/**
 * Reads the form into the settings that changed, or a sentence for each field a person must fix:
 * first whether each can be read at all, then the shared GarageSettings rules.
 */
export function readSettingsForm(form: Form, before: GarageSettings): { update: SettingsUpdate } | { issues: Issues } {
  const issues: Issues = {};
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
  const hourlyRate = parseDollars(form.hourlyRate);
  if (hourlyRate === null) issues.hourlyRate = 'Enter the rate in dollars, e.g. 10 or 12.50';
  const totalSpaces = whole(form.totalSpaces);
  if (totalSpaces === null) issues.totalSpaces = `Enter a whole number of spaces, ${count(limits.totalSpaces.min)} to ${count(limits.totalSpaces.max)}`;
  const graceMinutes = whole(form.graceMinutes);
  if (graceMinutes === null) issues.graceMinutes = `Enter whole minutes, 0 to ${limits.graceMinutes.max} (0 for none)`;
  const dailyMaxCents = form.dailyMax.trim() === '' ? null : parseDollars(form.dailyMax);
  if (form.dailyMax.trim() !== '' && dailyMaxCents === null) issues.dailyMaxCents = 'Enter dollars, or leave empty for no daily maximum';
  const after = { hourlyRate, totalSpaces, timezone: form.timezone.trim(), graceMinutes, dailyMaxCents };
  const checked = Edited.safeParse(after);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as Field;
      issues[field] ??= settingSentence(field, issue);
    }
  }
  if (Object.keys(issues).length || !checked.success) return { issues };
  const update: SettingsUpdate = {};
  for (const key of Object.keys(checked.data) as Field[]) {
    if (checked.data[key] !== before[key]) Object.assign(update, { [key]: checked.data[key] });
  }
  return { update };
}

/** The field issues of a refused save, each said in the phone's words. */
export function refusedFields(failure: ApiFailure): Issues {
  const byField: Issues = {};
  for (const d of failure.details) {
    const issue = FieldIssue.safeParse(d);
    if (!issue.success) continue;
    const field = issue.data.path as Field;
    if (order.includes(field)) byField[field] = field === 'timezone' ? issue.data.message : settingSentence(field);
  }
  return byField;
}

/** The settings in the order the form shows them. */
export const order: Field[] = ['hourlyRate', 'totalSpaces', 'timezone', 'graceMinutes', 'dailyMaxCents'];
