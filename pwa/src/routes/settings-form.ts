/** The settings form: read, checked with the shared schema, and what is wrong said in words. */
import type { z } from 'zod';
import type { LostTicketPolicy } from '../../../shared/corrections.js';
import { FieldIssue } from '../../../shared/errors.js';
import { formatCents } from '../../../shared/format.js';
import { GarageSettings, type SettingsUpdate } from '../../../shared/garage.js';
import type { ApiFailure } from '../lib/api.js';
import { centsToInput, parseDollars } from '../lib/money.js';
import { sameApproval } from './settings-policy.js';

/** The settings form as typed. */
export type Form = {
  hourlyRate: string;
  totalSpaces: string;
  timezone: string;
  graceMinutes: string;
  dailyMax: string;
  lostTicketPolicy: LostTicketPolicy;
  lostTicketFee: string;
  voidLimit: string;
  refundLimit: string;
  waiverLimit: string;
  timeoutMinutes: string;
  reservedPermitSpaces: string;
  reservationGraceMinutes: string;
  reservationMaxLeadHours: string;
};
/** One setting this form edits; the approval policy's parts each have their own field, and are sent together as `approval`. */
export type Field =
  | 'hourlyRate'
  | 'totalSpaces'
  | 'timezone'
  | 'graceMinutes'
  | 'dailyMaxCents'
  | 'lostTicketFeeCents'
  | 'voidLimit'
  | 'refundLimit'
  | 'waiverLimit'
  | 'timeoutMinutes'
  | 'reservedPermitSpaces'
  | 'reservationGraceMinutes'
  | 'reservationMaxLeadHours';
/** A sentence for each setting a person must fix. */
export type Issues = Partial<Record<Field, string>>;

/** The settings as the form shows them (money in dollars). */
export const toForm = (s: GarageSettings): Form => ({
  hourlyRate: centsToInput(s.hourlyRate),
  totalSpaces: String(s.totalSpaces),
  timezone: s.timezone,
  graceMinutes: String(s.graceMinutes),
  dailyMax: s.dailyMaxCents === null ? '' : centsToInput(s.dailyMaxCents),
  lostTicketPolicy: s.lostTicketPolicy,
  lostTicketFee: centsToInput(s.lostTicketFeeCents),
  voidLimit: centsToInput(s.approval.autoApproveUnderCents.void),
  refundLimit: centsToInput(s.approval.autoApproveUnderCents.refund),
  waiverLimit: centsToInput(s.approval.autoApproveUnderCents.lostTicketWaiver),
  timeoutMinutes: String(s.approval.timeoutMinutes),
  reservedPermitSpaces: String(s.reservedPermitSpaces),
  reservationGraceMinutes: String(s.reservationGraceMinutes),
  reservationMaxLeadHours: String(s.reservationMaxLeadHours),
});

// The bounds come from the shared schema, so the phone says exactly what the server checks.
const shape = GarageSettings.shape;
const approvalShape = shape.approval.unwrap().shape;
/** The shared rules of the settings on this form. */
const Edited = GarageSettings.pick({
  hourlyRate: true,
  totalSpaces: true,
  timezone: true,
  graceMinutes: true,
  dailyMaxCents: true,
  lostTicketPolicy: true,
  lostTicketFeeCents: true,
  approval: true,
  reservedPermitSpaces: true,
  reservationGraceMinutes: true,
  reservationMaxLeadHours: true,
});
/** A whole number as a US reader writes it. @example count(100000) // '100,000' */
export const count = (n: number) => n.toLocaleString('en-US');
const minutes = (n: number) => `${count(n)} minutes`;
const limitShape = approvalShape.autoApproveUnderCents.shape.void;
/** Each setting's bounds, from the shared schema. */
export const limits = {
  hourlyRate: { min: shape.hourlyRate.minValue ?? 0, max: shape.hourlyRate.maxValue ?? 0, say: formatCents },
  totalSpaces: { min: shape.totalSpaces.minValue ?? 1, max: shape.totalSpaces.maxValue ?? 1, say: count },
  graceMinutes: { min: shape.graceMinutes.minValue ?? 0, max: shape.graceMinutes.maxValue ?? 0, say: (n: number) => `${n} minutes` },
  dailyMaxCents: { min: shape.dailyMaxCents.unwrap().minValue ?? 0, max: shape.dailyMaxCents.unwrap().maxValue ?? 0, say: formatCents },
  lostTicketFeeCents: { min: shape.lostTicketFeeCents.unwrap().minValue ?? 0, max: shape.lostTicketFeeCents.unwrap().maxValue ?? 0, say: formatCents },
  voidLimit: { min: limitShape.minValue ?? 0, max: limitShape.maxValue ?? 0, say: formatCents },
  refundLimit: { min: limitShape.minValue ?? 0, max: limitShape.maxValue ?? 0, say: formatCents },
  waiverLimit: { min: limitShape.minValue ?? 0, max: limitShape.maxValue ?? 0, say: formatCents },
  timeoutMinutes: { min: approvalShape.timeoutMinutes.minValue ?? 5, max: approvalShape.timeoutMinutes.maxValue ?? 1440, say: minutes },
  reservedPermitSpaces: { min: shape.reservedPermitSpaces.unwrap().minValue ?? 0, max: shape.reservedPermitSpaces.unwrap().maxValue ?? 0, say: count },
  reservationGraceMinutes: { min: shape.reservationGraceMinutes.unwrap().minValue ?? 0, max: shape.reservationGraceMinutes.unwrap().maxValue ?? 0, say: minutes },
  reservationMaxLeadHours: { min: shape.reservationMaxLeadHours.unwrap().minValue ?? 1, max: shape.reservationMaxLeadHours.unwrap().maxValue ?? 1, say: (n: number) => `${count(n)} hours` },
};
/** What each of the garage's booking settings does, in the shared schema's own words (the API document says the same). */
export const descriptions = {
  reservedPermitSpaces: shape.reservedPermitSpaces.unwrap().description ?? '',
  reservationGraceMinutes: shape.reservationGraceMinutes.unwrap().description ?? '',
  reservationMaxLeadHours: shape.reservationMaxLeadHours.unwrap().description ?? '',
};
const names: Record<Exclude<Field, 'timezone'>, string> = {
  hourlyRate: 'The hourly rate',
  totalSpaces: 'Total spaces',
  graceMinutes: 'Grace',
  dailyMaxCents: 'The daily maximum',
  lostTicketFeeCents: 'The lost-ticket fee',
  voidLimit: 'The limit for voids',
  refundLimit: 'The limit for refunds',
  waiverLimit: 'The limit for waivers',
  timeoutMinutes: 'A request',
  reservedPermitSpaces: 'Spaces held for permit holders',
  reservationGraceMinutes: 'The reservation grace',
  reservationMaxLeadHours: 'How far ahead a reservation may start',
};
const attendantLimit = (what: string) => `${what} is $0.00 (never alone) to ${formatCents(limits.voidLimit.max)}`;
const ranges: Record<Field, string> = {
  hourlyRate: `The hourly rate is ${formatCents(limits.hourlyRate.min)} to ${formatCents(limits.hourlyRate.max)}`,
  totalSpaces: `Total spaces is a whole number from ${count(limits.totalSpaces.min)} to ${count(limits.totalSpaces.max)}`,
  timezone: 'Unknown timezone; use an IANA name such as America/New_York',
  graceMinutes: `Grace is ${limits.graceMinutes.min} to ${limits.graceMinutes.max} whole minutes`,
  dailyMaxCents: `The daily maximum is at most ${formatCents(limits.dailyMaxCents.max)}, or empty for none`,
  lostTicketFeeCents: `The lost-ticket fee is ${formatCents(limits.lostTicketFeeCents.min)} to ${formatCents(limits.lostTicketFeeCents.max)}`,
  voidLimit: attendantLimit('The limit for voids'),
  refundLimit: attendantLimit('The limit for refunds'),
  waiverLimit: attendantLimit('The limit for waivers'),
  timeoutMinutes: `A request waits ${limits.timeoutMinutes.min} to ${count(limits.timeoutMinutes.max)} whole minutes (a day)`,
  reservedPermitSpaces: `Spaces held for permit holders is a whole number from ${limits.reservedPermitSpaces.min} to ${count(limits.reservedPermitSpaces.max)}`,
  reservationGraceMinutes: `The reservation grace is ${limits.reservationGraceMinutes.min} to ${count(limits.reservationGraceMinutes.max)} whole minutes (a day)`,
  reservationMaxLeadHours: `How far ahead a reservation may start is ${limits.reservationMaxLeadHours.min} to ${count(limits.reservationMaxLeadHours.max)} whole hours (90 days)`,
};

/**
 * A sentence for what is wrong with one setting: "Grace is at most 120 minutes". From a zod issue of
 * the shared schema when there is one, else the field's rule (a server refusal, whose raw text is
 * never shown).
 */
export function settingSentence(field: Field, issue?: Pick<z.core.$ZodIssue, 'code' | 'message'>): string {
  if (field === 'timezone') return issue?.code === 'custom' ? issue.message : ranges.timezone;
  const { min, max, say } = limits[field];
  const verb = field === 'timeoutMinutes' ? 'waits' : 'is';
  if (issue?.code === 'too_big') return `${names[field]} ${verb} at most ${say(max)}`;
  if (issue?.code === 'too_small') return `${names[field]} ${verb} at least ${say(min)}`;
  return ranges[field];
}

/** The field a path of the settings names: `approval.autoApproveUnderCents.void` is the void limit. */
export function fieldOf(path: readonly PropertyKey[]): Field | null {
  const [first, second, third] = path.map(String);
  if (first === 'approval') {
    if (second === 'timeoutMinutes') return 'timeoutMinutes';
    return third === 'void' ? 'voidLimit' : third === 'refund' ? 'refundLimit' : third === 'lostTicketWaiver' ? 'waiverLimit' : null;
  }
  return first !== undefined && isField(first) ? first : null;
}

const isField = (name: string): name is Field => (order as readonly string[]).includes(name);

/**
 * Reads the form into the settings that changed, or a sentence for each field a person must fix:
 * first whether each can be read at all, then the shared GarageSettings rules. The approval policy
 * is sent whole (the server replaces it) when any part of it changed.
 */
export function readSettingsForm(form: Form, before: GarageSettings): { update: SettingsUpdate } | { issues: Issues } {
  const issues: Issues = {};
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
  const dollars = (field: Field, text: string, problem: string) => {
    const cents = parseDollars(text);
    if (cents === null) issues[field] = problem;
    return cents;
  };
  const hourlyRate = dollars('hourlyRate', form.hourlyRate, 'Enter the rate in dollars, e.g. 10 or 12.50');
  const totalSpaces = whole(form.totalSpaces);
  if (totalSpaces === null) issues.totalSpaces = `Enter a whole number of spaces, ${count(limits.totalSpaces.min)} to ${count(limits.totalSpaces.max)}`;
  const graceMinutes = whole(form.graceMinutes);
  if (graceMinutes === null) issues.graceMinutes = `Enter whole minutes, 0 to ${limits.graceMinutes.max} (0 for none)`;
  const dailyMaxCents = form.dailyMax.trim() === '' ? null : parseDollars(form.dailyMax);
  if (form.dailyMax.trim() !== '' && dailyMaxCents === null) issues.dailyMaxCents = 'Enter dollars, or leave empty for no daily maximum';
  const lostTicketFeeCents = dollars('lostTicketFeeCents', form.lostTicketFee, 'Enter the fee in dollars, e.g. 25');
  const limitProblem = 'Enter dollars, e.g. 5; 0 means never alone';
  const voidLimit = dollars('voidLimit', form.voidLimit, limitProblem);
  const refundLimit = dollars('refundLimit', form.refundLimit, limitProblem);
  const waiverLimit = dollars('waiverLimit', form.waiverLimit, limitProblem);
  const timeoutMinutes = whole(form.timeoutMinutes);
  if (timeoutMinutes === null) issues.timeoutMinutes = `Enter whole minutes, ${limits.timeoutMinutes.min} to ${count(limits.timeoutMinutes.max)}`;
  const wholeOr = (field: Field, text: string) => {
    const n = whole(text);
    if (n === null) issues[field] = ranges[field];
    return n;
  };
  const reservedPermitSpaces = wholeOr('reservedPermitSpaces', form.reservedPermitSpaces);
  const reservationGraceMinutes = wholeOr('reservationGraceMinutes', form.reservationGraceMinutes);
  const reservationMaxLeadHours = wholeOr('reservationMaxLeadHours', form.reservationMaxLeadHours);
  const after = {
    hourlyRate,
    totalSpaces,
    timezone: form.timezone.trim(),
    graceMinutes,
    dailyMaxCents,
    lostTicketPolicy: form.lostTicketPolicy,
    lostTicketFeeCents,
    approval: { autoApproveUnderCents: { void: voidLimit, refund: refundLimit, lostTicketWaiver: waiverLimit }, timeoutMinutes },
    reservedPermitSpaces,
    reservationGraceMinutes,
    reservationMaxLeadHours,
  };
  const checked = Edited.safeParse(after);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOf(issue.path);
      if (field) issues[field] ??= settingSentence(field, issue);
    }
  }
  if (Object.keys(issues).length || !checked.success) return { issues };
  const update: SettingsUpdate = {};
  const { approval, ...rest } = checked.data;
  for (const key of Object.keys(rest) as (keyof typeof rest)[]) {
    if (rest[key] !== before[key]) Object.assign(update, { [key]: rest[key] });
  }
  if (!sameApproval(approval, before.approval)) update.approval = approval;
  return { update };
}

/** The field issues of a refused save, each said in the phone's words. */
export function refusedFields(failure: ApiFailure): Issues {
  const byField: Issues = {};
  for (const d of failure.details) {
    const issue = FieldIssue.safeParse(d);
    if (!issue.success) continue;
    const field = fieldOf(issue.data.path.split('.'));
    if (field) byField[field] = field === 'timezone' ? issue.data.message : settingSentence(field);
  }
  return byField;
}

/** The settings in the order the form shows them. */
export const order: Field[] = [
  'hourlyRate',
  'totalSpaces',
  'timezone',
  'graceMinutes',
  'dailyMaxCents',
  'lostTicketFeeCents',
  'voidLimit',
  'refundLimit',
  'waiverLimit',
  'timeoutMinutes',
  'reservedPermitSpaces',
  'reservationGraceMinutes',
  'reservationMaxLeadHours',
];
