/** How ParkOps shows money and stays to people, the same in Slack and in the app. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * Integer cents as dollars.
 * @example formatCents(123450) // '$1,234.50'
 */
export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

/**
 * A stay's length in whole minutes.
 * @example formatDuration(125) // '2 h 05 min'
 */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = String(m % 60).padStart(2, '0');
  return days > 0 ? `${days} d ${hours} h ${rest} min` : `${hours} h ${rest} min`;
}
