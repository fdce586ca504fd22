/** A random idempotency key (a UUID), also where `crypto.randomUUID` is missing (plain-HTTP origins). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The reference shown for a ticket recorded offline, until the server gives it a number.
 * It cannot be mistaken for a ticket number (those start with `PS-`).
 * @example provisionalRef('3f9a1c2e-…') // 'OFF-3F9A1C'
 */
export function provisionalRef(key: string): string {
  return `OFF-${key.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}
