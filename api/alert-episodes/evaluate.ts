import { alertsDue, CASH_VARIANCE_DAYS, type AlertDue, type AlertEpisode } from '../../shared/alerts.js';
import type { Alerts } from '../alerts.js';
import type { Sql } from '../db/types.js';
import { countShiftFigures, listShiftsAwaitingManager } from '../shifts/queries.js';
import { endedShiftOf, shiftWindowFigures } from './cash-variance.js';
import { clearEpisode, listOpenEpisodes, listOpenShiftsForAlerts, listUnpostedSummaries, openEpisode, readAlertFigures } from './queries.js';

/** The details an episode opens with: a cash_variance one gains its shift's window figures, counted now (only when it opens). */
async function detailsToOpen(sql: Sql, d: AlertDue): Promise<Record<string, unknown>> {
  if (d.kind !== 'cash_variance') return d.details;
  return { ...d.details, ...shiftWindowFigures(await countShiftFigures(sql, Number(d.subject))) };
}

/**
 * The minute's alert check, on any replica: for every garage, decides which episodes should be open
 * (`alertsDue`: at 95%, full, tickets open over staleTicketHours, a shift with more voids and refunds
 * than voidAlertPerShift, a daily summary unposted an hour after it became due, a public-feed garage
 * whose cars inside have not changed for 6 hours, an ended shift needing a manager not yet
 * reconciled — its close opens that one and its reconciliation clears it), opens the ones that are
 * not and clears the ones that ended. Garages have no opening hours: each is open 24 hours, as the public feed says
 * (`realtime_opening_status` 'OPEN'), so the feed's "while open" is always. Invariant —
 * once per episode across replicas: an episode is announced by the replica whose insert opened it,
 * and its end by the one whose update cleared it (a muted kind is recorded, not announced).
 */
export async function checkAlerts(deps: { sql: Sql; now: () => Date; alerts?: Alerts | undefined }): Promise<{ opened: AlertEpisode[]; cleared: AlertEpisode[] }> {
  const now = deps.now();
  // the open episodes first: an episode seen open was opened by a write (a shift's close) whose
  // figures the reads below then see too, so it is never taken for one that ended
  const open = await listOpenEpisodes(deps.sql);
  const [garages, shifts, unposted, awaiting] = await Promise.all([
    readAlertFigures(deps.sql, now),
    listOpenShiftsForAlerts(deps.sql),
    listUnpostedSummaries(deps.sql),
    listShiftsAwaitingManager(deps.sql, new Date(now.getTime() - CASH_VARIANCE_DAYS * 24 * 3600_000)),
  ]);
  const ended = awaiting.flatMap((row) => {
    const shift = endedShiftOf(row);
    return shift ? [{ garageId: row.garageId, shift }] : [];
  });
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
      endedShifts: ended.filter((e) => e.garageId === g.garageId).map((e) => e.shift),
      open: mine,
    });
    for (const d of due) {
      if (mine.some((e) => e.kind === d.kind && e.subject === d.subject)) continue;
      const made = await openEpisode(deps.sql, { garageId: g.garageId, ...d, details: await detailsToOpen(deps.sql, d), at: now });
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
