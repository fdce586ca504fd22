import { AlertDetails } from '../../../shared/alerts.js';
import { formatCents } from '../../../shared/format.js';

/**
 * Each kind of alert in a few words, by its name as the server sends it. A kind the app does not know
 * yet (added on the server first) is shown by its raw name: see `alertKindName`.
 */
const KIND_NAMES: Readonly<Record<string, string>> = {
  occupancy_high: 'Garage at 95%',
  garage_full: 'Garage full',
  stale_tickets: 'Tickets open too long',
  shift_corrections: 'Many voids and refunds in a shift',
  summary_unposted: 'Daily summary not posted',
  feed_stale: 'Public feed not changing',
  cash_variance: 'Cash variance or unclosed shift',
};

/**
 * A kind of alert in words; its raw name when the app has no words for it.
 * @example alertKindName('garage_full') // 'Garage full'
 * @example alertKindName('new_kind') // 'new_kind'
 */
export function alertKindName(kind: string): string {
  return Object.hasOwn(KIND_NAMES, kind) ? KIND_NAMES[kind]! : kind;
}

const { occupancy: Occupancy, stale: Stale, shiftCorrections: ShiftCorrections, summaryUnposted: Summary, feedStale: Feed, cashVariance: CashVariance } = AlertDetails;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What an alert is about, in a sentence, from its kind and details; the kind's words when its
 * details are not the ones expected.
 * @example alertSentence({ kind: 'garage_full', details: { occupied: 140, totalSpaces: 140, percent: 100 } }) // 'Garage full: 140 of 140 spaces taken'
 */
export function alertSentence(e: { kind: string; details: Record<string, unknown> }): string {
  switch (e.kind) {
    case 'occupancy_high': {
      const d = Occupancy.safeParse(e.details);
      if (d.success) return `${d.data.percent}% full: ${d.data.occupied} of ${d.data.totalSpaces} spaces taken`;
      break;
    }
    case 'garage_full': {
      const d = Occupancy.safeParse(e.details);
      if (d.success) return `Garage full: ${d.data.occupied} of ${d.data.totalSpaces} spaces taken`;
      break;
    }
    case 'stale_tickets': {
      const d = Stale.safeParse(e.details);
      if (d.success) return `${plural(d.data.count, 'ticket')} open over ${d.data.hours} h`;
      break;
    }
    case 'shift_corrections': {
      const d = ShiftCorrections.safeParse(e.details);
      if (d.success) {
        const { username, shiftId, voids, refunds, threshold } = d.data;
        return `${username}'s shift #${shiftId}: ${plural(voids, 'void')} and ${plural(refunds, 'refund')} (more than ${threshold})`;
      }
      break;
    }
    case 'summary_unposted': {
      const d = Summary.safeParse(e.details);
      return `The daily summary${d.success ? ` of ${d.data.date}` : ''} could not be posted to Slack for an hour`;
    }
    case 'feed_stale': {
      const d = Feed.safeParse(e.details);
      return `The public feed has shown the same occupancy for ${d.success ? d.data.hours : 6} hours while open`;
    }
    case 'cash_variance': {
      const d = CashVariance.safeParse(e.details);
      if (!d.success) return "A shift's cash needed a manager";
      const { username, shiftId, unclosed, declaredCashCents, expectedCashCents, varianceCents, thresholdCents } = d.data;
      const money = (cents: number | null) => (cents === null ? '—' : formatCents(cents));
      if (unclosed) return `${username}'s shift #${shiftId} was left open 24 hours and closed without a count (${money(expectedCashCents)} expected)`;
      const v = varianceCents ?? 0;
      const how = v < 0 ? `short ${money(-v)}` : `over ${money(v)}`;
      return `${username}'s shift #${shiftId} closed ${how}: counted ${money(declaredCashCents)}, expected ${money(expectedCashCents)} (more than ${money(thresholdCents)} either way)`;
    }
  }
  return alertKindName(e.kind);
}
