import { signal } from '@preact/signals';

/** How far the server's clock runs ahead of this phone's, learned from the `Date` of answers. */
export const serverOffsetMs = signal(0);

/** Updates the offset from an answer's `Date` header (1 s resolution; ignored when absent). */
export function learnServerTime(dateHeader: string | null, receivedAt: number): void {
  if (!dateHeader) return;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return;
  // The header is truncated to the second: add half a second so the estimate is centred.
  serverOffsetMs.value = server + 500 - receivedAt;
}

/** Now, by the server's clock as best this phone knows it; offline entries are dated with it. */
export function serverNow(): Date {
  return new Date(Date.now() + serverOffsetMs.value);
}
