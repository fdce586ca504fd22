import { z } from 'zod';
import { Instant } from './vehicle-type.js';

/** What managers are alerted about (each once per episode, and told when it ends). */
export const ALERT_KINDS = ['occupancy_high', 'garage_full', 'stale_tickets', 'shift_corrections', 'summary_unposted', 'feed_stale', 'cash_variance'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert's episode: what, in which garage, since when, until when (null: still going), and its figures. */
export const AlertEpisode = z.object({
  id: z.number().int(),
  garageId: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  subject: z.string().meta({ description: 'what it is about within the garage (a shift id), or empty' }),
  openedAt: Instant,
  clearedAt: Instant.nullable(),
  details: z.record(z.string(), z.unknown()).meta({
    description:
      "the kind's figures: occupancy_high and garage_full {occupied, totalSpaces, percent}; stale_tickets {count, hours, oldestEntry}; " +
      'shift_corrections {shiftId, username, voids, refunds, threshold}; summary_unposted {date (the first day not posted), dueSince, days, attempts, lastError}; ' +
      'feed_stale {lastChange (when cars inside last changed), hours, occupied, totalSpaces}; ' +
      'cash_variance {shiftId, username, unclosed, declaredCashCents, expectedCashCents, varianceCents (null when unclosed), thresholdCents, openedAt, closedAt, ' +
      'openingFloatCents, cashTakenCents, exits, voids, refunds, lostTickets}',
  }),
  muted: z.boolean(),
});
export type AlertEpisode = z.infer<typeof AlertEpisode>;

/**
 * What each kind's episode carries in `details` (as alertsDue and the cash-variance close write it),
 * for the doors (Slack, the app) to read without casting.
 */
export const AlertDetails = {
  occupancy: z.object({ occupied: z.number(), totalSpaces: z.number(), percent: z.number() }),
  stale: z.object({ count: z.number(), hours: z.number(), oldestEntry: z.string().nullable() }),
  shiftCorrections: z.object({ shiftId: z.number(), username: z.string(), voids: z.number(), refunds: z.number(), threshold: z.number() }),
  summaryUnposted: z.object({ date: z.iso.date(), dueSince: z.string(), days: z.number(), attempts: z.number(), lastError: z.string().nullable() }),
  feedStale: z.object({ lastChange: z.string(), hours: z.number(), occupied: z.number(), totalSpaces: z.number() }),
  cashVariance: z.object({
    shiftId: z.number(),
    username: z.string(),
    unclosed: z.boolean(),
    declaredCashCents: z.number().nullable(),
    expectedCashCents: z.number().nullable(),
    varianceCents: z.number().nullable(),
    thresholdCents: z.number(),
  }),
  /** The cash variance's shift as it was at the close (counted only when the episode opened). */
  cashVarianceShift: z.object({
    openedAt: z.string(),
    closedAt: z.string(),
    openingFloatCents: z.number(),
    cashTakenCents: z.number().nullable(),
    exits: z.number(),
    voids: z.number(),
    refunds: z.number(),
    lostTickets: z.number(),
  }),
};

/** PUT /api/garages/:id/alerts/mutes: mute or unmute one kind of alert for this garage. */
export const AlertMuteBody = z.strictObject({ kind: z.enum(ALERT_KINDS), muted: z.boolean() });
export type AlertMuteBody = z.infer<typeof AlertMuteBody>;

/** What a garage's alerts are now: its open episodes, the last cleared ones, and its muted kinds. */
export const AlertsView = z.object({ open: z.array(AlertEpisode), recent: z.array(AlertEpisode), muted: z.array(z.enum(ALERT_KINDS)) });
export type AlertsView = z.infer<typeof AlertsView>;

/** A daily summary still not posted this long after it became due is an alert. */
export const SUMMARY_UNPOSTED_MINUTES = 60;
/** A published garage whose occupancy has not changed this long while open is an alert. */
export const FEED_STALE_HOURS = 6;

/**
 * A shift that ended this many days ago or more starts no cash_variance episode: on the upgrade that
 * brought the kind, older unreconciled shifts would otherwise all be announced at once.
 */
export const CASH_VARIANCE_DAYS = 7;

/** What one kind's condition says should be open: the kind, its subject, its figures. */
export type AlertDue = { kind: AlertKind; subject: string; details: Record<string, unknown> };

/**
 * A shift that has ended (closed with a count, or closed by the server as unclosed) and that no
 * manager has reconciled, as the cash_variance rule reads it; money in cents, variance = declared − expected.
 */
export type EndedShift = {
  id: number;
  username: string;
  status: 'closed' | 'unclosed';
  openedAt: string;
  closedAt: string;
  openingFloatCents: number;
  declaredCashCents: number | null;
  expectedCashCents: number | null;
  varianceCents: number | null;
  reconciled: boolean;
};

/**
 * The cash_variance condition of one ended shift at `now` (pure), or null: due while it is not
 * reconciled, from its end — unclosed, or a variance beyond `thresholdCents` either way — if it
 * ended less than CASH_VARIANCE_DAYS ago; once its episode is `open`, only reconciling it ends it
 * (not its age, nor a threshold changed since). The shift close opens it with this same rule.
 * @example cashVarianceDue(shortBy1000, 500, now, false) // { kind: 'cash_variance', subject: '12', details: { varianceCents: -1000, … } }
 */
export function cashVarianceDue(s: EndedShift, thresholdCents: number, now: Date, open: boolean): AlertDue | null {
  if (s.reconciled) return null;
  const unclosed = s.status === 'unclosed';
  const needsManager = unclosed || Math.abs(s.varianceCents ?? 0) > thresholdCents;
  const recent = now.getTime() - Date.parse(s.closedAt) < CASH_VARIANCE_DAYS * 24 * 3600_000;
  if (!open && !(needsManager && recent)) return null;
  const { id, username, declaredCashCents, expectedCashCents, varianceCents, openedAt, closedAt, openingFloatCents } = s;
  return {
    kind: 'cash_variance',
    subject: String(id),
    details: { shiftId: id, username, unclosed, declaredCashCents, expectedCashCents, varianceCents, thresholdCents, openedAt, closedAt, openingFloatCents },
  };
}

/**
 * A garage's daily summaries not posted since its last posted one (none: null): the first such day,
 * when it became due (its first claim: the scheduler claims a day at its scheduled time), how many
 * days, the claims made and the last error Slack gave.
 */
export type UnpostedSummaries = { date: string; dueSince: string; days: number; attempts: number; lastError: string | null };

/** What the public feed shows of a garage: whether it is published, open now, and when its cars inside last changed (null: never). */
export type FeedFigures = { published: boolean; open: boolean; lastChange: string | null };

/**
 * The condition of each kind, decided from a garage's figures at `now` (pure): which episodes should be open.
 * - occupancy_high from 95% until below 90%; garage_full from full until below 95%;
 * - stale_tickets while a ticket is open over staleTicketHours; shift_corrections per shift over voidAlertPerShift;
 * - summary_unposted while a summary has waited SUMMARY_UNPOSTED_MINUTES or more since it became due (ends when posted);
 * - feed_stale while a published garage's cars inside have not changed for FEED_STALE_HOURS or more; it starts
 *   only while the garage is open (closed hours are quiet by nature) and ends when occupancy changes or the
 *   garage leaves the feed, not when it closes;
 * - cash_variance per ended shift not reconciled, unclosed or beyond cashVarianceAlertCents (see `cashVarianceDue`).
 */
export function alertsDue(g: {
  now: Date;
  totalSpaces: number;
  occupied: number;
  stale: number;
  staleTicketHours: number;
  oldestStale: string | null;
  shifts: { id: number; username: string; voids: number; refunds: number }[];
  voidAlertPerShift: number;
  summary: UnpostedSummaries | null;
  feed: FeedFigures;
  endedShifts: EndedShift[];
  cashVarianceAlertCents: number;
  open: ReadonlyArray<{ kind: AlertKind; subject: string }>;
}): AlertDue[] {
  const percent = g.totalSpaces > 0 ? (g.occupied / g.totalSpaces) * 100 : 0;
  const isOpen = (kind: AlertKind, subject = '') => g.open.some((e) => e.kind === kind && e.subject === subject);
  const minutesSince = (iso: string) => (g.now.getTime() - Date.parse(iso)) / 60_000;
  const due: AlertDue[] = [];
  const figures = { occupied: g.occupied, totalSpaces: g.totalSpaces, percent: Math.round(percent) };
  // an episode ends some way below where it starts, so a garage at the edge is not announced every minute
  if (percent >= 95 || (isOpen('occupancy_high') && percent >= 90)) due.push({ kind: 'occupancy_high', subject: '', details: figures });
  if (g.occupied >= g.totalSpaces || (isOpen('garage_full') && percent >= 95)) due.push({ kind: 'garage_full', subject: '', details: figures });
  if (g.stale > 0) due.push({ kind: 'stale_tickets', subject: '', details: { count: g.stale, hours: g.staleTicketHours, oldestEntry: g.oldestStale } });
  for (const s of g.shifts) {
    if (s.voids + s.refunds > g.voidAlertPerShift) {
      due.push({ kind: 'shift_corrections', subject: String(s.id), details: { shiftId: s.id, username: s.username, voids: s.voids, refunds: s.refunds, threshold: g.voidAlertPerShift } });
    }
  }
  if (g.summary && minutesSince(g.summary.dueSince) >= SUMMARY_UNPOSTED_MINUTES) due.push({ kind: 'summary_unposted', subject: '', details: { ...g.summary } });
  const { feed } = g;
  if (feed.published && feed.lastChange !== null && minutesSince(feed.lastChange) >= FEED_STALE_HOURS * 60 && (feed.open || isOpen('feed_stale'))) {
    due.push({ kind: 'feed_stale', subject: '', details: { lastChange: feed.lastChange, hours: FEED_STALE_HOURS, occupied: g.occupied, totalSpaces: g.totalSpaces } });
  }
  for (const s of g.endedShifts) {
    const d = cashVarianceDue(s, g.cashVarianceAlertCents, g.now, isOpen('cash_variance', String(s.id)));
    if (d) due.push(d);
  }
  return due;
}
