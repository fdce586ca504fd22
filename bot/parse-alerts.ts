import { ALERT_KINDS, type AlertKind } from '../shared/alerts.js';

/** `/park alerts`, `/park alerts mute <kind>`, `/park alerts unmute <kind>`, read. */
export type AlertsCommand =
  | { kind: 'alerts'; mute?: { kind: AlertKind; muted: boolean } }
  | { kind: 'invalid'; message: string };

/** The words people type for each kind (besides its own name, e.g. `garage_full`). */
const KIND_WORDS: Record<string, AlertKind> = {
  '95': 'occupancy_high',
  '95%': 'occupancy_high',
  high: 'occupancy_high',
  occupancy: 'occupancy_high',
  full: 'garage_full',
  stale: 'stale_tickets',
  tickets: 'stale_tickets',
  shift: 'shift_corrections',
  shifts: 'shift_corrections',
  voids: 'shift_corrections',
  refunds: 'shift_corrections',
  corrections: 'shift_corrections',
  summary: 'summary_unposted',
  summaries: 'summary_unposted',
  unposted: 'summary_unposted',
  feed: 'feed_stale',
  public: 'feed_stale',
  public_feed: 'feed_stale',
  cash: 'cash_variance',
  variance: 'cash_variance',
  unclosed: 'cash_variance',
};

/**
 * A kind of alert from what a person typed: its name (`garage_full`, `garage-full`) or a word for it
 * (`full`, `95`, `stale`, `shift`, `summary`, `feed`, `cash`); null when it is none.
 * @example readAlertKind('Full') // 'garage_full'
 */
export function readAlertKind(word: string): AlertKind | null {
  const w = word.trim().toLowerCase().replace(/-/g, '_');
  return ALERT_KINDS.find((k) => k === w) ?? KIND_WORDS[w] ?? null;
}

/** Reads the words after `/park alerts`. */
export function parseAlerts(args: string[], command: string): AlertsCommand {
  if (args.length === 0) return { kind: 'alerts' };
  const [verb, ...rest] = args;
  const action = verb!.toLowerCase();
  const example = `e.g. \`${command} alerts mute full\` or \`${command} alerts unmute stale\``;
  if (action !== 'mute' && action !== 'unmute') {
    return { kind: 'invalid', message: `\`${command} alerts\` lists this garage's alerts; \`${command} alerts mute <kind>\` and \`unmute <kind>\` change what is posted, ${example}.` };
  }
  const word = rest.join(' ');
  const kind = rest.length === 1 ? readAlertKind(word) : null;
  if (!kind) {
    const shown = word ? `"${word.slice(0, 40)}" is not a kind of alert. ` : 'Which kind? ';
    return { kind: 'invalid', message: `${shown}Kinds: \`95\` (garage at 95%), \`full\`, \`stale\` (tickets open too long), \`shift\` (many voids and refunds in a shift), \`summary\` (daily summary not posted), \`feed\` (public feed not changing), \`cash\` (cash variance or unclosed shift); ${example}.` };
  }
  return { kind: 'alerts', mute: { kind, muted: action === 'mute' } };
}
