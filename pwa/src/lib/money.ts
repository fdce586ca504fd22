/**
 * Reads dollars as a person types them into whole cents, or null when it is not an amount.
 * @example parseDollars('12.5') // 1250
 */
export function parseDollars(text: string): number | null {
  const t = text.trim().replace(/^\$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Cents as a plain dollar figure for an input field. @example centsToInput(1250) // '12.50' */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
