import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { receiptUrl } from './receipt-link.js';
import { receiptShareText, shareDataOf, ticketShareText } from './share.js';

const clock = { timeZone: 'UTC', locale: 'en-US' };

describe('words handed to the driver', () => {
  it.each([
    ['a ticket', ticketShareText(fixture.activeTicket(), clock), 'Parking ticket PS-7K3QXM · ABC 123 · in at Nov 23, 12:00 PM'],
    ['a ticket, on the garage clock', ticketShareText(fixture.activeTicket(), { timeZone: 'America/New_York', locale: 'en-US' }), 'Parking ticket PS-7K3QXM · ABC 123 · in at Nov 23, 7:00 AM'],
    ['a receipt', receiptShareText(fixture.completedTicket({ paymentMethod: 'Mobile' }), clock), 'Parking receipt PS-7K3QXM · ABC 123 · paid $20.00 (Mobile) · out at Nov 23, 1:30 PM'],
    ['a receipt with a refund', receiptShareText(fixture.completedTicket({ refundedCents: 500 }), clock), 'Parking receipt PS-7K3QXM · ABC 123 · paid $20.00 (Cash) · refunded $5.00 · out at Nov 23, 1:30 PM'],
  ])('%s', (_, words, expected) => {
    expect(words).toBe(expected);
  });

  it('sends the link when there is one, and no file without one', () => {
    expect(shareDataOf({ title: 'T', text: 'x', url: 'https://garage.example/r/abc' }, null)).toEqual({ title: 'T', text: 'x', url: 'https://garage.example/r/abc' });
    expect(shareDataOf({ title: 'T', text: 'x' }, null)).toEqual({ title: 'T', text: 'x' });
  });

  it('a receipt link is whole, on the origin the app runs on', () => {
    expect(receiptUrl({ path: '/r/abc.def' }, 'https://garage.example')).toBe('https://garage.example/r/abc.def');
    expect(receiptUrl({ path: '/r/abc.def' })).toBe('http://localhost:5001/r/abc.def');
  });
});
