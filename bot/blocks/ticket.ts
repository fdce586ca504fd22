import type { FeeBreakdown, Ticket } from '../../shared/tickets.js';
import { parkerWords, prepaidNote } from './booking-words.js';
import { describeFee } from './fee.js';
import { formatDateTime } from './format.js';
import { formatCents, formatDuration } from '../../shared/format.js';
import { context, escapeText, fields, section, type Block, type Reply } from './reply.js';

/** A context line for a note, when there is one. */
const notes = (note: string | null): Block[] => (note ? [context(note)] : []);

/** The line that says a car is a permit holder or booked, if it is one. */
function parkerLine(ticket: Ticket, timeZone: string): Block[] {
  const words = parkerWords(ticket, timeZone);
  return words ? [section(`:bookmark: ${escapeText(words)}`)] : [];
}

/** Occupancy as people read it: `87/140`. */
export type Occupancy = { occupied: number; total: number };

/**
 * The in-channel card for a new ticket: number, plate, type, time in and occupancy (of `garage`,
 * named in the notification text when given), and whether the car is a monthly parker or booked.
 */
export function buildEntryCard(ticket: Ticket, occupancy: Occupancy, timeZone: string, garage?: string): Reply {
  const at = formatDateTime(ticket.entryTime, timeZone);
  const parker = parkerWords(ticket, timeZone);
  return {
    response_type: 'in_channel',
    text: `Ticket ${ticket.ticketNumber} for ${ticket.licensePlate} (${ticket.vehicleType}) at ${at} — ${garage ? `${garage} ` : ''}${occupancy.occupied}/${occupancy.total}${parker ? ` — ${parker}` : ''}`,
    blocks: [
      section(`:ticket: *Ticket ${ticket.ticketNumber}* issued`),
      ...parkerLine(ticket, timeZone),
      fields([
        ['Plate', ticket.licensePlate],
        ['Vehicle', ticket.vehicleType],
        ['Entered', at],
        ['Occupancy', `${occupancy.occupied}/${occupancy.total}`],
      ]),
      context(`Rate ${formatCents(ticket.hourlyRate)}/h`),
    ],
  };
}

/**
 * What `find` answers: the ticket (a monthly parker's or a booked car's says so), how long the car
 * has been parked, and what it owes now (active: `fee` is the quote for leaving now; a prepaid booked
 * car's is the balance) or what it paid (completed).
 */
export function buildTicketStatus(ticket: Ticket, fee: FeeBreakdown | null, timeZone: string): Reply {
  const entered = formatDateTime(ticket.entryTime, timeZone);
  if (ticket.status === 'completed') {
    const paid = formatCents(ticket.amountPaid ?? 0);
    return {
      response_type: 'ephemeral',
      text: `${ticket.ticketNumber} (${ticket.licensePlate}) left ${ticket.exitTime ? formatDateTime(ticket.exitTime, timeZone) : ''}, paid ${paid}`,
      blocks: [
        section(`:white_check_mark: *${ticket.ticketNumber}* — ${ticket.licensePlate} has left`),
        ...parkerLine(ticket, timeZone),
        fields([
          ['Vehicle', ticket.vehicleType],
          ['Entered', entered],
          ['Left', ticket.exitTime ? formatDateTime(ticket.exitTime, timeZone) : '—'],
          ['Parked', formatDuration(ticket.durationMinutes ?? 0)],
          ['Paid', `${paid} (${ticket.paymentMethod ?? '—'})`],
        ]),
        ...notes(prepaidNote(ticket, ticket.amountPaid ?? 0, 'receipt')),
      ],
    };
  }
  const due = formatCents(fee?.totalCents ?? ticket.amountDue ?? 0);
  const parked = formatDuration(fee?.durationMinutes ?? 0);
  return {
    response_type: 'ephemeral',
    text: `${ticket.ticketNumber} (${ticket.licensePlate}) parked ${parked}, ${due} due`,
    blocks: [
      section(`:car: *${ticket.ticketNumber}* — ${ticket.licensePlate} is parked`),
      ...parkerLine(ticket, timeZone),
      fields([
        ['Vehicle', ticket.vehicleType],
        ['Entered', entered],
        ['Parked', parked],
        ['Due now', due],
      ]),
      ...(fee ? [context(describeFee(fee, timeZone))] : []),
      ...notes(prepaidNote(ticket, fee?.totalCents ?? ticket.amountDue ?? 0, 'quote')),
    ],
  };
}
