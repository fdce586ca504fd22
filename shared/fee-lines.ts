import { z } from 'zod';
import { formatCents } from './format.js';
import { localDateTime, localTime } from './garage-day.js';
import { Instant } from './vehicle-type.js';

/**
 * One line of a fee's breakdown, in cents; a breakdown's lines add up to its total, so a driver can
 * check a fee line by line.
 */
export const FeeLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grace'), minutes: z.number().int(), cents: z.literal(0) }),
  z.object({
    kind: z.literal('hours'),
    band: z.string().nullable().meta({ description: 'the time band these hours start in; null: the regular rate' }),
    from: Instant.meta({ description: 'when the first of these hours starts' }),
    hours: z.number().int(),
    rate: z.number().int(),
    cents: z.number().int(),
  }),
  z.object({ kind: z.literal('daily_max'), days: z.number().int(), cap: z.number().int(), cents: z.number().int().meta({ description: 'negative: what the daily maximum took off' }) }),
  z.object({ kind: z.literal('special'), name: z.string(), entryFrom: z.string(), entryTo: z.string(), exitBy: z.string(), cents: z.number().int() }),
  z.object({ kind: z.literal('event'), name: z.string(), cents: z.number().int() }),
  z.object({ kind: z.literal('lost_ticket'), waived: z.boolean(), cents: z.number().int() }),
  z.object({ kind: z.literal('permit'), holder: z.string(), validTo: Instant, cents: z.literal(0) }),
  z.object({ kind: z.literal('reservation'), startsAt: Instant, endsAt: Instant, prepaidCents: z.number().int(), cents: z.literal(0) }),
  z.object({ kind: z.literal('validation'), code: z.string(), merchant: z.string(), cents: z.number().int().meta({ description: 'negative' }) }),
]);
export type FeeLine = z.infer<typeof FeeLine>;

const hoursWord = (n: number) => (n === 1 ? '1 h' : `${n} h`);
const minus = (cents: number) => `−${formatCents(-cents)}`;

/**
 * A breakdown line in words, with clock times in the garage's timezone — the same words on Slack,
 * the app and receipts.
 * @example feeLineWords({ kind: 'special', name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', cents: 1200 }, 'UTC') // 'Early bird (in 06:00–09:00, out by 19:00): $12.00'
 */
export function feeLineWords(line: FeeLine, timeZone: string): string {
  switch (line.kind) {
    case 'grace':
      return `Within the ${line.minutes}-minute grace period: free`;
    case 'hours':
      return `${line.band ?? 'Regular rate'}: ${hoursWord(line.hours)} from ${localTime(new Date(line.from), timeZone)} × ${formatCents(line.rate)}: ${formatCents(line.cents)}`;
    case 'daily_max':
      return `Daily maximum ${formatCents(line.cap)}${line.days > 1 ? ` (${line.days} days)` : ''}: ${minus(line.cents)}`;
    case 'special':
      return `${line.name} (in ${line.entryFrom}–${line.entryTo}, out by ${line.exitBy}): ${formatCents(line.cents)}`;
    case 'event':
      return `Event price, ${line.name}: ${formatCents(line.cents)}`;
    case 'lost_ticket':
      return line.waived ? 'Lost-ticket fee waived' : `Lost ticket: ${formatCents(line.cents)}`;
    case 'permit':
      return `Monthly parker — ${line.holder} until ${localDateTime(new Date(line.validTo), timeZone)}: ${formatCents(0)}`;
    case 'reservation':
      return `Reserved ${localTime(new Date(line.startsAt), timeZone)}–${localTime(new Date(line.endsAt), timeZone)}${line.prepaidCents > 0 ? `, prepaid ${formatCents(line.prepaidCents)}` : ' (not prepaid)'}`;
    case 'validation':
      return `Validated by ${line.merchant} (${line.code}): ${minus(line.cents)}`;
  }
}
