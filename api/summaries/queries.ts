import type { LateDayChanges } from '../../shared/reports.js';
import { parseCents } from '../cents.js';
import type { Db } from '../db/types.js';

/** A day's summary as stored. */
export type SummaryRow = {
  day: string;
  status: 'pending' | 'posted';
  claimToken: string | null;
  leaseUntil: Date;
  attempts: number;
  lastError: string | null;
  channel: string | null;
  messageTs: string | null;
  postedAt: Date | null;
};

const summaryColumns = (sql: Db) => sql`
  day::text as day, status, claim_token, lease_until, attempts, last_error, channel, message_ts, posted_at
`;

/**
 * Claims a garage's summary for a local day until `leaseUntil`; null when the day is already
 * posted or someone's lease (or retry time) has not run out yet.
 * Invariant: of any number of concurrent claims exactly one gets the row — the insert, or the
 * update whose condition still holds after waiting on the row.
 */
export async function claimSummaryDay(
  sql: Db,
  c: { garageId: number; day: string; claimToken: string; now: Date; leaseUntil: Date },
): Promise<{ day: string; attempts: number } | null> {
  const [row] = await sql<{ day: string; attempts: number }[]>`
    insert into slack_summaries (garage_id, day, claim_token, lease_until, attempts, created_at, updated_at)
    values (${c.garageId}, ${c.day}::date, ${c.claimToken}, ${c.leaseUntil}, 1, ${c.now}, ${c.now})
    on conflict (garage_id, day) do update set
      claim_token = excluded.claim_token,
      lease_until = excluded.lease_until,
      attempts = slack_summaries.attempts + 1,
      updated_at = excluded.updated_at
    where slack_summaries.status = 'pending' and slack_summaries.lease_until <= ${c.now}
    returning day::text as day, attempts
  `;
  return row ?? null;
}

/** Records the posted message; false when this claim no longer holds the day (its lease was taken over). */
export async function markSummaryPosted(
  sql: Db,
  m: { garageId: number; day: string; claimToken: string; channel: string; messageTs: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update slack_summaries set
      status = 'posted', claim_token = null, channel = ${m.channel}, message_ts = ${m.messageTs},
      posted_at = ${m.now}, last_error = null, updated_at = ${m.now}
    where garage_id = ${m.garageId} and day = ${m.day}::date and claim_token = ${m.claimToken} and status = 'pending'
  `;
  return rows.count === 1;
}

/** Gives a failed claim back: the day stays pending and may be claimed again from `retryAt`. */
export async function releaseSummaryDay(
  sql: Db,
  r: { garageId: number; day: string; claimToken: string; retryAt: Date; error: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update slack_summaries set
      claim_token = null, lease_until = ${r.retryAt}, last_error = ${r.error.slice(0, 1000)}, updated_at = ${r.now}
    where garage_id = ${r.garageId} and day = ${r.day}::date and claim_token = ${r.claimToken} and status = 'pending'
  `;
  return rows.count === 1;
}

/** A garage's summary row for a local day, if any. */
export async function loadSummaryDay(sql: Db, garageId: number, day: string): Promise<SummaryRow | null> {
  const [row] = await sql<SummaryRow[]>`
    select ${summaryColumns(sql)} from slack_summaries where garage_id = ${garageId} and day = ${day}::date
  `;
  return row ?? null;
}

/**
 * True when a local day's summary was posted, or is being posted now (a claim whose lease runs):
 * a change dated into it from now on is late — the summary's figures may not have it.
 */
export async function isSummaryDayClosed(sql: Db, garageId: number, day: string, now: Date): Promise<boolean> {
  const [row] = await sql<{ closed: boolean }[]>`
    select status = 'posted' or (claim_token is not null and lease_until > ${now}) as closed
    from slack_summaries where garage_id = ${garageId} and day = ${day}::date
  `;
  return row?.closed ?? false;
}

/** The latest local day before `day` whose summary was posted, if any. */
export async function loadLastPostedDayBefore(sql: Db, garageId: number, day: string): Promise<string | null> {
  const [row] = await sql<{ day: string }[]>`
    select day::text as day from slack_summaries
    where garage_id = ${garageId} and day < ${day}::date and status = 'posted'
    order by day desc limit 1
  `;
  return row?.day ?? null;
}

/** A change to a day whose summary was already out: an entry or exit dated into it, received later. */
export type LateChange = { ticketNumber: string; kind: 'entry' | 'exit'; day: string; receivedAt: Date; revenueCents: number };

/** Records a late change for the next summary (call it in the transaction that makes the change). */
export async function recordLateChange(sql: Db, garageId: number, c: LateChange): Promise<void> {
  await sql`
    insert into late_changes (garage_id, ticket_number, kind, day, received_at, revenue_cents)
    values (${garageId}, ${c.ticketNumber}, ${c.kind}, ${c.day}::date, ${c.receivedAt}, ${c.revenueCents})
  `;
}

/** Late changes received in [start, end), per day they changed: how many entries and exits, and the revenue they moved. */
export async function loadLateChanges(sql: Db, garageId: number, start: Date, end: Date): Promise<LateDayChanges[]> {
  const rows = await sql<{ day: string; entries: number; exits: number; revenueCents: string }[]>`
    select day::text as day,
      count(*) filter (where kind = 'entry')::int as entries,
      count(*) filter (where kind = 'exit')::int as exits,
      sum(revenue_cents)::text as revenue_cents
    from late_changes
    where garage_id = ${garageId} and received_at >= ${start} and received_at < ${end}
    group by day
    order by day
  `;
  return rows.map((r) => ({ ...r, revenueCents: parseCents(r.revenueCents) }));
}
