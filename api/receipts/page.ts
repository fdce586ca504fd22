import { createHash } from 'node:crypto';
import { feeLineWords } from '../../shared/fee-lines.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { dateTimeFormat } from '../../shared/intl.js';
import type { LinkedReceipt } from './queries.js';

/**
 * The receipt page a link shows: one self-contained HTML document (no script, no image, no link
 * anywhere, no font or file to fetch), with its one inline stylesheet allowed by hash. The page for a
 * link that does not work is one constant document, whatever the reason.
 */

/** The locale receipts are written in (garages have no locale setting yet; the app's default). */
export const RECEIPT_LOCALE = 'en-US';

const STYLE = `
body { font: 16px/1.45 system-ui, sans-serif; margin: 0; padding: 1rem; background: #fff; color: #111; }
main { max-width: 24rem; margin: auto; }
h1 { font-size: 1.1rem; margin: 0 0 .25rem; }
.ticket { font: 700 1.5rem/1.2 ui-monospace, monospace; margin: .25rem 0 1rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { color: #444; }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.total { border-top: 2px solid #111; padding-top: .5rem; font-weight: 700; }
.small { color: #444; font-size: .875rem; }
@media print { body { padding: 0; } main { max-width: none; } }
`;

/** The Content-Security-Policy of the receipt pages: nothing may load or run, only the inline stylesheet above. */
export const RECEIPT_PAGE_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** Date and time on the garage's clock, e.g. `Nov 23, 2026, 2:05 PM`. */
function when(at: Date | string, timeZone: string): string {
  const format = dateTimeFormat(RECEIPT_LOCALE, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  return format.format(new Date(at)).replace(/[\u202f\u00a0]/g, ' ');
}

const row = (name: string, value: string, cls = '') => `<dt${cls ? ` class="${cls}"` : ''}>${escapeHtml(name)}</dt><dd${cls ? ` class="${cls}"` : ''}>${escapeHtml(value)}</dd>`;

/** A fee line in words split into what it is and its amount (after the last ": "). */
function lineRow(words: string): string {
  const at = words.lastIndexOf(': ');
  return at < 0 ? row(words, '') : row(words.slice(0, at), words.slice(at + 2));
}

/**
 * The receipt of a paid ticket as a page: the garage, ticket number, plate, times in the garage's
 * timezone, the fee line by line, what was paid and how, and every refund since.
 */
export function receiptPage(r: LinkedReceipt): string {
  const tz = r.timezone;
  const facts = [
    row('Plate', r.licensePlate),
    row('Vehicle', r.vehicleType),
    row('In', when(r.entryTime, tz)),
    row('Out', when(r.exitTime, tz)),
    row('Stay', formatDuration(r.durationMinutes)),
  ].join('\n');
  const lines = (r.feeBreakdown?.lines ?? []).map((line) => lineRow(feeLineWords(line, tz))).join('\n');
  const refunded = r.refunds.reduce((sum, x) => sum + x.cents, 0);
  const refunds = r.refunds.map((x) => row(`Refunded ${when(x.at, tz)} (${x.method})`, `−${formatCents(x.cents)}`)).join('\n');
  const money = [
    lines,
    row(`Paid${r.paymentMethod ? ` · ${r.paymentMethod}` : ''}${r.lostTicket ? ' · Lost ticket' : ''}`, formatCents(r.amountPaid), 'total'),
    refunds,
    refunded > 0 ? row('Kept', formatCents(r.amountPaid - refunded), 'total') : '',
  ]
    .filter(Boolean)
    .join('\n');
  return document(
    `Receipt ${r.ticketNumber} — ${r.garageName}`,
    `<h1>${escapeHtml(r.garageName)}</h1>
<p class="small">Parking receipt</p>
<p class="ticket">${escapeHtml(r.ticketNumber)}</p>
<dl>
${facts}
</dl>
<dl>
${money}
</dl>
<p class="small">Times are the garage's local time (${escapeHtml(tz)}).</p>`,
  );
}

/** The one page for a link that does not work (never made, revoked, altered, or not a link at all). */
export const RECEIPT_NOT_FOUND_PAGE = document(
  'Receipt not found',
  `<h1>Receipt not found</h1>
<p>This receipt link does not work. It may have been typed wrongly or withdrawn by the garage. Ask the garage for a new one.</p>`,
);
