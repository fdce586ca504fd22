/** A plate as shown (uppercased, as typed) and as matched (normalized). */
export type Plate = { display: string; normalized: string };

const NORMALIZED = /^[A-Z0-9]{2,10}$/;

/**
 * Normalizes a licence plate for matching: uppercase, spaces and dashes removed, 2..10 of A-Z 0-9.
 * Returns null when what is left is not a plate.
 * @example normalizePlate(' ab-12 3') // 'AB123'
 */
export function normalizePlate(input: string): string | null {
  const normalized = input.toUpperCase().replace(/[\s-]+/g, '');
  return NORMALIZED.test(normalized) ? normalized : null;
}

/**
 * Reads a typed plate into its shown and matched forms, or null when it is not a plate.
 * @example readPlate('ab-123') // { display: 'AB-123', normalized: 'AB123' }
 */
export function readPlate(input: string): Plate | null {
  const normalized = normalizePlate(input);
  if (normalized === null) return null;
  return { display: input.trim().replace(/\s+/g, ' ').toUpperCase(), normalized };
}
