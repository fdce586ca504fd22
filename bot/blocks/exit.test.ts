import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '../../shared/tickets.js';
import { quoteFee } from '../../shared/fee.js';
import { applyValidation } from '../../shared/pricing.js';
import { buildQuote, buildReceipt, PAY_ACTION_PREFIX, readPayChoice } from './exit.js';
import { activeTicket, completedTicket } from './fixtures.js';

const tz = 'America/New_York';
const fee = quoteFee(new Date(activeTicket.entryTime), new Date('2026-11-23T16:35:00.000Z'), { hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null });

describe('buildQuote', () => {
  const quote = buildQuote(activeTicket, fee, tz);
  const actions = quote.blocks.find((b) => b.type === 'actions');

  it('is only for the person who asked, with the amount due and its breakdown', () => {
    expect(quote.response_type).toBe('ephemeral');
    expect(quote.text).toBe('PS-7K3QXM (ABC 123): $30.00 due — choose how it is paid');
    expect(JSON.stringify(quote.blocks)).toContain('3 h × $10.00/h = $30.00');
    expect(JSON.stringify(quote.blocks)).toContain('2 h 30 min');
  });

  it('has one button per payment method, each carrying the ticket and the method', () => {
    expect(actions?.type).toBe('actions');
    const elements = actions && actions.type === 'actions' ? actions.elements : [];
    expect(elements.map((e) => (e.type === 'button' ? e.text.text : null))).toEqual([...PAYMENT_METHODS]);
    const choices = elements.map((e) => (e.type === 'button' ? readPayChoice(e.value) : null));
    expect(choices).toEqual(PAYMENT_METHODS.map((paymentMethod) => ({ ticketNumber: 'PS-7K3QXM', paymentMethod })));
    for (const e of elements) expect(e.action_id?.startsWith(PAY_ACTION_PREFIX)).toBe(true);
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(PAYMENT_METHODS.length);
  });
});

describe('buildQuote with a validation', () => {
  const validated = applyValidation(fee, { code: 'CINEMA5', merchant: 'Cinema', kind: 'amount', value: 500 }, () => 0);
  const quote = buildQuote(activeTicket, validated, tz, 4);

  it('shows the validated amount and the validation line in words', () => {
    expect(quote.text).toBe('PS-7K3QXM (ABC 123): $25.00 due — choose how it is paid');
    expect(JSON.stringify(quote.blocks)).toContain('Validated by Cinema (CINEMA5): −$5.00');
  });

  it('carries the code in every button, so the click charges what the quote showed', () => {
    const actions = quote.blocks.find((b) => b.type === 'actions');
    const elements = actions && actions.type === 'actions' ? actions.elements : [];
    expect(elements.map((e) => (e.type === 'button' ? readPayChoice(e.value) : null))).toEqual(
      PAYMENT_METHODS.map((paymentMethod) => ({ ticketNumber: 'PS-7K3QXM', paymentMethod, garageId: 4, validationCode: 'CINEMA5' })),
    );
  });

  it.each(['C', 'CINEMA_5', 'A'.repeat(33)])('a button whose code is no code (%j) is not one ParkOps made', (code) => {
    expect(readPayChoice(JSON.stringify({ ticketNumber: 'PS-7K3QXM', paymentMethod: 'Cash', validationCode: code }))).toBeNull();
  });
});

describe('buildQuote in a garage', () => {
  it("carries the ticket's garage in every button, so a click completes it there", () => {
    const actions = buildQuote(activeTicket, fee, tz, 4).blocks.find((b) => b.type === 'actions');
    const elements = actions && actions.type === 'actions' ? actions.elements : [];
    expect(elements.map((e) => (e.type === 'button' ? readPayChoice(e.value) : null))).toEqual(
      PAYMENT_METHODS.map((paymentMethod) => ({ ticketNumber: 'PS-7K3QXM', paymentMethod, garageId: 4 })),
    );
  });
});

describe('readPayChoice', () => {
  it.each([
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Cash"}', { ticketNumber: 'PS-7K3QXM', paymentMethod: 'Cash' }],
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Cash","garageId":2}', { ticketNumber: 'PS-7K3QXM', paymentMethod: 'Cash', garageId: 2 }],
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Cash","garageId":0}', null],
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Cash","garageId":2147483648}', null],
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Cash","garageId":"2"}', null],
    ['{"ticketNumber":"PS-7K3QXM","paymentMethod":"Gold"}', null],
    ['{"ticketNumber":"7K3QXM","paymentMethod":"Cash"}', null],
    ['{"paymentMethod":"Cash"}', null],
    ['not json', null],
    ['', null],
    [undefined, null],
  ])('%j -> %j', (value, expected) => expect(readPayChoice(value)).toEqual(expected));
});

describe('buildReceipt', () => {
  it('in the channel by default: total, method, times, duration and breakdown', () => {
    const receipt = buildReceipt(completedTicket, tz);
    expect(receipt.response_type).toBe('in_channel');
    expect(receipt.replace_original).toBeUndefined();
    expect(receipt.text).toBe('Receipt PS-7K3QXM (ABC 123): $30.00 paid by Credit Card');
    for (const part of ['Paid $30.00', 'Credit Card', 'Mon 23 Nov 09:05', 'Mon 23 Nov 11:35', '2 h 30 min', '3 h × $10.00/h = $30.00']) {
      expect(JSON.stringify(receipt.blocks)).toContain(part);
    }
  });

  it.each([
    [{ kind: 'link' as const, url: 'https://parkops.example.com/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p' }, '<https://parkops.example.com/r/4mJ0c3xkQ2m9a1b2c3d4eQ.Zx8yW7vU6tS5rQ4p>'],
    [{ kind: 'no_public_url' as const }, 'set PUBLIC_URL'],
    [{ kind: 'failed' as const, ticketNumber: 'PS-7K3QXM' }, '`/park-north receipt PS-7K3QXM` gives it'],
  ])('carries a line about the driver\'s link: %j', (driverLink, part) => {
    const receipt = buildReceipt(completedTicket, tz, { driverLink, command: '/park-north' });
    const last = receipt.blocks.at(-1);
    expect(last?.type).toBe('context');
    expect(JSON.stringify(last)).toContain(part);
  });

  it('without a driver link given, no line about one', () => {
    expect(JSON.stringify(buildReceipt(completedTicket, tz).blocks)).not.toContain('Receipt link');
  });

  it('replacing a quote, for the clicker, with a note', () => {
    const receipt = buildReceipt(completedTicket, tz, { visibility: 'ephemeral', replaceOriginal: true, note: 'Already paid' });
    expect(receipt).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(receipt.blocks)).toContain('Already paid');
  });
});
