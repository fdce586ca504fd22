/** What a stay is priced with; copied onto the ticket at entry so later changes never reprice it. */
export type Tariff = { hourlyRate: number; graceMinutes: number; dailyMaxCents: number | null };

/** Why a fee is what it is; stored with each exit and shown on receipts. */
export type FeeBreakdown = {
  durationMinutes: number;
  billableHours: number;
  hourlyRate: number;
  graceMinutes: number;
  graceApplied: boolean;
  dailyMaxCents: number | null;
  fullDays: number;
  dailyCapsApplied: number;
  totalCents: number;
};

const HOUR = 3600;

/**
 * Prices a stay from `entry` to `exit` (all money in integer cents).
 * Invariants:
 * - billable hours = ceil(seconds / 3600), at least 1; fee = hours x rate;
 * - grace is "turnaround": a stay of at most `graceMinutes` (> 0) is free, a longer one pays from minute 0;
 * - with a daily max, each whole 24-hour block costs min(24 x rate, max), the rest min(hours x rate, max);
 * - `durationMinutes` = floor(seconds / 60); an exit before the entry counts as 0 seconds.
 * @example quoteFee(entry, new Date(+entry + 61 * 60_000), { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }).totalCents // 2000
 */
export function quoteFee(entry: Date, exit: Date, tariff: Tariff): FeeBreakdown {
  const seconds = Math.max(0, Math.floor((exit.getTime() - entry.getTime()) / 1000));
  const durationMinutes = Math.floor(seconds / 60);
  const base = {
    durationMinutes,
    hourlyRate: tariff.hourlyRate,
    graceMinutes: tariff.graceMinutes,
    dailyMaxCents: tariff.dailyMaxCents,
  };
  if (tariff.graceMinutes > 0 && seconds <= tariff.graceMinutes * 60) {
    return { ...base, billableHours: 0, graceApplied: true, fullDays: 0, dailyCapsApplied: 0, totalCents: 0 };
  }
  const billableHours = Math.max(1, Math.ceil(seconds / HOUR));
  const fullDays = Math.floor(billableHours / 24);
  const restHours = billableHours - fullDays * 24;
  const cap = tariff.dailyMaxCents;
  const dayCost = 24 * tariff.hourlyRate;
  const restCost = restHours * tariff.hourlyRate;
  const cappedDay = cap !== null && dayCost > cap;
  const cappedRest = cap !== null && restCost > cap;
  const totalCents =
    fullDays * (cappedDay ? cap : dayCost) + (cappedRest ? cap : restCost);
  const dailyCapsApplied = (cappedDay ? fullDays : 0) + (cappedRest ? 1 : 0);
  return { ...base, billableHours, graceApplied: false, fullDays, dailyCapsApplied, totalCents };
}

/** A ticket as far as pricing goes: when it came in and the tariff copied onto it at entry. */
export type PricedStay = { entryTime: Date | string; tariff: Tariff };

/**
 * What a ticket owes if the car leaves at `at`: the one place an active ticket is priced — the
 * server's `amountDue`, the exit's charge, Slack's quote and the phone's offline quote all call it
 * with the ticket's own tariff snapshot, so they cannot disagree.
 * @example quoteTicketFee({ entryTime: '2026-11-23T08:00:00.000Z', tariff }, new Date('2026-11-23T13:10:00.000Z'))
 */
export function quoteTicketFee(ticket: PricedStay, at: Date): FeeBreakdown {
  return quoteFee(new Date(ticket.entryTime), at, ticket.tariff);
}
