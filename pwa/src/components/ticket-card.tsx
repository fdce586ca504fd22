import { QrCode } from './qr-code.js';
import { garageTimeZone } from '../lib/garage.js';
import { provisionalRef } from '../lib/ids.js';
import type { OutboxItem } from '../lib/local-store.js';
import { formatDateTime, formatTime } from '../lib/time.js';

type EntryItem = Extract<OutboxItem, { kind: 'entry' }>;

/**
 * The ticket for a car that came in: its number and QR code once the server has it; recorded
 * offline, a provisional reference and a plain statement that the number comes later.
 */
export function TicketCard({ item }: { item: EntryItem }) {
  const tz = garageTimeZone.value;
  const ticket = item.ticket;
  if (ticket) {
    return (
      <article class="ticket-card" aria-labelledby={`t-${item.key}`}>
        <p class="eyebrow">Ticket</p>
        <h2 id={`t-${item.key}`} class="ticket-number" data-testid="ticket-number">
          {ticket.ticketNumber}
        </h2>
        <QrCode text={ticket.ticketNumber} />
        <dl class="facts">
          <dt>Plate</dt>
          <dd>{ticket.licensePlate}</dd>
          <dt>Vehicle</dt>
          <dd>{ticket.vehicleType}</dd>
          <dt>In at</dt>
          <dd>
            <time dateTime={ticket.entryTime}>{formatDateTime(ticket.entryTime, tz)}</time>
          </dd>
        </dl>
        {item.attempts > 1 && <p class="note">Recorded offline at {formatTime(item.createdAt, tz)}; the server gave it this number when the phone reconnected.</p>}
      </article>
    );
  }
  const ref = provisionalRef(item.key);
  return (
    <article class="ticket-card provisional" aria-labelledby={`t-${item.key}`}>
      <p class="eyebrow">Provisional reference — not a ticket number yet</p>
      <h2 id={`t-${item.key}`} class="ticket-number" data-testid="provisional-ref">
        {ref}
      </h2>
      <dl class="facts">
        <dt>Plate</dt>
        <dd>{item.body.licensePlate.toUpperCase()}</dd>
        <dt>Vehicle</dt>
        <dd>{item.body.vehicleType}</dd>
        <dt>In at</dt>
        <dd>
          <time dateTime={item.body.entryTime}>{formatDateTime(item.body.entryTime, tz)}</time>
        </dd>
      </dl>
      {item.state === 'refused' ? (
        <p class="error" role="alert">
          The server refused this entry: {item.error?.message}
        </p>
      ) : (
        <p class="note" role="status">
          Recorded offline on this phone. The ticket number and its QR code appear here as soon as the server is
          reached; until then write {ref} on the ticket.
        </p>
      )}
    </article>
  );
}
