import { formatCents } from '../../../shared/format.js';
import type { Ticket } from '../../../shared/tickets.js';
import { formatDateTime } from './time.js';

/**
 * Handing a ticket or receipt to the driver through the phone's share sheet (Web Share): the words,
 * a link when there is one, and the QR code as a PNG where the phone can share files.
 */

/** What is handed over: words, an optional link, and the text the QR image encodes. */
export type Handoff = { title: string; text: string; url?: string | undefined; qr?: { text: string; fileName: string } | undefined };

/** True where the browser has a share sheet (navigator.share); the Share button is hidden elsewhere. */
export function webShareAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}

type Clock = { timeZone: string; locale: string };

/**
 * A ticket in words for the driver.
 * @example ticketShareText(ticket, { timeZone: 'UTC', locale: 'en-US' }) // 'Parking ticket PS-7K3QXM · ABC 123 · in at Nov 23, 12:00 PM'
 */
export function ticketShareText(t: Pick<Ticket, 'ticketNumber' | 'licensePlate' | 'entryTime'>, clock: Clock): string {
  return `Parking ticket ${t.ticketNumber} · ${t.licensePlate} · in at ${formatDateTime(t.entryTime, clock.timeZone, clock.locale)}`;
}

/**
 * A paid ticket's receipt in words for the driver.
 * @example receiptShareText(ticket, clock) // 'Parking receipt PS-7K3QXM · ABC 123 · paid $15.00 (Cash) · out at Nov 23, 1:30 PM'
 */
export function receiptShareText(t: Ticket, clock: Clock): string {
  const out = t.exitTime ? ` · out at ${formatDateTime(t.exitTime, clock.timeZone, clock.locale)}` : '';
  const refunded = t.refundedCents > 0 ? ` · refunded ${formatCents(t.refundedCents)}` : '';
  return `Parking receipt ${t.ticketNumber} · ${t.licensePlate} · paid ${formatCents(t.amountPaid ?? 0)}${t.paymentMethod ? ` (${t.paymentMethod})` : ''}${refunded}${out}`;
}

/** A QR code of `text` as a PNG file (white quiet zone, 8 px a module); null where the browser cannot draw one. */
export async function qrPngFile(text: string, fileName: string): Promise<File | null> {
  const { encode } = await import('uqr');
  const qr = encode(text, { ecc: 'M', border: 2 });
  const scale = 8;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = qr.size * scale;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && context.fillRect(x * scale, y * scale, scale, scale)));
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new File([blob], fileName, { type: 'image/png' }) : null;
}

/** What goes to navigator.share: the words and link, with the QR image when the phone can share that file. */
export function shareDataOf(h: Handoff, qrFile: File | null): ShareData {
  const data: ShareData = { title: h.title, text: h.text };
  if (h.url) data.url = h.url;
  if (qrFile && typeof navigator.canShare === 'function' && navigator.canShare({ files: [qrFile] })) data.files = [qrFile];
  return data;
}

/**
 * Opens the share sheet. 'cancelled' when the person closed it (not a failure); any other refusal
 * is thrown for the screen to show.
 */
export async function shareHandoff(data: ShareData): Promise<'shared' | 'cancelled'> {
  try {
    await navigator.share(data);
    return 'shared';
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    throw error;
  }
}
