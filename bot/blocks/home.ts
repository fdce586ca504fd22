import type { AlertEpisode } from '../../shared/alerts.js';
import type { Role } from '../../shared/auth.js';
import type { GarageException } from '../../shared/corrections.js';
import { formatCents } from '../../shared/format.js';
import type { GarageStats } from '../../shared/garage.js';
import type { PeriodFigures } from '../../shared/reports.js';
import type { Shift } from '../../shared/shifts.js';
import { alertLine } from './alert.js';
import { asked, decisionButtons, reasonWords } from './exception.js';
import { formatTime, formatWhen } from './format.js';
import { personOf } from './person.js';
import { context, escapeText, fields, header, section, type Block } from './reply.js';

/** The Home tab as `views.publish` takes it. */
export type HomeView = { type: 'home'; blocks: Block[] };

/** How many garages, waiting requests and open shifts one Home tab shows (Slack allows 100 blocks in a view). */
export const HOME_LIMITS = { garages: 5, requests: 5, shifts: 10, alerts: 10 } as const;

/** One garage as a manager's Home tab shows it. */
export type HomeGarage = {
  garage: { id: number; name: string; timezone: string };
  stats: Pick<GarageStats, 'occupiedSpaces' | 'totalSpaces' | 'availableSpaces' | 'occupancyPercentage'>;
  today: Pick<PeriodFigures, 'grossRevenue' | 'refunds' | 'netRevenue'>;
  /** Requests waiting for a manager, newest first (at most HOME_LIMITS.requests), and whether more wait. */
  waiting: GarageException[];
  moreWaiting: boolean;
  shifts: Shift[];
  moreShifts: boolean;
  alerts: AlertEpisode[];
};

const divider: Block = { type: 'divider' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One garage's part: occupancy, today's money, requests with Approve / Deny, open shifts, open alerts. */
function garageBlocks(g: HomeGarage, now: Date): Block[] {
  const tz = g.garage.timezone;
  const when = (instant: string) => formatWhen(instant, now, tz);
  const requests = g.waiting.slice(0, HOME_LIMITS.requests).flatMap((e) => [
    section(`*#${e.id}* ${asked(e)}\n${escapeText(reasonWords(e.reason))}${e.note ? `: _${escapeText(e.note)}_` : ''} · asked by ${personOf(e.requestedBy, e.requestedByName)} at ${when(e.requestedAt)} · until ${when(e.expiresAt)}`),
    decisionButtons(e),
  ]);
  const shifts = g.shifts
    .slice(0, HOME_LIMITS.shifts)
    .map((s) => `• *${escapeText(s.username)}* #${s.id} since ${when(s.openedAt)} — ${s.entries} in · ${s.exits} out · ${plural(s.voids, 'void')} · ${plural(s.refunds, 'refund')}`);
  const alerts = g.alerts.slice(0, HOME_LIMITS.alerts).map((e) => alertLine(e, g.garage, now));
  return [
    header(g.garage.name),
    fields([
      ['Occupancy', `${g.stats.occupiedSpaces} of ${g.stats.totalSpaces} (${g.stats.occupancyPercentage}%) · ${g.stats.availableSpaces} free`],
      ['Gross today', formatCents(g.today.grossRevenue)],
      ['Refunds today', formatCents(g.today.refunds)],
      ['Net today', formatCents(g.today.netRevenue)],
    ]),
    section(g.waiting.length ? `*Waiting for a manager* (${g.waiting.length}${g.moreWaiting ? '+' : ''})` : '*Waiting for a manager:* nothing'),
    ...requests,
    ...(g.moreWaiting ? [context('The newest shown; `/park approvals` in a channel of this garage, or the app, lists them all.')] : []),
    section(shifts.length ? `*Open shifts*\n${shifts.join('\n')}${g.moreShifts ? '\n…and more (the app lists them all)' : ''}` : '*Open shifts:* none'),
    section(alerts.length ? `*Alerts*\n${alerts.join('\n')}` : '*Alerts:* none going on'),
    context(`As of ${formatTime(now, tz)} (${escapeText(tz)}) · reopen the Home tab to refresh`),
    divider,
  ];
}

/**
 * A linked manager's Home tab: each of their garages (at most HOME_LIMITS.garages) with its
 * occupancy, today's gross / refunds / net, the requests that wait with Approve / Deny (the same
 * buttons as the managers' channel, so the same handler decides them), open shifts and open alerts.
 * `notice` heads it (what a click on it just did).
 */
export function buildManagerHome(input: { username: string; garages: HomeGarage[]; moreGarages: boolean; now: Date; notice?: string }): HomeView {
  const top: Block[] = [section(`:wave: Hello *${escapeText(input.username)}* — your garages now.`), ...(input.notice ? [section(escapeText(input.notice))] : [])];
  if (input.garages.length === 0) return { type: 'home', blocks: [...top, section('You have no garages yet: an admin gives you one in the app (Staff).')] };
  const blocks = [...top, ...input.garages.slice(0, HOME_LIMITS.garages).flatMap((g) => garageBlocks(g, input.now))];
  if (input.moreGarages) blocks.push(context(`The first ${HOME_LIMITS.garages} of your garages shown; the app shows every one.`));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

/** The Home tab of anyone who is not a linked manager: why there is nothing here, and what to do. */
export function buildOtherHome(input: { slackUserId: string; staff: { username: string; role: Role; disabled: boolean } | null }): HomeView {
  const { staff } = input;
  const text = !staff
    ? `This is ParkOps' Home: managers see their garages here. Your Slack account (${input.slackUserId}) is not linked to a ParkOps staff account — ask an admin to add your Slack user id to your account (the app's Staff screen).`
    : staff.disabled
      ? `Your ParkOps account (${staff.username}) is disabled; ask an admin.`
      : `This is ParkOps' Home: managers see their garages here. Your ParkOps account (${staff.username}) is an ${staff.role}; \`/park help\` lists what you can do from Slack.`;
  return { type: 'home', blocks: [section(escapeText(text)), context('Slash commands work in any channel: `/park help`.')] };
}

/** The Home tab when it could not be built: an apology and what to do. */
export function buildHomeFailure(): HomeView {
  return { type: 'home', blocks: [section(':warning: Sorry — ParkOps could not load your garages just now. Open the Home tab again in a moment; the app shows the same figures.')] };
}
