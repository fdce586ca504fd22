import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmount } from './parse-corrections.js';
import { readCents } from './parse-words.js';
import { parseParkCommand } from './parse.js';

describe('parseParkCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  Help  ', { kind: 'help' }],
    ['stats', { kind: 'stats' }],
    ['rates', { kind: 'rates' }],
    ['RATES', { kind: 'rates' }],
    ['STATS', { kind: 'stats' }],
    ['payments', { kind: 'payments' }],
    ['shift', { kind: 'shift' }],
    ['SHIFT', { kind: 'shift' }],
    ['report', { kind: 'report', date: null }],
    ['report 2026-11-23', { kind: 'report', date: '2026-11-23' }],
    ['link', { kind: 'link', garage: null }],
    ['LINK  North   Side ', { kind: 'link', garage: 'North Side' }],
    ['link 2', { kind: 'link', garage: '2' }],
    ['approvals', { kind: 'approvals' }],
    ['APPROVALS', { kind: 'approvals' }],
    ['dance', { kind: 'help', notUnderstood: 'dance' }],
    ['enterr ABC123', { kind: 'help', notUnderstood: 'enterr ABC123' }],
  ])('%j', (text, expected) => {
    expect(parseParkCommand(text)).toEqual(expected);
  });

  it.each([
    ['enter abc123', 'ABC123', 'ABC123', 'Car'],
    ['enter ABC 123', 'ABC 123', 'ABC123', 'Car'],
    ['enter abc-123 suv', 'ABC-123', 'ABC123', 'SUV'],
    ['enter  ab 12  motorcycle', 'AB 12', 'AB12', 'Motorcycle'],
    ['enter XY99 TRUCK', 'XY99', 'XY99', 'Truck'],
    ['enter van', 'VAN', 'VAN', 'Car'], // a lone word is the plate, not a type
  ])('%j enters plate %s (%s) as %s', (text, display, normalized, vehicleType) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'enter', plate: { display, normalized }, vehicleType });
  });

  it.each([
    ['enter', /Which plate\?/],
    ['enter suv!', /is not a licence plate/],
    ['enter A', /is not a licence plate/],
    ['exit', /Which car\?/],
    ['exit cash', null], // a plate called CASH: read as a target, not as a method alone
    ['exit ***', /neither a ticket number/],
    ['find', /Find what\?/],
    ['find ???', /neither a ticket number/],
    ['report yesterday', /not a date; write it as YYYY-MM-DD/],
    ['report 2026-02-30', /not a date/],
    ['report 2026-11-23 extra', /not a date/],
    [`link ${'n'.repeat(81)}`, /at most 80 characters/],
  ])('%j is refused with a message saying what to type', (text, message) => {
    const parsed = parseParkCommand(text);
    if (message === null) expect(parsed.kind).not.toBe('invalid');
    else expect(parsed).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });

  it.each([
    ['exit PS-7K3QXM', { ticketNumber: 'PS-7K3QXM', plate: null }, null],
    ['exit ps-7k3qxm cash', { ticketNumber: 'PS-7K3QXM', plate: null }, 'Cash'],
    ['exit ABC 123 credit card', { ticketNumber: 'PS-ABC123', plate: { display: 'ABC 123', normalized: 'ABC123' } }, 'Credit Card'],
    ['exit ABC 123 debit', { ticketNumber: 'PS-ABC123', plate: { display: 'ABC 123', normalized: 'ABC123' } }, 'Debit Card'],
    ['exit XY-99 MOBILE', { ticketNumber: null, plate: { display: 'XY-99', normalized: 'XY99' } }, 'Mobile'],
    ['exit XY 99 card', { ticketNumber: null, plate: { display: 'XY 99 CARD', normalized: 'XY99CARD' } }, null],
  ])('%j', (text, target, paymentMethod) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'exit', target: expect.objectContaining(target), paymentMethod });
  });

  it('uses the command as typed in its examples', () => {
    expect(parseParkCommand('enter', '/park-test')).toEqual({ kind: 'invalid', message: expect.stringContaining('`/park-test enter ABC 123`') });
  });

  const ticket = { ticketNumber: 'PS-7K3QXM', plate: null };
  const abc = { ticketNumber: 'PS-ABC123', plate: { display: 'ABC 123', normalized: 'ABC123' } };

  it.each([
    ['void PS-7K3QXM duplicate', ticket, 'duplicate', null],
    ['void ps-7k3qxm DUPLICATE', ticket, 'duplicate', null],
    ['void ABC 123 wrong plate', abc, 'wrong_plate', null],
    ['void ABC 123 wrong_plate typed ABC 128', abc, 'wrong_plate', 'typed ABC 128'],
    ['void ABC 123 Wrong Plate', abc, 'wrong_plate', null],
    ['void PS-7K3QXM drove away', ticket, 'drove_away', null],
    ['void PS-7K3QXM drove-away without a word', ticket, 'drove_away', 'without a word'],
    ['void PS-7K3QXM drove away without paying', ticket, 'drove_away', null], // the reason's own words
    ['void PS-7K3QXM test', ticket, 'test', null],
    ['void PS-7K3QXM other car towed before entry', ticket, 'other', 'car towed before entry'],
    ['void TEST 12 test', { ticketNumber: 'PS-TEST12', plate: { display: 'TEST 12', normalized: 'TEST12' } }, 'test', null], // a plate with a reason word in it
  ])('%j', (text, target, reason, note) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'void', target: expect.objectContaining(target), reason, note });
  });

  it.each([
    ['refund PS-7K3QXM 5.00 wrong rate', 500, 'wrong_rate', null],
    ['refund PS-7K3QXM $5 overcharged', 500, 'overcharged', null],
    ['refund ps-7k3qxm $12.5 double charged twice by the card reader', 1250, 'double_charged', 'twice by the card reader'],
    ['refund PS-7K3QXM 0.01 charged twice', 1, 'double_charged', null],
    ['refund PS-7K3QXM 20 service_issue', 2000, 'service_issue', null],
    ['refund PS-7K3QXM 3 GOODWILL regular customer', 300, 'goodwill', 'regular customer'],
    ['refund PS-7K3QXM 1 other barrier hit the car', 100, 'other', 'barrier hit the car'],
  ])('%j', (text, amountCents, reason, note) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'refund', ticketNumber: 'PS-7K3QXM', amountCents, reason, note });
  });

  it.each([
    ['exit ABC 123 cash lost', abc, 'Cash'],
    ['exit ABC 123 lost cash', abc, 'Cash'],
    ['exit PS-7K3QXM credit card LOST', ticket, 'Credit Card'],
  ])('%j is a lost ticket', (text, target, paymentMethod) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'exit', target: expect.objectContaining(target), paymentMethod, lostTicket: true });
  });

  it.each([
    ['exit PS-7K3QXM cash CINEMA5', ticket, 'Cash', 'CINEMA5', undefined],
    ['exit ps-7k3qxm cash cinema-5', ticket, 'Cash', 'CINEMA-5', undefined],
    ['exit ABC 123 credit card XJ-2026-0042', abc, 'Credit Card', 'XJ-2026-0042', undefined],
    ['exit ABC 123 debit Z9', abc, 'Debit Card', 'Z9', undefined],
    ['exit ABC 123 cash lost CINEMA5', abc, 'Cash', 'CINEMA5', true],
    ['exit ABC 123 lost cash CINEMA5', abc, 'Cash', 'CINEMA5', true],
    ['exit PS-7K3QXM code CINEMA5', ticket, null, 'CINEMA5', undefined], // no method: the quote, validated
    ['exit ABC 123 Validation cinema5', abc, null, 'CINEMA5', undefined],
    ['exit PS-7K3QXM mobile code CASH', ticket, 'Mobile', 'CASH', undefined], // a code spelled like a method, marked
  ])('%j applies a validation code', (text, target, paymentMethod, validationCode, lostTicket) => {
    expect(parseParkCommand(text)).toEqual({
      kind: 'exit',
      target: expect.objectContaining(target),
      paymentMethod,
      validationCode,
      ...(lostTicket ? { lostTicket } : {}),
    });
  });

  it.each([
    ['exit ABC 123 debit card', abc, 'Debit Card'], // a two-word method, not the code CARD
    ['exit ABC 123 cash', abc, 'Cash'],
    ['exit ABC 123 credit', abc, 'Credit Card'],
    ['exit XY 99 card', { ticketNumber: null, plate: { display: 'XY 99 CARD', normalized: 'XY99CARD' } }, null], // no method before it: a plate
  ])('%j has no validation code', (text, target, paymentMethod) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'exit', target: expect.objectContaining(target), paymentMethod });
  });

  it.each([
    ['exit PS-7K3QXM cash C', /"C" is not a validation code: a code is 2 to 32 letters, digits or dashes/],
    ['exit PS-7K3QXM cash CINEMA_5', /"CINEMA_5" is not a validation code/],
    [`exit PS-7K3QXM cash ${'A'.repeat(33)}`, /is not a validation code/],
    ['exit PS-7K3QXM code ***', /"\*\*\*" is not a validation code/],
    ['exit code CINEMA5', /neither a ticket number/], // as with `lost`, two words stay a plate's
    ['exit ABC 123 lost code CINEMA5', /How is the lost ticket paid\?/],
  ])('%j is refused with a message saying what to type', (text, message) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });

  it.each([
    ['waive ABC 123 cash', abc, 'Cash'],
    ['waive PS-7K3QXM mobile', ticket, 'Mobile'],
    ['waive ABC 123 debit lost', abc, 'Debit Card'],
  ])('%j waives the lost-ticket fee', (text, target, paymentMethod) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'waive', target: expect.objectContaining(target), paymentMethod });
  });

  it.each([
    ['void', /Void which ticket, and why\?/],
    ['void PS-7K3QXM', /Why void it\?/],
    ['void PS-7K3QXM because', /Why void it\?/],
    ['void *** duplicate', /does not start with a ticket number/],
    ['void PS-7K3QXM other', /Say in a few words why, after "other"/],
    ['void PS-7K3QXM other ok', /Say in a few words why/],
    [`void PS-7K3QXM other ${'x'.repeat(501)}`, /at most 500 characters/],
    ['refund', /Refund which ticket/],
    ['refund ABC 123 5 goodwill', /A refund names the ticket number/],
    ['refund PS-7K3QXM', /How much\?/],
    ['refund PS-7K3QXM five goodwill', /How much\?/],
    ['refund PS-7K3QXM 0 goodwill', /How much\?/],
    ['refund PS-7K3QXM 5.001 goodwill', /How much\?/],
    ['refund PS-7K3QXM 100000000 goodwill', /How much\?/],
    ['refund PS-7K3QXM 5', /Why refund it\?/],
    ['refund PS-7K3QXM 5 duplicate', /Why refund it\?.*wrong rate, overcharged, double charged, service issue, goodwill, other/],
    ['refund PS-7K3QXM 5 other', /Say in a few words why/],
    ['exit ABC 123 lost', /How is the lost ticket paid\?/],
    ['exit lost', null], // a plate called LOST
    ['waive', /which car\?/],
    ['waive ABC 123', /How is the stay paid\?/],
  ])('%j is refused with a message saying what to type', (text, message) => {
    const parsed = parseParkCommand(text);
    if (message === null) expect(parsed.kind).not.toBe('invalid');
    else expect(parsed).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });

  it.each([
    ['5', 500],
    ['5.00', 500],
    ['$5', 500],
    ['$0.5', 50],
    ['12.34', 1234],
    ['10000000', 1_000_000_000],
    ['10000000.01', null],
    ['0', null],
    ['-5', null],
    ['5,00', null],
    ['$', null],
  ])('readAmount(%j) = %j', (text, cents) => {
    expect(readAmount(text)).toBe(cents);
  });

  it.each([
    ['0', 0], // a prepaid amount may be nothing; a refund's bound (at least a cent) is readAmount's
    ['20', 2000],
    ['$20.5', 2050],
    ['99999999.99', 9_999_999_999],
    ['100000000', null],
    ['1.234', null],
    ['twenty', null],
  ])('readCents(%j) = %j', (text, cents) => {
    expect(readCents(text)).toBe(cents);
  });

  it.each([
    ['receipt PS-7K3QXM', 'PS-7K3QXM', false],
    ['RECEIPT ps-7k3qxm', 'PS-7K3QXM', false],
    ['receipt ps-7k3qxo', 'PS-7K3QX0', false], // O read as 0, as everywhere a ticket number is typed
    ['receipt 7K3QXM', 'PS-7K3QXM', false],
    ['receipt revoke PS-7K3QXM', 'PS-7K3QXM', true],
    ['receipt PS-7K3QXM Revoke', 'PS-7K3QXM', true],
  ])('%j is the receipt link of %s (revoke: %s)', (text, ticketNumber, revoke) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'receipt', ticketNumber, revoke });
  });

  it.each([
    ['receipt', /^The receipt link of which ticket\? Try `\/park receipt PS-7K3QXM`/],
    ['receipt revoke', /^Revoke which ticket's receipt link\? Try `\/park receipt PS-7K3QXM`/],
    ['receipt ABC 1234', /^"ABC 1234" is not a ticket number: a receipt link names the ticket \(PS-7K3QXM\); `\/park find <plate>` finds it/],
    ['receipt PS-7K3QXM please', /is not a ticket number/],
    ['receipt revoke revoke', /"revoke" is not a ticket number/],
    [`receipt PS-${'7'.repeat(4000)}`, /^"PS-7{17}…" is not a ticket number/],
    ['receipt PS-7K3\u0000QXM', /^"PS-7K3\?QXM" is not a ticket number/],
  ])('%j is refused with a message saying what to type', (text, message) => {
    expect(parseParkCommand(text)).toEqual({ kind: 'invalid', message: expect.stringMatching(message) });
  });

  it('receipt: any text that is not one ticket number (too long, control characters, other words) is refused with what to type, never help or a guess', () => {
    const control = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)).filter((c) => !/\s/.test(c));
    const ticketish = fc.constantFrom('PS-7K3QXM', 'ps-7k3qxm', '7K3QXM', 'PS-7K3Q', 'revoke', 'receipt', 'cash');
    const bad = fc.oneof(
      fc.string({ minLength: 21, maxLength: 4000 }).filter((t) => !/\s/.test(t)), // one word, too long
      fc.tuple(ticketish, control, ticketish).map(([a, c, b]) => `${a}${c}${b}`), // NUL and other control characters inside
      fc.tuple(ticketish, fc.constantFrom('please', 'for', 'the', 'link', 'ABC', 'x'), ticketish).map((w) => w.join(' ')), // words that are not a ticket number
      fc.string({ maxLength: 30 }).filter((t) => t.trim() !== '' && /[^A-Za-z0-9\s-]/.test(t)),
    );
    fc.assert(
      fc.property(fc.boolean(), bad, (revoke, text) => {
        const parsed = parseParkCommand(`receipt ${revoke ? 'revoke ' : ''}${text}`, '/park-north');
        expect(parsed).toEqual({ kind: 'invalid', message: expect.stringContaining('Try `/park-north receipt PS-7K3QXM`') });
        if (parsed.kind === 'invalid') {
          expect(parsed.message).not.toMatch(/\p{Cc}/u);
          expect(parsed.message.length).toBeLessThan(300);
        }
      }),
    );
  });
});
