import { clientTimeEvidence, type ClientTimeEvidence } from '../../shared/client-time.js';
import { daysBetween, localDate } from '../../shared/garage-day.js';
import type { TransactionSql } from '../db/types.js';
import { loadGarageTimezone } from '../garage/queries.js';
import { isSummaryDayClosed, recordLateChange } from '../summaries/queries.js';

/** What an entry's or exit's audit row says about its time. */
export type TimingDetails = ClientTimeEvidence & { lateForPostedDay?: string };

/**
 * The audit's account of when an entry or exit happened (time from the client is evidence): who
 * dated it, and — for a client-dated one that falls on an earlier local day whose daily summary was
 * already posted (or was being posted) — that day, `lateForPostedDay`. Such a change is also recorded
 * for the next summary (api/summaries/queries.ts), with the revenue it moved. Runs in the change's
 * transaction, so the change, its audit and its late record land together. `timeZone` is the
 * garage's, read here when the caller has not.
 */
export async function timingOf(
  tx: TransactionSql,
  garageId: number,
  change: { kind: 'entry' | 'exit'; ticketNumber: string; claimed: Date | undefined; at: Date; now: Date; timeZone?: string; revenueCents: number },
): Promise<TimingDetails> {
  const evidence = clientTimeEvidence(change.claimed, change.now);
  if (!change.claimed) return evidence;
  const timeZone = change.timeZone ?? (await loadGarageTimezone(tx, garageId));
  const day = localDate(change.at, timeZone);
  if (daysBetween(day, localDate(change.now, timeZone)) <= 0) return evidence; // today's summary is never out yet
  if (!(await isSummaryDayClosed(tx, garageId, day, change.now))) return evidence;
  await recordLateChange(tx, garageId, { ticketNumber: change.ticketNumber, kind: change.kind, day, receivedAt: change.now, revenueCents: change.revenueCents });
  return { ...evidence, lateForPostedDay: day };
}
