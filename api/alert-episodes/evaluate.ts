import { alertsDue, type AlertEpisode } from '../../shared/alerts.js';
import type { Alerts } from '../alerts.js';
import type { Sql } from '../db/types.js';
import { countShiftFigures } from '../shifts/queries.js';
import { clearEpisode, listOpenEpisodes, listOpenShiftsForAlerts, listUnpostedSummaries, openEpisode, readAlertFigures } from './queries.js';

/**
 * The minute's alert check, on any replica: for every garage, decides which episodes should be open
 * (`alertsDue`: at 95%, full, tickets open over staleTicketHours, a shift with more voids and refunds
 * than voidAlertPerShift, a daily summary unposted an hour after it became due, a public-feed garage
 * whose cars inside have not changed for 6 hours), opens the ones that are not and clears the ones
 * that ended. Garages have no opening hours: each is open 24 hours, as the public feed says
 * (`realtime_opening_status` 'OPEN'), so the feed's "while open" is always. Invariant —
 * once per episode across replicas: an episode is announced by the replica whose insert opened it,
 * and its end by the one whose update cleared it (a muted kind is recorded, not announced).
 */
export async function checkAlerts(deps: { sql: Sql; now: () => Date; alerts?: Alerts | undefined }): Promise<{ opened: AlertEpisode[]; cleared: AlertEpisode[] }> {
  const now = deps.now();
  const [garages, shifts, open, unposted] = await Promise.all([
    readAlertFigures(deps.sql, now),
    listOpenShiftsForAlerts(deps.sql),
    listOpenEpisodes(deps.sql),
    listUnpostedSummaries(deps.sql),
  ]);
  const shiftFigures = await Promise.all(shifts.map(async (s) => ({ ...s, figures: await countShiftFigures(deps.sql, s.id, now) })));
  const opened: AlertEpisode[] = [];
  const cleared: AlertEpisode[] = [];
  for (const g of garages) {
    const mine = open.filter((e) => e.garageId === g.garageId);
    const summary = unposted.find((u) => u.garageId === g.garageId);
    const due = alertsDue({
      ...g,
      now,
      oldestStale: g.oldestStale?.toISOString() ?? null,
      summary: summary ? { date: summary.day, dueSince: summary.dueSince.toISOString(), days: summary.days, attempts: summary.attempts, lastError: summary.lastError } : null,
      feed: { published: g.publicFeed, open: true, lastChange: g.lastChange?.toISOString() ?? null },
      shifts: shiftFigures.filter((s) => s.garageId === g.garageId).map((s) => ({ id: s.id, username: s.username, voids: s.figures.voids, refunds: s.figures.refunds })),
      open: mine,
    });
    for (const d of due) {
      if (mine.some((e) => e.kind === d.kind && e.subject === d.subject)) continue;
      const made = await openEpisode(deps.sql, { garageId: g.garageId, ...d, at: now });
      if (made) opened.push(made);
    }
    for (const e of mine) {
      if (due.some((d) => d.kind === e.kind && d.subject === e.subject)) continue;
      const ended = await clearEpisode(deps.sql, e.id, now);
      if (ended) cleared.push(ended);
    }
  }
  for (const e of opened) if (!e.muted) deps.alerts?.alertRaised?.(e);
  for (const e of cleared) if (!e.muted) deps.alerts?.alertCleared?.(e);
  return { opened, cleared };
}
