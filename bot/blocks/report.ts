import type { ShiftsClosed } from '../../api/shifts/queries.js';
import type { DailyReport, LateDayChanges } from '../../shared/reports.js';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { formatChange, formatDay } from './format.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { context, fields, header, section, type Block, type Reply } from './reply.js';
import { occupancySparkline, type HourOccupancy } from './sparkline.js';

/** One figure with its change against the week before: `$1,234.00 (+12% vs $1,100.00)`. */
function compared(current: number, previous: number, show: (n: number) => string): string {
  return `${show(current)}  _(${formatChange(current, previous)} vs ${show(previous)})_`;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One earlier day's late changes: `Mon 23 Nov 2026: 1 exit (+$40.00), 1 entry`. */
function lateLine(c: LateDayChanges): string {
  const parts = [
    ...(c.exits > 0 ? [`${counted(c.exits, 'exit', 'exits')} (+${formatCents(c.revenueCents)})`] : []),
    ...(c.entries > 0 ? [counted(c.entries, 'entry', 'entries')] : []),
  ];
  return `• ${formatDay(c.day)}: ${parts.join(', ')}`;
}

/** Paid exits discarded on phones that still wait for a manager (see api/discards). */
export type PaymentsToResolve = { count: number; amountCents: number };

/** The "payments to resolve" line and its words for the text line, or nothing when none wait. */
function toResolvePart(open: PaymentsToResolve | undefined): { blocks: Block[]; text: string } {
  if (!open || open.count === 0) return { blocks: [], text: '' };
  const what = `${counted(open.count, 'payment', 'payments')} to resolve (${formatCents(open.amountCents)} taken)`;
  return {
    text: ` · ${what}`,
    blocks: [section(`*${what}* — paid exits the server refused, handed to a manager from a phone. Resolve them in the app (Settings › Payments to resolve).`)],
  };
}

/**
 * A signed amount of money: `−$3.50` short, `+$1.00` over, `$0.00` balanced.
 * @example signedCents(-350) // '−$3.50'
 */
export function signedCents(cents: number): string {
  return cents === 0 ? formatCents(0) : `${cents < 0 ? '−' : '+'}${formatCents(Math.abs(cents))}`;
}

/**
 * The "Cash variance today" line: the signed sum of the variances of the shifts closed with a count
 * that day, and how many shifts were closed (those the server closed unclosed have no count). Left
 * out when no shift was closed that day.
 */
function cashVariancePart(shifts: ShiftsClosed | undefined): Block[] {
  if (!shifts || shifts.closed === 0) return [];
  const sum = `*Cash variance today:* ${signedCents(shifts.varianceCents)}`;
  if (shifts.unclosed === 0) return [section(`${sum} over ${counted(shifts.closed, 'closed shift', 'closed shifts')}`)];
  const unclosed = `${shifts.unclosed} left open 24 h and closed by the server without a count`;
  return [section(`${sum} over ${counted(shifts.counted, 'counted shift', 'counted shifts')} · ${counted(shifts.closed, 'shift', 'shifts')} closed, ${unclosed}`)];
}

/** The cars inside hour by hour of the day (the daily summary's chart): a sparkline and its words, or nothing without hours. */
function occupancyPart(occupancy: { hours: HourOccupancy[]; totalSpaces: number } | undefined): Block[] {
  const spark = occupancy && occupancySparkline(occupancy.hours, occupancy.totalSpaces);
  if (!spark) return [];
  const span = `${occupancy.hours[0]!.hour}–${occupancy.hours.at(-1)!.hour}`;
  return [section(`*Cars inside at each hour* (${span}, of ${occupancy.totalSpaces} spaces)\n\`${spark.line}\`\n${spark.words}`)];
}

/** The late changes section and the words for the text line, or nothing when there were none. */
function lateChangesPart(changes: LateDayChanges[]): { blocks: Block[]; text: string } {
  if (changes.length === 0) return { blocks: [], text: '' };
  const count = changes.reduce((n, c) => n + c.entries + c.exits, 0);
  const revenue = changes.reduce((n, c) => n + c.revenueCents, 0);
  return {
    text: ` · ${counted(count, 'late change', 'late changes')} to earlier days (+${formatCents(revenue)})`,
    blocks: [
      section(
        `*Late changes to earlier days* — received since the last summary, dated into days whose summary was already posted (their reports now include them)\n${changes.map(lateLine).join('\n')}`,
      ),
    ],
  };
}

/**
 * The books of corrections — gross, refunds and net, and how many voids, refunds, corrections and
 * lost tickets — as one section and the words for the text line; nothing when the day had none
 * (then revenue is simply what was taken).
 */
function booksPart(r: DailyReport): { blocks: Block[]; money: string; counts: string } {
  const counts = [
    ...(r.voids > 0 ? [counted(r.voids, 'void', 'voids')] : []),
    ...(r.refundCount > 0 ? [counted(r.refundCount, 'refund', 'refunds')] : []),
    ...(r.corrections > 0 ? [counted(r.corrections, 'correction', 'corrections')] : []),
    ...(r.lostTickets > 0 ? [counted(r.lostTickets, 'lost ticket', 'lost tickets')] : []),
  ];
  if (r.refunds === 0 && counts.length === 0) return { blocks: [], money: '', counts: '' };
  const lines = [];
  if (r.refunds !== 0) {
    const byMethod = PAYMENT_METHODS.filter((m) => r.refundsByPaymentMethod[m] !== 0).map((m) => `${m} ${formatCents(r.refundsByPaymentMethod[m])}`);
    lines.push(`Gross ${formatCents(r.grossRevenue)} − refunds ${formatCents(r.refunds)} = *net ${formatCents(r.netRevenue)}*${byMethod.length ? `  _(refunded: ${byMethod.join(' · ')})_` : ''}`);
  }
  if (counts.length) lines.push(counts.join(' · '));
  return {
    money: r.refunds !== 0 ? ` (${formatCents(r.grossRevenue)} taken, ${formatCents(r.refunds)} refunded)` : '',
    counts: counts.length ? ` · ${counts.join(', ')}` : '',
    blocks: [section(`*Corrections*\n${lines.join('\n')}`)],
  };
}

/**
 * A day's figures (the same as GET /api/reports/daily?date=…) with the change against the same
 * weekday a week before, of `garage` (named when given). Revenue is net (what was taken less what
 * was refunded that day); a day with refunds, voids, corrections or lost tickets has a
 * "Corrections" section with gross, refunds, net and those counts. Used by the daily summary and
 * by `/park report`; the summary also lists the late changes to earlier days received that day,
 * the cash variance of the shifts closed that day (no line when none was closed), and draws the
 * day's cars inside at the start of each hour (`occupancy`) as a sparkline with its words.
 */
export function buildDayReport(
  report: DailyReport,
  weekBefore: DailyReport,
  options: {
    title: string;
    garage?: string;
    visibility?: 'in_channel' | 'ephemeral';
    lateChanges?: LateDayChanges[];
    toResolve?: PaymentsToResolve;
    shiftsClosed?: ShiftsClosed;
    occupancy?: { hours: HourOccupancy[]; totalSpaces: number };
  },
): Reply {
  const late = lateChangesPart(options.lateChanges ?? []);
  const books = booksPart(report);
  const open = toResolvePart(options.toResolve);
  const day = formatDay(report.from);
  const of = options.garage ? { text: `${options.garage}, `, header: `${options.garage} — ` } : { text: '', header: '' };
  const before = formatDay(weekBefore.from);
  const stay = (r: DailyReport) => (r.averageStayMinutes === null ? '—' : formatDuration(r.averageStayMinutes));
  const peak = report.peakHour === null ? `${report.peakOccupancy}` : `${report.peakOccupancy} at ${report.peakHour}`;
  const byMethod = PAYMENT_METHODS.map((m) => `${m} ${formatCents(report.revenueByPaymentMethod[m])}`).join(' · ');
  return {
    response_type: options.visibility ?? 'in_channel',
    text: `${options.title} for ${of.text}${day}: ${formatCents(report.netRevenue)} revenue${books.money}, ${report.vehiclesIn} in, ${report.vehiclesOut} out${books.counts}${late.text}${open.text}`,
    blocks: [
      header(`${options.title} — ${of.header}${day}`),
      fields([
        ['Revenue', compared(report.netRevenue, weekBefore.netRevenue, formatCents)],
        ['Average stay', `${stay(report)}  _(was ${stay(weekBefore)})_`],
        ['Vehicles in', compared(report.vehiclesIn, weekBefore.vehiclesIn, String)],
        ['Vehicles out', compared(report.vehiclesOut, weekBefore.vehiclesOut, String)],
        ['Peak occupancy', peak],
        ['Still parked', `${report.stillParked} (${report.openOver24h} over 24 h)`],
      ]),
      ...occupancyPart(options.occupancy),
      section(`*By payment method*\n${byMethod}`),
      ...books.blocks,
      ...cashVariancePart(options.shiftsClosed),
      ...late.blocks,
      ...open.blocks,
      context(`Changes are against ${before}. Times in ${report.timezone}.`),
    ],
  };
}
