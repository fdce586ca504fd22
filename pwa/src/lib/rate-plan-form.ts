/** The Rates form: a rate plan as typed (dollars, local times), read into the plan the API takes, and what is wrong in words. */
import { FieldIssue } from '../../../shared/errors.js';
import { formatCents } from '../../../shared/format.js';
import { RatePlanBody, type EventPrice, type Special, type TimeBand, type VehicleRates } from '../../../shared/rate-plan.js';
import { VEHICLE_TYPES, type VehicleType } from '../../../shared/vehicle-type.js';
import { fromLocalInput, toLocalInput } from './local-date-time.js';
import { centsToInput, parseDollars } from './money.js';

/** Dollars per hour by vehicle type, as typed; empty: the default rate. */
export type RatesByType = Record<VehicleType, string>;
/** A time band as typed; `key` names the row on screen. */
export type BandRow = { key: string; name: string; from: string; to: string; hourlyRate: string; vehicleRates: RatesByType };
/** A special (early bird, evening) as typed; weekdays 1 Monday … 7 Sunday; no vehicle types: all. */
export type SpecialRow = { key: string; name: string; entryFrom: string; entryTo: string; exitBy: string; weekdays: number[]; price: string; vehicleTypes: VehicleType[] };
/** An event price as typed: `from`/`to` as `datetime-local` values on the garage's clock. */
export type EventRow = { key: string; name: string; from: string; to: string; price: string };
/** The whole plan as typed. */
export type PlanForm = { hourlyRate: string; vehicleRates: RatesByType; graceMinutes: string; dailyMax: string; bands: BandRow[]; specials: SpecialRow[]; events: EventRow[] };
/** A sentence for each part a person must fix, by the API's path of it (`hourlyRate`, `bands.0.to`, `bands`). */
export type PlanIssues = Record<string, string>;

/** The plan's rules the form edits (a plan in force, a snapshot or a body). */
type PlanRules = Pick<RatePlanBody, 'hourlyRate' | 'graceMinutes' | 'dailyMaxCents'> & {
  vehicleRates?: VehicleRates | undefined;
  bands?: TimeBand[] | undefined;
  specials?: Special[] | undefined;
  events?: EventPrice[] | undefined;
};

let rows = 0;
const rowKey = () => `row-${++rows}`;

const ratesToForm = (rates: VehicleRates = {}): RatesByType =>
  Object.fromEntries(VEHICLE_TYPES.map((t) => [t, rates[t] === undefined ? '' : centsToInput(rates[t])])) as RatesByType;

/** A new, empty time band row (night rates are the usual one). */
export const newBand = (): BandRow => ({ key: rowKey(), name: '', from: '22:00', to: '06:00', hourlyRate: '', vehicleRates: ratesToForm() });
/** A new special row, shaped like an early bird on weekdays. */
export const newSpecial = (): SpecialRow => ({ key: rowKey(), name: '', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 5], price: '', vehicleTypes: [] });
/** A new event row: this evening, 17:00 to 23:00 on the garage's clock. */
export const newEvent = (timeZone: string, now: Date): EventRow => {
  const day = toLocalInput(now, timeZone).slice(0, 10);
  return { key: rowKey(), name: '', from: `${day}T17:00`, to: `${day}T23:00`, price: '' };
};

/** The plan as the form shows it: money in dollars, event times on the garage's clock. */
export function toPlanForm(plan: PlanRules, timeZone: string): PlanForm {
  return {
    hourlyRate: centsToInput(plan.hourlyRate),
    vehicleRates: ratesToForm(plan.vehicleRates),
    graceMinutes: String(plan.graceMinutes),
    dailyMax: plan.dailyMaxCents === null ? '' : centsToInput(plan.dailyMaxCents),
    bands: (plan.bands ?? []).map((b) => ({ key: rowKey(), name: b.name, from: b.from, to: b.to, hourlyRate: centsToInput(b.hourlyRate), vehicleRates: ratesToForm(b.vehicleRates) })),
    specials: (plan.specials ?? []).map((s) => ({
      key: rowKey(),
      name: s.name,
      entryFrom: s.entryFrom,
      entryTo: s.entryTo,
      exitBy: s.exitBy,
      weekdays: [...s.weekdays],
      price: centsToInput(s.priceCents),
      vehicleTypes: s.vehicleTypes ? [...s.vehicleTypes] : [],
    })),
    events: (plan.events ?? []).map((e) => ({ key: rowKey(), name: e.name, from: toLocalInput(e.from, timeZone), to: toLocalInput(e.to, timeZone), price: centsToInput(e.priceCents) })),
  };
}

const isMoney = (path: string) => /(hourlyRate|priceCents|dailyMaxCents)$/.test(path) || path.includes('vehicleRates.');

/**
 * A sentence for one issue of the shared plan rules: bounds said in dollars ("At most $10,000.00")
 * and minutes, never zod's raw "Too big: expected number to be <=1000000"; the rules' own sentences as they are.
 */
export function planIssueWords(path: string, message: string): string {
  const bound = /^Too (big|small).*?(-?\d+)\D*$/.exec(message);
  if (!bound?.[1] || !bound[2]) return message;
  const limit = Number(bound[2]);
  const said = isMoney(path) ? formatCents(limit) : path === 'graceMinutes' ? `${limit} minutes` : String(limit);
  return `${bound[1] === 'big' ? 'At most' : 'At least'} ${said}`;
}

/**
 * Reads the form into the plan to send (all of it: a save is a new version), or a sentence for each
 * part a person must fix: first whether each can be read at all, then the shared RatePlanBody rules
 * (the same the server checks: bounds, band overlaps, weekdays, event windows).
 */
export function readPlanForm(form: PlanForm, timeZone: string): { body: RatePlanBody } | { issues: PlanIssues } {
  const issues: PlanIssues = {};
  const dollars = (path: string, text: string, problem = 'Enter dollars, e.g. 3 or 12.50') => {
    const cents = parseDollars(text);
    if (cents === null) issues[path] = problem;
    return cents;
  };
  const rates = (path: string, typed: RatesByType) => {
    const out: Partial<Record<VehicleType, number | null>> = {};
    for (const t of VEHICLE_TYPES) if (typed[t].trim() !== '') out[t] = dollars(`${path}.${t}`, typed[t], 'Enter dollars, or leave empty for the default rate');
    return out;
  };
  const instant = (path: string, text: string) => {
    const at = fromLocalInput(text, timeZone);
    if (at === null) issues[path] = 'Enter a date and time';
    return at;
  };
  const grace = form.graceMinutes.trim();
  if (!/^\d+$/.test(grace)) issues.graceMinutes = 'Enter whole minutes (0 for none)';
  const dailyMax = form.dailyMax.trim();
  const candidate = {
    hourlyRate: dollars('hourlyRate', form.hourlyRate, 'Enter the rate in dollars, e.g. 10 or 12.50'),
    vehicleRates: rates('vehicleRates', form.vehicleRates),
    graceMinutes: /^\d+$/.test(grace) ? Number(grace) : null,
    dailyMaxCents: dailyMax === '' ? null : dollars('dailyMaxCents', dailyMax, 'Enter dollars, or leave empty for no daily maximum'),
    bands: form.bands.map((b, i) => ({
      name: b.name,
      from: b.from,
      to: b.to,
      hourlyRate: dollars(`bands.${i}.hourlyRate`, b.hourlyRate),
      vehicleRates: rates(`bands.${i}.vehicleRates`, b.vehicleRates),
    })),
    specials: form.specials.map((s, i) => ({
      name: s.name,
      entryFrom: s.entryFrom,
      entryTo: s.entryTo,
      exitBy: s.exitBy,
      weekdays: [...s.weekdays].sort((a, b) => a - b),
      priceCents: dollars(`specials.${i}.priceCents`, s.price),
      ...(s.vehicleTypes.length > 0 ? { vehicleTypes: VEHICLE_TYPES.filter((t) => s.vehicleTypes.includes(t)) } : {}),
    })),
    events: form.events.map((e, i) => ({ name: e.name, from: instant(`events.${i}.from`, e.from), to: instant(`events.${i}.to`, e.to), priceCents: dollars(`events.${i}.priceCents`, e.price) })),
  };
  const checked = RatePlanBody.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String).join('.');
      issues[path] ??= planIssueWords(path, issue.message);
    }
  }
  if (Object.keys(issues).length > 0 || !checked.success) return { issues };
  return { body: checked.data };
}

/** The field issues of a refused save (the server's 400 `details`), each by its path, bounds in dollars. */
export function refusedPlanFields(details: readonly unknown[]): PlanIssues {
  const byPath: PlanIssues = {};
  for (const d of details) {
    const issue = FieldIssue.safeParse(d);
    if (issue.success) byPath[issue.data.path] ??= planIssueWords(issue.data.path, issue.data.message);
  }
  return byPath;
}

/** The id of the input for the part of the plan at `path`: `bands.0.to` is `plan-bands-0-to`. */
export const inputIdOf = (path: string) => `plan-${path.replace(/\./g, '-')}`;
