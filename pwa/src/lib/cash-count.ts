import { formatCents } from '../../../shared/format.js';

/** One kind of bill or coin in a cash drawer: what it is called on screen and its value in cents. */
export type Denomination = { id: string; label: string; cents: number; kind: 'bill' | 'coin' };

/** The US bills and coins an attendant counts at a close, largest first. */
export const DENOMINATIONS: readonly Denomination[] = [
  { id: 'b100', label: '$100 bills', cents: 10_000, kind: 'bill' },
  { id: 'b50', label: '$50 bills', cents: 5_000, kind: 'bill' },
  { id: 'b20', label: '$20 bills', cents: 2_000, kind: 'bill' },
  { id: 'b10', label: '$10 bills', cents: 1_000, kind: 'bill' },
  { id: 'b5', label: '$5 bills', cents: 500, kind: 'bill' },
  { id: 'b1', label: '$1 bills', cents: 100, kind: 'bill' },
  { id: 'c25', label: '25¢ coins', cents: 25, kind: 'coin' },
  { id: 'c10', label: '10¢ coins', cents: 10, kind: 'coin' },
  { id: 'c5', label: '5¢ coins', cents: 5, kind: 'coin' },
  { id: 'c1', label: '1¢ coins', cents: 1, kind: 'coin' },
];

/**
 * Reads a typed count of bills or coins: a whole number, blank as 0; null when it is not one.
 * @example readCount('7') // 7
 */
export function readCount(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/**
 * The cash counted, in whole cents, from how many of each denomination (by id) there are; unknown
 * ids and unreadable counts add nothing.
 * @example countedCents({ b20: 3, c25: 7 }) // 6175
 */
export function countedCents(counts: Readonly<Record<string, number>>): number {
  return DENOMINATIONS.reduce((sum, d) => sum + d.cents * (counts[d.id] ?? 0), 0);
}

/**
 * A close's variance in words, declared − expected: short, over or balanced.
 * @example varianceWords(-120) // 'Short $1.20'
 */
export function varianceWords(varianceCents: number): string {
  if (varianceCents < 0) return `Short ${formatCents(-varianceCents)}`;
  if (varianceCents > 0) return `Over ${formatCents(varianceCents)}`;
  return 'Balanced';
}
