import { createHash } from 'node:crypto';
import type { PublicOccupancy } from '../../shared/garages.js';
import type { ReadPool } from '../db/read-pool.js';
import { loadPublishedOccupancy, type FeedRow } from '../garages/queries.js';

/** How old a snapshot may be before a request reads PostgreSQL again. */
export const FEED_REFRESH_MS = 1000;

/** An answer of the feed, serialized once per snapshot: its body, that body as JSON, and its ETag. */
export type FeedAnswer<T> = { body: T; json: string; etag: string };

/** One snapshot of the published garages: what each client gets, and its ETag. */
export type FeedSnapshot = { at: Date; all: FeedAnswer<PublicOccupancy[]>; byId: Map<string, FeedAnswer<PublicOccupancy>> };

function answerOf<T>(body: T): FeedAnswer<T> {
  const json = JSON.stringify(body);
  return { body, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}

/** True when a garage's published figures are the same in both (its time of update aside). */
const sameFigures = (a: PublicOccupancy, b: PublicOccupancy) =>
  JSON.stringify({ ...a, realtime_data_updated_at: '' }) === JSON.stringify({ ...b, realtime_data_updated_at: '' });

/** A garage as the feed shows it: counts only, free capacity never below 0. */
export function toPublicOccupancy(row: FeedRow, at: Date): PublicOccupancy {
  return {
    id: String(row.id),
    name: row.name,
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    capacity: row.totalSpaces,
    realtime_free_capacity: Math.max(0, row.totalSpaces - row.occupied),
    // ParkOps has no opening hours yet: a garage that publishes and answers is open
    realtime_opening_status: 'OPEN',
    realtime_data_updated_at: at.toISOString(),
  };
}

/**
 * The public occupancy feed's process-wide cache: one query for every published garage at most once
 * a second, however many clients ask (a burst never becomes a burst of queries: requests during a
 * refresh wait for that refresh instead of starting their own). `/:garageId` is answered from the
 * same snapshot, so asking for unknown ids costs no query either. The query runs through `reads`:
 * on the read replica when there is one, so the counts may be as old as its replay lag.
 * A garage whose figures did not change keeps its answer — its `realtime_data_updated_at` is when
 * they last changed — so its ETag (and the list's, when nothing changed) stays the same from one
 * snapshot to the next and a client revalidating after `max-age` gets 304.
 */
export function createOccupancyFeed(reads: ReadPool, now: () => Date) {
  let current: FeedSnapshot | null = null;
  let refreshing: Promise<FeedSnapshot> | null = null;
  let queries = 0;

  async function refresh(): Promise<FeedSnapshot> {
    queries++;
    const at = now();
    const rows = await reads((sql) => loadPublishedOccupancy(sql));
    const before = current?.byId;
    const byId = new Map(
      rows.map((r) => {
        const fresh = toPublicOccupancy(r, at);
        const kept = before?.get(fresh.id);
        return [fresh.id, kept && sameFigures(kept.body, fresh) ? kept : answerOf(fresh)] as const;
      }),
    );
    const garages = [...byId.values()].map((a) => a.body);
    const unchanged = current && current.all.body.length === garages.length && current.all.body.every((g, i) => g === garages[i]);
    return { at, all: unchanged ? current!.all : answerOf(garages), byId };
  }

  return {
    /** The current snapshot, read again when older than FEED_REFRESH_MS. */
    async snapshot(): Promise<FeedSnapshot> {
      if (current && now().getTime() - current.at.getTime() < FEED_REFRESH_MS) return current;
      refreshing ??= refresh().finally(() => (refreshing = null));
      const snap = await refreshing;
      current = snap;
      return snap;
    },
    /** How many times the feed has read PostgreSQL (for the bench and tests). */
    queries: () => queries,
  };
}
export type OccupancyFeed = ReturnType<typeof createOccupancyFeed>;
