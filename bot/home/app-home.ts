import type { App, webApi } from '@slack/bolt';
import { loadGarageAlerts } from '../../api/alert-episodes/queries.js';
import { showExceptions } from '../../api/corrections/use-cases.js';
import type { Deps } from '../../api/deps.js';
import { garageStats } from '../../api/garage/stats.js';
import { listGarages } from '../../api/garages/queries.js';
import { dailyReport } from '../../api/reports/daily.js';
import { showShifts } from '../../api/shifts/use-cases.js';
import { loadUserBySlackId, type UserRow } from '../../api/users/queries.js';
import { decideAccess, SlackUserId } from '../../shared/auth.js';
import { localDate } from '../../shared/garage-day.js';
import type { Garage } from '../../shared/garages.js';
import { buildHomeFailure, buildManagerHome, buildOtherHome, HOME_LIMITS, type HomeGarage, type HomeView } from '../blocks/home.js';
import { namedByStaff } from '../staff-names.js';

type HomeDeps = Pick<Deps, 'sql' | 'now'>;

/** One garage's part of a manager's Home, read through the API's use cases (the same figures as the app's). */
async function readHomeGarage(deps: HomeDeps, garage: Garage, now: Date): Promise<HomeGarage> {
  const at = { sql: deps.sql, garageId: garage.id, now: () => now };
  const today = localDate(now, garage.timezone);
  const [stats, report, waiting, shifts, alerts] = await Promise.all([
    garageStats(deps.sql, garage.id, now),
    dailyReport(deps.sql, garage.id, today, today, now),
    showExceptions(at, { status: 'pending', limit: HOME_LIMITS.requests + 1 }),
    showShifts(at, { status: 'open', limit: HOME_LIMITS.shifts + 1 }),
    loadGarageAlerts(deps.sql, garage.id),
  ]);
  return {
    garage: { id: garage.id, name: garage.name, timezone: garage.timezone },
    stats,
    today: report,
    waiting: await namedByStaff(deps.sql, waiting.exceptions.slice(0, HOME_LIMITS.requests)),
    moreWaiting: waiting.exceptions.length > HOME_LIMITS.requests,
    shifts: shifts.shifts.slice(0, HOME_LIMITS.shifts),
    moreShifts: shifts.shifts.length > HOME_LIMITS.shifts,
    alerts: alerts.open,
  };
}

/**
 * The Home tab of a Slack user, live: a linked manager (the one permission rule: who may decide
 * requests) sees each of their garages; anyone else a short page saying how to get there.
 */
export async function readHome(deps: HomeDeps, slackUserId: string, notice?: string): Promise<HomeView> {
  const staff: UserRow | null = SlackUserId.safeParse(slackUserId).success ? await loadUserBySlackId(deps.sql, slackUserId) : null;
  if (!staff || !decideAccess(staff, 'exceptions.decide').ok) return buildOtherHome({ slackUserId, staff });
  const now = deps.now();
  const garages = await listGarages(deps.sql, staff.garageIds.slice(0, HOME_LIMITS.garages));
  const parts = await Promise.all(garages.map((g) => readHomeGarage(deps, g, now)));
  return buildManagerHome({ username: staff.username, garages: parts, moreGarages: staff.garageIds.length > HOME_LIMITS.garages, now, ...(notice ? { notice } : {}) });
}

/** Publishes a Slack user's Home tab (`views.publish`), headed by `notice` when a click on it just did something. */
export async function publishHome(client: webApi.WebClient, deps: HomeDeps, slackUserId: string, notice?: string): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: await readHome(deps, slackUserId, notice) });
}

/**
 * `app_home_opened` (Events API, acknowledged by Bolt at once): when someone opens the app's Home
 * tab, it is built for them from the database and published. The Messages tab fires it too; only
 * the Home tab is answered. A failure is logged with who opened it (there is nobody to answer: the
 * tab keeps what it last showed).
 */
export function registerAppHome(app: App, deps: Deps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, deps, event.user);
    } catch (error) {
      deps.log.error({ err: error, slackUser: event.user }, 'slack home tab could not be built');
      await client.views.publish({ user_id: event.user, view: buildHomeFailure() });
    }
  });
}
