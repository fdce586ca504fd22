import { ALERT_KINDS, AlertDetails, type AlertEpisode, type AlertKind, type AlertsView } from '../../shared/alerts.js';
import { formatCents } from '../../shared/format.js';
import { formatDateTime, formatDay, formatWhen } from './format.js';
import { context, escapeText, fields, header, section, type Block, type Reply } from './reply.js';
import { varianceWords } from './shift.js';

/** The garage an alert is about, as its messages name it and tell its time. */
export type AlertGarage = { name: string; timezone: string };

/** Each kind in a few words, for lists and mute answers. */
export const ALERT_KIND_NAMES: Record<AlertKind, string> = {
  occupancy_high: 'garage at 95%',
  garage_full: 'garage full',
  stale_tickets: 'tickets open too long',
  shift_corrections: 'many voids and refunds in a shift',
  summary_unposted: 'daily summary not posted',
  feed_stale: 'public feed not changing',
  cash_variance: 'cash variance or unclosed shift',
};

/** The word `/park alerts mute <word>` takes for each kind (any of parse-alerts' words work too). */
export const ALERT_KIND_WORD: Record<AlertKind, string> = {
  occupancy_high: '95',
  garage_full: 'full',
  stale_tickets: 'stale',
  shift_corrections: 'shift',
  summary_unposted: 'summary',
  feed_stale: 'feed',
  cash_variance: 'cash',
};

const { occupancy: Occupancy, stale: Stale, shiftCorrections: ShiftCorrections, summaryUnposted: SummaryUnposted, feedStale: FeedStale, cashVariance: CashVariance, cashVarianceShift: ShiftWindow } = AlertDetails;
const cash = (cents: number | null) => (cents === null ? '—' : formatCents(cents));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an episode is about, in words (plain text, no emoji), and its emoji. */
export function alertWords(e: Pick<AlertEpisode, 'kind' | 'details'>, garage: AlertGarage): { emoji: string; text: string } {
  const at = garage.name;
  switch (e.kind) {
    case 'occupancy_high': {
      const d = Occupancy.safeParse(e.details);
      if (!d.success) break;
      return { emoji: ':warning:', text: `${at} is ${d.data.percent}% full — ${d.data.occupied} of ${d.data.totalSpaces} spaces taken` };
    }
    case 'garage_full': {
      const d = Occupancy.safeParse(e.details);
      if (!d.success) break;
      return { emoji: ':no_entry:', text: `${at} is full (${d.data.occupied} of ${d.data.totalSpaces})` };
    }
    case 'stale_tickets': {
      const d = Stale.safeParse(e.details);
      if (!d.success) break;
      const oldest = d.data.oldestEntry ? ` (oldest since ${formatDateTime(d.data.oldestEntry, garage.timezone)})` : '';
      const verb = d.data.count === 1 ? 'has' : 'have';
      return { emoji: ':hourglass:', text: `${plural(d.data.count, 'ticket')} at ${at} ${verb} been open over ${d.data.hours} h${oldest}` };
    }
    case 'shift_corrections': {
      const d = ShiftCorrections.safeParse(e.details);
      if (!d.success) break;
      const { username, shiftId, voids, refunds, threshold } = d.data;
      return { emoji: ':rotating_light:', text: `${username}'s shift #${shiftId} at ${at} has ${plural(voids, 'void')} and ${plural(refunds, 'refund')} (more than ${threshold})` };
    }
    case 'summary_unposted': {
      const d = SummaryUnposted.safeParse(e.details);
      if (!d.success) break;
      const { date, days, attempts, lastError } = d.data;
      const what = days === 1 ? `The daily summary of ${formatDay(date)} for ${at} has` : `${at}'s daily summaries since ${formatDay(date)} (${days} days) have`;
      const error = lastError ? `; last error: ${lastError.slice(0, 200)}` : '';
      return { emoji: ':mailbox_with_no_mail:', text: `${what} not been posted for over an hour (${plural(attempts, 'attempt')}${error})` };
    }
    case 'feed_stale': {
      const d = FeedStale.safeParse(e.details);
      if (!d.success) break;
      const { lastChange, hours, occupied, totalSpaces } = d.data;
      return {
        emoji: ':satellite_antenna:',
        text: `${at}'s occupancy in the public feed has not changed for over ${hours} h (${occupied} of ${totalSpaces} since ${formatDateTime(lastChange, garage.timezone)})`,
      };
    }
    case 'cash_variance': {
      const d = CashVariance.safeParse(e.details);
      if (!d.success) break;
      const { username, shiftId, unclosed, declaredCashCents, expectedCashCents, varianceCents } = d.data;
      if (unclosed) return { emoji: ':lock:', text: `Shift left open 24 hours at ${at}: ${username}'s shift #${shiftId} was closed by the server without a count` };
      return {
        emoji: ':moneybag:',
        text: `Cash variance: ${varianceWords(varianceCents ?? 0)} at ${at}: ${username}'s shift #${shiftId} (counted ${cash(declaredCashCents)}, expected ${cash(expectedCashCents)})`,
      };
    }
  }
  return { emoji: ':warning:', text: `Alert at ${at}: ${ALERT_KIND_NAMES[e.kind]}` };
}

/** How an episode ended, in words: "North is below 90% again". */
export function endWords(e: Pick<AlertEpisode, 'kind' | 'details'>, garage: AlertGarage): string {
  const at = garage.name;
  switch (e.kind) {
    case 'occupancy_high':
      return `${at} is below 90% again`;
    case 'garage_full':
      return `${at} has spaces free again (below 95%)`;
    case 'stale_tickets': {
      const d = Stale.safeParse(e.details);
      return `no ticket at ${at} is open over ${d.success ? d.data.hours : 'the garage\'s limit of'} h any more`;
    }
    case 'shift_corrections': {
      const d = ShiftCorrections.safeParse(e.details);
      return d.success ? `${d.data.username}'s shift #${d.data.shiftId} at ${at} has closed` : `the shift at ${at} has closed`;
    }
    case 'summary_unposted':
      return `${at}'s daily summary is posted again`;
    case 'feed_stale':
      return `${at}'s occupancy has changed again (or it left the public feed)`;
    case 'cash_variance': {
      const d = CashVariance.safeParse(e.details);
      return d.success ? `${d.data.username}'s shift #${d.data.shiftId} at ${at} has been reconciled` : `the shift at ${at} has been reconciled`;
    }
  }
}

/**
 * What a cash_variance message adds under its words, as the shift's close post always did: the
 * count against what was expected, the shift's figures (opened, closed, float, cash taken, voids,
 * refunds, lost tickets, exits) and how to reconcile it. Other kinds add nothing.
 */
function shiftBlocks(e: Pick<AlertEpisode, 'kind' | 'details'>, garage: AlertGarage): Block[] {
  if (e.kind !== 'cash_variance') return [];
  const d = CashVariance.safeParse(e.details);
  if (!d.success) return [];
  const { username, shiftId, unclosed, declaredCashCents, expectedCashCents, thresholdCents } = d.data;
  const who = `*${escapeText(username)}*`;
  const w = ShiftWindow.safeParse(e.details);
  return [
    section(
      unclosed
        ? `${who}'s shift #${shiftId} was still open 24 hours after it opened, so the server closed it without a count. *${cash(expectedCashCents)}* was expected in the drawer.`
        : `${who} counted *${cash(declaredCashCents)}*; *${cash(expectedCashCents)}* was expected (this garage alerts beyond ${cash(thresholdCents)} either way).`,
    ),
    ...(w.success
      ? [
          fields([
            ['Opened', formatDateTime(w.data.openedAt, garage.timezone)],
            ['Closed', formatDateTime(w.data.closedAt, garage.timezone)],
            ['Float', cash(w.data.openingFloatCents)],
            ['Cash taken', cash(w.data.cashTakenCents)],
            ['Voids · refunds · lost tickets', `${w.data.voids} · ${w.data.refunds} · ${w.data.lostTickets}`],
            ['Exits', String(w.data.exits)],
          ]),
        ]
      : []),
    context(`Reconcile it in the app (Shift) or with POST /api/shifts/${shiftId}/reconcile: this message then says so.`),
  ];
}

/** Where to mute this kind, for the message's footer. */
const muteHint = (e: Pick<AlertEpisode, 'kind'>, garage: AlertGarage, command: string) =>
  `Garage: *${escapeText(garage.name)}* · a manager can mute this kind with \`${command} alerts mute ${ALERT_KIND_WORD[e.kind]}\` in a channel of this garage.`;

/** The managers' channel message when an episode starts: what, in words (a shift's cash: its figures too), since when (garage time). */
export function buildAlertRaised(e: AlertEpisode, garage: AlertGarage, command = '/park'): Reply {
  const words = alertWords(e, garage);
  return {
    response_type: 'in_channel',
    text: words.text,
    blocks: [
      section(`${words.emoji} ${escapeText(words.text)}`),
      ...shiftBlocks(e, garage),
      context(`Since ${formatDateTime(e.openedAt, garage.timezone)} · ${muteHint(e, garage, command)}`),
    ],
  };
}

/** The same message once the episode ended (it replaces the first, or is posted when there was none): "Ended at 10:42: North is below 90% again". */
export function buildAlertCleared(e: AlertEpisode, garage: AlertGarage): Reply {
  const ended = e.clearedAt ? formatWhen(e.clearedAt, new Date(e.openedAt), garage.timezone) : '—';
  const text = `Ended at ${ended}: ${endWords(e, garage)}`;
  const was = alertWords(e, garage);
  return {
    response_type: 'in_channel',
    text,
    blocks: [
      section(`:white_check_mark: ${escapeText(text)}`),
      context(`Was: ${escapeText(was.text)} (since ${formatDateTime(e.openedAt, garage.timezone)}) · Garage: *${escapeText(garage.name)}*`),
    ],
  };
}

/** One open episode as a list line (mrkdwn): emoji, words, since when, muted. */
export function alertLine(e: AlertEpisode, garage: AlertGarage, now: Date): string {
  const words = alertWords(e, garage);
  return `${words.emoji} ${escapeText(words.text)} · since ${formatWhen(e.openedAt, now, garage.timezone)}${e.muted ? ' · _muted_' : ''}`;
}

/** `/park alerts` (managers, ephemeral): the garage's open episodes and its muted kinds, headed by `notice` (what a mute just did). */
export function buildAlertsList(view: Pick<AlertsView, 'open' | 'muted'>, garage: AlertGarage, now: Date, options: { command?: string; notice?: string } = {}): Reply {
  const command = options.command ?? '/park';
  const muted = view.muted.length ? view.muted.map((k) => `${ALERT_KIND_NAMES[k]} (\`${ALERT_KIND_WORD[k]}\`)`).join(', ') : 'none';
  const blocks: Block[] = [
    header(`Alerts — ${garage.name}`),
    ...(options.notice ? [section(escapeText(options.notice))] : []),
    section(view.open.length ? view.open.slice(0, 20).map((e) => alertLine(e, garage, now)).join('\n') : 'Nothing going on: no alert is open.'),
    section(`*Muted here:* ${muted}`),
    context(
      `Mute a kind (still recorded, not posted): \`${command} alerts mute <kind>\`; \`${command} alerts unmute <kind>\`. Kinds: ${ALERT_KINDS.map((k) => `\`${ALERT_KIND_WORD[k]}\` ${ALERT_KIND_NAMES[k]}`).join(', ')}.`,
    ),
  ];
  const plainMuted = view.muted.length ? view.muted.map((k) => ALERT_KIND_NAMES[k]).join(', ') : 'none';
  return { response_type: 'ephemeral', text: `${options.notice ? `${options.notice} ` : ''}${plural(view.open.length, 'alert')} open at ${garage.name}; muted: ${plainMuted}`, blocks };
}
