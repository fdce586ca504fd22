import { z } from 'zod';
import { Instant } from './vehicle-type.js';

/** What managers are alerted about (each once per episode, and told when it ends). */
export const ALERT_KINDS = ['occupancy_high', 'garage_full', 'stale_tickets', 'shift_corrections'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert's episode: what, in which garage, since when, until when (null: still going), and its figures. */
export const AlertEpisode = z.object({
  id: z.number().int(),
  garageId: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  subject: z.string().meta({ description: 'what it is about within the garage (a shift id), or empty' }),
  openedAt: Instant,
  clearedAt: Instant.nullable(),
  details: z.record(z.string(), z.unknown()),
  muted: z.boolean(),
});
export type AlertEpisode = z.infer<typeof AlertEpisode>;

/** PUT /api/garages/:id/alerts/mutes: mute or unmute one kind of alert for this garage. */
export const AlertMuteBody = z.strictObject({ kind: z.enum(ALERT_KINDS), muted: z.boolean() });
export type AlertMuteBody = z.infer<typeof AlertMuteBody>;

/** What a garage's alerts are now: its open episodes, the last cleared ones, and its muted kinds. */
export const AlertsView = z.object({ open: z.array(AlertEpisode), recent: z.array(AlertEpisode), muted: z.array(z.enum(ALERT_KINDS)) });
export type AlertsView = z.infer<typeof AlertsView>;

/** The condition of each kind, decided from a garage's figures (pure): which episodes should be open now. */
export function alertsDue(g: {
  totalSpaces: number;
  occupied: number;
  stale: number;
  staleTicketHours: number;
  oldestStale: string | null;
  shifts: { id: number; username: string; voids: number; refunds: number }[];
  voidAlertPerShift: number;
  open: ReadonlyArray<{ kind: AlertKind; subject: string }>;
}): { kind: AlertKind; subject: string; details: Record<string, unknown> }[] {
  const percent = g.totalSpaces > 0 ? (g.occupied / g.totalSpaces) * 100 : 0;
  const isOpen = (kind: AlertKind, subject = '') => g.open.some((e) => e.kind === kind && e.subject === subject);
  const due: { kind: AlertKind; subject: string; details: Record<string, unknown> }[] = [];
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
  return due;
}
