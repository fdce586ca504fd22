import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../api/deps.js';
import { connect } from '../../api/db/connect.js';
import { ensureGarage } from '../../api/garage/queries.js';
import { insertGarage, updateGarage } from '../../api/garages/queries.js';
import { createLogger } from '../../api/logger.js';
import { createTestDatabase, type TestDatabase } from '../../api/test/database.js';
import { createSlack } from '../create-slack.js';
import { capturedLog } from '../test/captured-log.js';
import { fakeSlack } from '../test/fake-slack.js';
import { testClock } from '../test/harness.js';
import { createSummaryClient, createSummaryPoster } from './post.js';
import { startSummaryScheduler, type GarageTick, type SummaryScheduler } from './scheduler.js';
import { receiptKeys } from '../../api/receipts/keys.js';

const slack = fakeSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => slack.server.close());

const FALLBACK = 'C0MANAGERS';
let db: TestDatabase;
let deps: Deps;
let clock: ReturnType<typeof testClock>;
const running: SummaryScheduler[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  clock = testClock('2026-11-23T17:00:00.000Z');
  const garageId = await ensureGarage(db.sql, { totalSpaces: 40, hourlyRate: 1000, timezone: 'UTC' });
  await updateGarage(db.sql, garageId, { name: 'Central', slackManagersChannel: 'C0CENTRAL' });
  deps = { sql: db.sql, garageId, now: clock.now, randomBytes: (n) => randomBytes(n), receiptKeys: receiptKeys(), log: createLogger('silent'), sessionIdleMs: 3600_000 };
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  slack.reset();
  await db.drop();
});

const poster = () => createSummaryPoster(createSummaryClient('xoxb-test-token', { retry: { retries: 0 } }));
const posts = () => slack.apiCalls.filter((c) => c.method === 'chat.postMessage').map((c) => ({ channel: c.args.channel, text: String(c.args.text).split(':')[0] }));
const posted = (ticks: GarageTick[]) => ticks.filter((t) => t.outcome === 'posted').map((t) => `${t.garageId} ${t.day}`);

/** A scheduler as a server runs it, stopped after the test. */
function scheduler(options: { deps?: Omit<Deps, 'garageId'>; fallbackChannel?: string | undefined } = {}) {
  const s = startSummaryScheduler({
    deps: options.deps ?? deps,
    schedule: '0 7 * * *',
    fallbackChannel: 'fallbackChannel' in options ? options.fallbackChannel : FALLBACK,
    post: poster(),
  });
  running.push(s);
  return s;
}

/** When each garage's summary of each day was posted, and where. */
const summaryRows = () =>
  db.sql<{ garageId: number; day: string; channel: string; postedAt: Date }[]>`
    select garage_id, day::text as day, channel, posted_at from slack_summaries where status = 'posted' order by posted_at, garage_id`;

describe('the daily summary of several garages', () => {
  it('two garages in two timezones: each posted at 07:00 in its own, once, by two replicas on one database', async () => {
    const central = deps.garageId; // UTC, its own managers' channel
    const harbour = (await insertGarage(db.sql, { name: 'Harbour', totalSpaces: 20, hourlyRate: 1000, timezone: 'Pacific/Auckland' })).id; // UTC+13 in November; no channel: SLACK_SUMMARY_CHANNEL
    const other = connect(db.url, { max: 2 });
    try {
      const a = scheduler();
      const b = scheduler({ deps: { ...deps, sql: other } });

      // started at 17:00 UTC on the 23rd (06:00 on the 24th in Auckland): each catches up the 22nd, once between them
      const started = await Promise.all([a.ready, b.ready]);
      expect(started.flatMap(posted).sort()).toEqual([`${central} 2026-11-22`, `${harbour} 2026-11-22`]);

      const both = async (at: string) => {
        clock.set(at);
        return (await Promise.all([a.tick(), b.tick()])).flatMap(posted);
      };
      expect(await both('2026-11-23T17:59:00.000Z')).toEqual([]);
      expect(await both('2026-11-23T18:00:00.000Z')).toEqual([`${harbour} 2026-11-23`]); // 07:00 on the 24th in Auckland
      expect(await both('2026-11-23T18:05:00.000Z')).toEqual([]);
      expect(await both('2026-11-24T06:59:00.000Z')).toEqual([]);
      expect(await both('2026-11-24T07:00:00.000Z')).toEqual([`${central} 2026-11-23`]); // 07:00 on the 24th in UTC
      expect(await both('2026-11-24T07:05:00.000Z')).toEqual([]);

      const byChannel = (x: { channel: unknown }, y: { channel: unknown }) => String(x.channel).localeCompare(String(y.channel));
      expect(posts().slice(0, 2).sort(byChannel)).toEqual([
        { channel: 'C0CENTRAL', text: 'Daily summary for Central, Sun 22 Nov 2026' },
        { channel: FALLBACK, text: 'Daily summary for Harbour, Sun 22 Nov 2026' },
      ]);
      expect(posts().slice(2)).toEqual([
        { channel: FALLBACK, text: 'Daily summary for Harbour, Mon 23 Nov 2026' },
        { channel: 'C0CENTRAL', text: 'Daily summary for Central, Mon 23 Nov 2026' },
      ]);
      const rows = (await summaryRows()).filter((r) => r.day === '2026-11-23');
      expect(rows).toEqual([
        { garageId: harbour, day: '2026-11-23', channel: FALLBACK, postedAt: new Date('2026-11-23T18:00:00.000Z') },
        { garageId: central, day: '2026-11-23', channel: 'C0CENTRAL', postedAt: new Date('2026-11-24T07:00:00.000Z') },
      ]);
    } finally {
      await Promise.all(running.splice(0).map((s) => s.stop()));
      await other.end();
    }
  });

  it('a garage created while running is picked up at the next check, and posts to its own channel', async () => {
    const { log, lines } = capturedLog();
    const s = scheduler({ deps: { ...deps, log } });
    expect(posted(await s.ready)).toEqual([`${deps.garageId} 2026-11-22`]);
    const added = (await insertGarage(db.sql, { name: 'Airport', totalSpaces: 9, hourlyRate: 500, timezone: 'Asia/Tokyo', slackManagersChannel: 'C0AIRPORT' })).id;
    clock.advance(5 * 60_000);
    const ticks = await s.tick();
    expect(ticks.find((t) => t.garageId === added)).toEqual({ garageId: added, outcome: 'posted', day: '2026-11-22', channel: 'C0AIRPORT' }); // 02:05 on the 24th in Tokyo: the 22nd's, due since 07:00 on the 23rd
    expect(posts().at(-1)).toEqual({ channel: 'C0AIRPORT', text: 'Daily summary for Airport, Sun 22 Nov 2026' });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'daily summary on for a garage', garageId: added, channel: 'C0AIRPORT', own: true }));
    expect(lines.filter((l) => l.msg === 'daily summary scheduled').map((l) => l.timeZone)).toEqual(['UTC', 'Asia/Tokyo']);
  });

  it('without SLACK_SUMMARY_CHANNEL, a garage with no channel of its own gets none, and the log says so', async () => {
    const { log, lines } = capturedLog();
    const quiet = (await insertGarage(db.sql, { name: 'Quiet', totalSpaces: 5, hourlyRate: 500, timezone: 'UTC' })).id;
    const s = scheduler({ deps: { ...deps, log }, fallbackChannel: undefined });
    const ticks = await s.ready;
    expect(ticks.find((t) => t.garageId === quiet)).toEqual({ garageId: quiet, outcome: 'no_channel' });
    expect(posted(ticks)).toEqual([`${deps.garageId} 2026-11-22`]);
    expect(posts().map((p) => p.channel)).toEqual(['C0CENTRAL']);
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/^daily summary off for a garage/), garageId: quiet }));
    expect(await s.tick()).toContainEqual({ garageId: quiet, outcome: 'no_channel' });
    expect(lines.filter((l) => l.garageId === quiet && /^daily summary (on|off)/.test(l.msg))).toHaveLength(1); // said once, not at every check
  });

  it('createSlack starts the summaries with a bot token even without SLACK_SUMMARY_CHANNEL, and says how', async () => {
    const { log, messages } = capturedLog();
    const adapter = createSlack({
      deps: { ...deps, log },
      log,
      config: { SLACK_SIGNING_SECRET: undefined, SLACK_BOT_TOKEN: 'xoxb-real-wiring', SLACK_TEAM_ID: undefined, SLACK_SUMMARY_CHANNEL: undefined, SUMMARY_SCHEDULE: '0 7 * * *' },
    });
    expect(adapter.alerts).not.toBeNull();
    const s = adapter.startSummaries();
    expect(posted(await s!.ready)).toEqual([`${deps.garageId} 2026-11-22`]);
    await adapter.stop();
    expect(messages()).toContain("daily slack summary on for garages with a managers' channel (SLACK_SUMMARY_CHANNEL is not set)");
    expect(posts()).toEqual([{ channel: 'C0CENTRAL', text: 'Daily summary for Central, Sun 22 Nov 2026' }]);
  });
});
