import { useRef } from 'preact/hooks';
import { HandoffActions } from './handoff.js';
import { QrCode } from './qr-code.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import { serverNow } from '../lib/clock.js';
import { provisionalRef } from '../lib/ids.js';
import type { OutboxItem } from '../lib/local-store.js';
import { ticketShareText } from '../lib/share.js';
import { ticketKindWords } from '../lib/ticket-kind-words.js';
import { formatDateTime, formatTime } from '../lib/time.js';

type EntryItem = Extract<OutboxItem, { kind: 'entry' }>;

/** Plate, vehicle and time in, side by side (one short block, so "Next car" stays in reach). */
function Facts({ plate, vehicle, at }: { plate: string; vehicle: string; at: string }) {
  return (
    <dl class="facts-row">
      <div>
        <dt>Plate</dt>
        <dd>{plate}</dd>
      </div>
      <div>
        <dt>Vehicle</dt>
        <dd>{vehicle}</dd>
      </div>
      <div>
        <dt>In at</dt>
        <dd>
          <time dateTime={at}>{formatDateTime(at, garageTimeZone.value, garageLocale.value)}</time>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The ticket for a car that came in: its number and QR code once the server has it (and whether it
 * is a monthly parker's or a booked car's); recorded offline, a provisional reference and a plain
 * statement that the number comes later. A ticket can be shared (words and its QR image) and printed.
 */
export function TicketCard({ item }: { item: EntryItem }) {
  const ticket = item.ticket;
  const card = useRef<HTMLElement>(null);
  if (ticket) {
    const kind = ticketKindWords(ticket, { timeZone: garageTimeZone.value, locale: garageLocale.value, now: serverNow() });
    return (
      <article class="ticket-card" aria-labelledby={`t-${item.key}`} ref={card}>
        <p class="eyebrow">Ticket</p>
        <h2 id={`t-${item.key}`} class="ticket-number" data-testid="ticket-number">
          {ticket.ticketNumber}
        </h2>
        <QrCode text={ticket.ticketNumber} />
        {kind && (
          <p class="kind-line" data-testid="ticket-kind">
            {kind}
          </p>
        )}
        <Facts plate={ticket.licensePlate} vehicle={ticket.vehicleType} at={ticket.entryTime} />
        {item.attempts > 1 && (
          <p class="note">Recorded offline at {formatTime(item.createdAt, garageTimeZone.value, garageLocale.value)}; the server gave it this number when the phone reconnected.</p>
        )}
        <HandoffActions
          target={card}
          handoff={{
            title: `Parking ticket ${ticket.ticketNumber}`,
            text: ticketShareText(ticket, { timeZone: garageTimeZone.value, locale: garageLocale.value }),
            qr: { text: ticket.ticketNumber, fileName: `${ticket.ticketNumber}.png` },
          }}
        />
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
      <Facts plate={item.body.licensePlate.toUpperCase()} vehicle={item.body.vehicleType} at={item.body.entryTime} />
      {item.state === 'refused' ? (
        <p class="error" role="alert">
          The server refused this entry: {item.error?.message}
        </p>
      ) : (
        <p class="note" role="status">
          Recorded offline on this phone. Write {ref} on the ticket; its number comes once the server is reached.
        </p>
      )}
    </article>
  );
}
