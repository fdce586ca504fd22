import { describe, expect, it } from 'vitest';
import { Ticket } from '../../shared/tickets.js';
import { parkerWords, prepaidNote, windowWords } from './booking-words.js';
import { activeTicket } from './fixtures.js';

const tz = 'America/New_York';
const permitTicket = Ticket.parse({ ...activeTicket, kind: 'permit', permit: { id: 3, holder: 'Acme Corp', validTo: '2027-01-01T05:00:00.000Z' } });
const reserved = (prepaidCents: number, startsAt = '2026-11-23T13:00:00.000Z', endsAt = '2026-11-23T23:00:00.000Z') =>
  Ticket.parse({ ...activeTicket, kind: 'reservation', reservation: { id: 12, startsAt, endsAt, prepaidCents } });

describe('parkerWords (the entry card and find)', () => {
  it.each([
    ['a transient car', activeTicket, null],
    ['a monthly parker', permitTicket, 'Monthly parker — Acme Corp until 31 Dec'],
    ['a prepaid booking', reserved(2000), 'Reserved 08:00–18:00, prepaid $20.00'],
    ['a booking not prepaid', reserved(0), 'Reserved 08:00–18:00, not prepaid'],
    ['a booking into the next day', reserved(1500, '2026-11-23T23:00:00.000Z', '2026-11-24T11:00:00.000Z'), 'Reserved 18:00–Tue 24 Nov 06:00, prepaid $15.00'],
  ])('%s', (_name, ticket, words) => expect(parkerWords(ticket, tz)).toBe(words));
});

describe('windowWords', () => {
  it('says the day of a window that is not on the day it is seen from', () => {
    expect(windowWords('2026-11-25T13:00:00.000Z', '2026-11-25T23:00:00.000Z', new Date('2026-11-23T15:00:00.000Z'), tz)).toBe('Wed 25 Nov 08:00–18:00');
  });
});

describe('prepaidNote (exit quote and receipt)', () => {
  it.each([
    ['a quote', reserved(2000), 1000, 'quote' as const, 'Prepaid $20.00 with the booking: collect only the balance, $10.00.'],
    ['a receipt', reserved(2000), 0, 'receipt' as const, 'Prepaid $20.00 with the booking; $0.00 collected at the exit (the balance).'],
    ['a booking not prepaid', reserved(0), 3000, 'quote' as const, null],
    ['a transient car', activeTicket, 3000, 'quote' as const, null],
  ])('%s', (_name, ticket, balance, at, note) => expect(prepaidNote(ticket, balance, at)).toBe(note));
});
