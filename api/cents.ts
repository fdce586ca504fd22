/**
 * An amount of cents as PostgreSQL sends it, as a JS number: bigint and numeric columns and sums come
 * back as text, and money past 2^31 − 1 cents needs them. The one place such text becomes a number;
 * anything that is not a whole, non-negative, safe integer (up to 2^53 − 1 cents) throws — a bug,
 * never a wrong amount.
 * @example parseCents('4584995415') // 4584995415
 */
export function parseCents(value: string | number | bigint): number {
  const n = typeof value === 'string' ? (/^\d+$/.test(value) ? Number(value) : Number.NaN) : Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${String(value)} is not a whole, non-negative number of cents below 2^53`);
  return n;
}
