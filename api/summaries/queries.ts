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
