import type { FeeBreakdown } from './fee-breakdown.js';
import type { FeeLine } from './fee-lines.js';
import { addDays, clockPosition, localInstant } from './garage-day.js';
import { minutesOf, type EventPrice, type RatePlanSnapshot, type Special, type TimeBand, type VehicleRates } from './rate-plan.js';
import type { ValidationKind } from './validations.js';
import type { VehicleType } from './vehicle-type.js';

/** What pricing needs of a plan: a rate plan's snapshot, or a ticket's plain tariff (rate, grace, daily max). */
export type PricingPlan = {
  hourlyRate: number;
  graceMinutes: number;
  dailyMaxCents: number | null;
  vehicleRates?: VehicleRates | undefined;
  bands?: readonly TimeBand[] | undefined;
  specials?: readonly Special[] | undefined;
  events?: readonly EventPrice[] | undefined;
  version?: number | undefined;
};

const HOUR_MS = 3_600_000;

/** True when a minute of the day is inside `from`..`to` (past midnight when to <= from). */
function inWindow(minute: number, from: string, to: string): boolean {
  const f = minutesOf(from);
  const t = minutesOf(to);
  return f < t ? minute >= f && minute < t : minute >= f || minute < t;
}

/** The vehicle type's own rate in a plan (or band), else its default. */
const rateFor = (rates: VehicleRates | undefined, fallback: number, vehicleType: VehicleType) => rates?.[vehicleType] ?? fallback;

/**
 * The regular fee of billable hours `24 × firstDay` … `hours − 1` (each hour at the band its start
 * falls in, each 24 hours from entry capped at the daily max), with its lines.
 */
function regularFee(plan: PricingPlan, vehicleType: VehicleType, entry: Date, hours: number, timeZone: string, firstDay: number) {
  const rate = rateFor(plan.vehicleRates, plan.hourlyRate, vehicleType);
  const bands = plan.bands ?? [];
  if (bands.length === 0) return plainFee(rate, plan.dailyMaxCents, entry, hours, firstDay);
  const cap = plan.dailyMaxCents;
  const lines: FeeLine[] = [];
  let cents = 0;
  let capsApplied = 0;
  for (let day = firstDay; day * 24 < hours; day++) {
    const dayLines: Extract<FeeLine, { kind: 'hours' }>[] = [];
    let sum = 0;
    for (let h = day * 24; h < Math.min(day * 24 + 24, hours); h++) {
      const start = new Date(entry.getTime() + h * HOUR_MS);
      const minute = clockPosition(start, timeZone).minute;
      const band = bands.find((b) => inWindow(minute, b.from, b.to));
      const hourRate = band ? rateFor(band.vehicleRates, band.hourlyRate, vehicleType) : rate;
      const name = band?.name ?? null;
      const previous = dayLines.at(-1);
      if (previous && previous.band === name && previous.rate === hourRate) {
        previous.hours += 1;
        previous.cents += hourRate;
      } else {
        dayLines.push({ kind: 'hours', band: name, from: start.toISOString(), hours: 1, rate: hourRate, cents: hourRate });
      }
      sum += hourRate;
    }
    lines.push(...dayLines);
    cents += sum;
    if (cap !== null && sum > cap) {
      capsApplied += 1;
      cents += cap - sum;
      lines.push({ kind: 'daily_max', days: 1, cap, cents: cap - sum });
    }
  }
  return { cents, lines, capsApplied };
}

/** The regular fee at one rate, worked out without walking the hours: whole days at min(24 × rate, cap), the rest at min(hours × rate, cap). */
function plainFee(rate: number, cap: number | null, entry: Date, hours: number, firstDay: number) {
  const counted = Math.max(0, hours - firstDay * 24);
  if (counted === 0) return { cents: 0, lines: [] as FeeLine[], capsApplied: 0 };
  const fullDays = Math.floor(counted / 24);
  const rest = counted - fullDays * 24;
  const cappedDay = cap !== null && 24 * rate > cap;
  const cappedRest = cap !== null && rest * rate > cap;
  const reduction = (cappedDay ? fullDays * (24 * rate - cap) : 0) + (cappedRest ? rest * rate - cap : 0);
  const capsApplied = (cappedDay ? fullDays : 0) + (cappedRest ? 1 : 0);
  const lines: FeeLine[] = [{ kind: 'hours', band: null, from: new Date(entry.getTime() + firstDay * 24 * HOUR_MS).toISOString(), hours: counted, rate, cents: counted * rate }];
  if (reduction > 0) lines.push({ kind: 'daily_max', days: capsApplied, cap: cap!, cents: -reduction });
  return { cents: counted * rate - reduction, lines, capsApplied };
}

/** True when a stay qualifies for a special: its vehicle type, the weekday and time of its entry, and out by the special's time. */
export function qualifiesFor(special: Special, vehicleType: VehicleType, entry: Date, exit: Date, timeZone: string): boolean {
  if (special.vehicleTypes && !special.vehicleTypes.includes(vehicleType)) return false;
  const at = clockPosition(entry, timeZone);
  if (!special.weekdays.includes(at.weekday) || !inWindow(at.minute, special.entryFrom, special.entryTo)) return false;
  return exit.getTime() <= nextClockTime(entry, at.date, minutesOf(special.exitBy), timeZone);
}

/**
 * The first instant after `after` (on its local date `date` or the next) at which the garage clock
 * shows `minute`. When the clocks go back the time comes twice; a time they skip is read with the
 * offset before the change (an hour after it would have been). localInstant gives one of these,
 * which one depending on the zone, so its neighbours an hour away are looked at too (DST changes of
 * an hour).
 */
function nextClockTime(after: Date, date: string, minute: number, timeZone: string): number {
  for (const day of [date, addDays(date, 1)]) {
    const near = localInstant(day, minute, timeZone).getTime();
    const shows = (t: number) => {
      const p = clockPosition(new Date(t), timeZone);
      return p.date === day && p.minute === minute;
    };
    let times = [near - HOUR_MS, near, near + HOUR_MS].filter(shows);
    if (times.length === 0) {
      const p = clockPosition(new Date(near), timeZone);
      times = [p.date < day || (p.date === day && p.minute < minute) ? near + HOUR_MS : near];
    }
    const next = times.find((t) => t > after.getTime());
    if (next !== undefined) return next;
  }
  return localInstant(addDays(date, 1), minute, timeZone).getTime();
}

/** The cheapest event whose window the entry falls in, if any. */
function eventAt(plan: PricingPlan, entry: Date): EventPrice | null {
  let best: EventPrice | null = null;
  for (const e of plan.events ?? []) {
    if (Date.parse(e.from) <= entry.getTime() && entry.getTime() < Date.parse(e.to) && (!best || e.priceCents < best.priceCents)) best = e;
  }
  return best;
}

/**
 * Prices a stay from `entry` to `exit` under a plan, for a vehicle type, reading the plan's clock
 * times in `timeZone` — the one pricing function (the server's charge, Slack's quote, the phone's
 * offline quote). Money in integer cents. Rules:
 * - grace is "turnaround": a stay of at most `graceMinutes` (> 0) is free, a longer one pays from minute 0;
 * - billable hours = ceil(seconds / 3600), at least 1, counted in real elapsed hours (DST days too);
 *   each hour pays the rate of the time band its start falls in (else the plan's rate), the vehicle
 *   type's own rate where it has one;
 * - each 24 hours from entry cost at most the daily max;
 * - an entry inside an event's window pays the event's flat price for its first 24 hours (later
 *   days the regular way), instead of the regular fee and the specials;
 * - otherwise the fee is the lowest of the regular fee and every special the stay qualifies for.
 * Invariants: never negative; the lines add up to the total; without specials a longer stay with the
 * same entry never costs less. An exit before the entry counts as 0 seconds.
 * @example priceStay({ hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }, 'Car', entry, new Date(+entry + 61 * 60_000), 'UTC').totalCents // 2000
 */
export function priceStay(plan: PricingPlan, vehicleType: VehicleType, entry: Date, exit: Date, timeZone: string): FeeBreakdown {
  const seconds = Math.max(0, Math.floor((exit.getTime() - entry.getTime()) / 1000));
  const base = {
    durationMinutes: Math.floor(seconds / 60),
    hourlyRate: rateFor(plan.vehicleRates, plan.hourlyRate, vehicleType),
    graceMinutes: plan.graceMinutes,
    dailyMaxCents: plan.dailyMaxCents,
    ...(plan.version !== undefined ? { planVersion: plan.version } : {}),
  };
  if (plan.graceMinutes > 0 && seconds <= plan.graceMinutes * 60) {
    return {
      ...base,
      billableHours: 0,
      graceApplied: true,
      fullDays: 0,
      dailyCapsApplied: 0,
      totalCents: 0,
      lines: [{ kind: 'grace', minutes: plan.graceMinutes, cents: 0 }],
      applied: { kind: 'grace', name: null },
    };
  }
  const billableHours = Math.max(1, Math.ceil(seconds / 3600));
  const regular = regularFee(plan, vehicleType, entry, billableHours, timeZone, 0);
  // dailyCapsApplied: the daily caps in what is charged (none under a special; the later days' under an event)
  let best: { totalCents: number; lines: FeeLine[]; applied: NonNullable<FeeBreakdown['applied']>; dailyCapsApplied: number } = {
    totalCents: regular.cents,
    lines: regular.lines,
    applied: { kind: 'regular', name: null },
    dailyCapsApplied: regular.capsApplied,
  };
  const event = eventAt(plan, entry);
  if (event) {
    const later = regularFee(plan, vehicleType, entry, billableHours, timeZone, 1);
    best = {
      totalCents: event.priceCents + later.cents,
      lines: [{ kind: 'event', name: event.name, cents: event.priceCents }, ...later.lines],
      applied: { kind: 'event', name: event.name },
      dailyCapsApplied: later.capsApplied,
    };
  } else {
    for (const s of plan.specials ?? []) {
      if (s.priceCents < best.totalCents && qualifiesFor(s, vehicleType, entry, exit, timeZone)) {
        best = {
          totalCents: s.priceCents,
          lines: [{ kind: 'special', name: s.name, entryFrom: s.entryFrom, entryTo: s.entryTo, exitBy: s.exitBy, cents: s.priceCents }],
          applied: { kind: 'special', name: s.name },
          dailyCapsApplied: 0,
        };
      }
    }
  }
  return { ...base, billableHours, graceApplied: false, fullDays: Math.floor(billableHours / 24), ...best };
}

/**
 * The part of a plan that can apply to a car that came in at `entry`: its specials of that weekday
 * and entry time and vehicle type, and the events its entry falls in. Pricing any exit with it gives
 * what the whole plan gives, so a ticket carries only this (small) snapshot to the phone.
 */
export function planAtEntry(plan: RatePlanSnapshot, vehicleType: VehicleType, entry: Date): RatePlanSnapshot {
  const at = clockPosition(entry, plan.timezone);
  return {
    ...plan,
    specials: plan.specials.filter(
      (s) => (!s.vehicleTypes || s.vehicleTypes.includes(vehicleType)) && s.weekdays.includes(at.weekday) && inWindow(at.minute, s.entryFrom, s.entryTo),
    ),
    events: plan.events.filter((e) => Date.parse(e.from) <= entry.getTime() && entry.getTime() < Date.parse(e.to)),
  };
}

/** A validation code as it applies to a fee. */
export type ValidationTerms = { code: string; merchant: string; kind: ValidationKind; value: number };

/**
 * Applies a validation after the tariff, never below 0: `minutes` prices the stay that many minutes
 * shorter (`priceShorter`, free when the stay is no longer), `amount` takes cents off, `percent` a
 * rounded percentage, `flat` makes the stay cost at most `value`. The breakdown gains the validation
 * and a line for it, so its lines still add up.
 */
export function applyValidation(fee: FeeBreakdown, terms: ValidationTerms, priceShorter: (minutes: number) => number): FeeBreakdown {
  const stay = fee.totalCents;
  let discount: number;
  switch (terms.kind) {
    case 'amount':
      discount = terms.value;
      break;
    case 'percent':
      discount = Math.round((stay * terms.value) / 100);
      break;
    case 'flat':
      discount = stay - terms.value;
      break;
    case 'minutes':
      discount = stay - priceShorter(terms.value);
      break;
  }
  discount = Math.min(stay, Math.max(0, discount));
  return {
    ...fee,
    totalCents: stay - discount,
    lines: [...(fee.lines ?? []), { kind: 'validation', code: terms.code, merchant: terms.merchant, cents: -discount }],
    validation: { ...terms, discountCents: discount },
  };
}

/** A permit as a ticket carries it: whose, and until when it covers the stay. */
export type PermitTerms = { holder: string; validTo: string };
/** A reservation as a ticket carries it: its window and what was paid in advance. */
export type ReservationTerms = { startsAt: string; endsAt: string; prepaidCents: number };

/**
 * A permit holder's stay: free while the permit is valid; after `validTo` the regular fee, as if
 * the car came in then (grace included). The first line says so.
 */
export function pricePermitStay(plan: PricingPlan, vehicleType: VehicleType, entry: Date, exit: Date, timeZone: string, permit: PermitTerms): FeeBreakdown {
  const covered = { kind: 'permit' as const, holder: permit.holder, validTo: permit.validTo, cents: 0 as const };
  const end = new Date(permit.validTo);
  const whole = priceStay(plan, vehicleType, entry, exit, timeZone);
  if (exit.getTime() <= end.getTime()) {
    return { ...whole, totalCents: 0, lines: [covered], applied: { kind: 'permit', name: permit.holder }, dailyCapsApplied: 0 };
  }
  const after = priceStay(plan, vehicleType, end, exit, timeZone);
  return { ...whole, totalCents: after.totalCents, lines: [covered, ...(after.lines ?? [])], applied: { kind: 'permit', name: permit.holder }, dailyCapsApplied: after.dailyCapsApplied };
}

/**
 * A reserved stay: a prepaid reservation covers its window, and leaving after `endsAt` pays the
 * overstay at the plan's rate, as if the car came in then; what is collected at exit is the
 * overstay only (the prepaid amount was taken by the booking). A reservation not paid in advance
 * only held the space: the stay is priced the regular way. The first line says which.
 */
export function priceReservedStay(plan: PricingPlan, vehicleType: VehicleType, entry: Date, exit: Date, timeZone: string, booking: ReservationTerms): FeeBreakdown {
  const line = { kind: 'reservation' as const, startsAt: booking.startsAt, endsAt: booking.endsAt, prepaidCents: booking.prepaidCents, cents: 0 as const };
  const whole = priceStay(plan, vehicleType, entry, exit, timeZone);
  if (booking.prepaidCents === 0) return { ...whole, lines: [line, ...(whole.lines ?? [])] };
  const end = new Date(booking.endsAt);
  const applied = { kind: 'reservation' as const, name: null };
  if (exit.getTime() <= end.getTime()) return { ...whole, totalCents: 0, lines: [line], applied, dailyCapsApplied: 0 };
  const over = priceStay(plan, vehicleType, end, exit, timeZone);
  return { ...whole, totalCents: over.totalCents, lines: [line, ...(over.lines ?? [])], applied, dailyCapsApplied: over.dailyCapsApplied };
}

/**
 * What a `minutes` validation compares with: the stay priced that many minutes shorter (free when
 * the stay is no longer), with the same pricing as the stay itself (`priceAt`: the exit's price at an instant).
 * @example applyValidation(fee, terms, shorterStayPrice((at) => quoteTicketFee(stay, at), entry, exit))
 */
export function shorterStayPrice(priceAt: (at: Date) => FeeBreakdown, entry: Date, exit: Date): (minutes: number) => number {
  return (minutes) => (exit.getTime() - entry.getTime() <= minutes * 60_000 ? 0 : priceAt(new Date(exit.getTime() - minutes * 60_000)).totalCents);
}
