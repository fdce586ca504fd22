import { describe, expect, it } from 'vitest';
import { quoteFee } from '../../shared/fee.js';
import { activeTicket, completedTicket } from './fixtures.js';
import { buildEntryCard, buildTicketStatus } from './ticket.js';

const tz = 'America/New_York';
const all = (reply: unknown) => JSON.stringify(reply);

describe('buildEntryCard', () => {
  it('shows the ticket number, plate, type, local time and occupancy in the channel', () => {
    const card = buildEntryCard(activeTicket, { occupied: 87, total: 140 }, tz);
    expect(card.response_type).toBe('in_channel');
    expect(card.text).toBe('Ticket PS-7K3QXM for ABC 123 (SUV) at Mon 23 Nov 09:05 — 87/140');
    for (const part of ['PS-7K3QXM', 'ABC 123', 'SUV', 'Mon 23 Nov 09:05', '87/140', '$10.00/h']) expect(all(card.blocks)).toContain(part);
  });

  it("names the garage in the notification text, so a channel's members see where the car went", () => {
    expect(buildEntryCard(activeTicket, { occupied: 3, total: 7 }, tz, 'South').text).toBe('Ticket PS-7K3QXM for ABC 123 (SUV) at Mon 23 Nov 09:05 — South 3/7');
  });
});

describe('buildTicketStatus', () => {
  it.each([
    ['an active ticket', 90, ['is parked', '1 h 30 min', '$20.00', '2 h × $10.00/h = $20.00']],
    ['an active ticket just in', 0, ['is parked', '0 min', '$10.00']],
  ])('%s: time parked and amount due now', (_name, minutes, parts) => {
    const fee = quoteFee(new Date(activeTicket.entryTime), new Date(Date.parse(activeTicket.entryTime) + minutes * 60_000), {
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: null,
    });
    const reply = buildTicketStatus(activeTicket, fee, tz);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of parts) expect(all(reply)).toContain(part);
  });

  it('a completed ticket: when it left and what it paid', () => {
    const reply = buildTicketStatus(completedTicket, null, tz);
    for (const part of ['has left', 'Mon 23 Nov 11:35', '2 h 30 min', '$30.00 (Credit Card)']) expect(all(reply)).toContain(part);
    expect(all(reply)).not.toContain('Due now');
  });
});
