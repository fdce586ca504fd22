import { describe, expect, it } from 'vitest';
import { parseParkCommand } from './parse.js';

describe('parseParkCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  Help  ', { kind: 'help' }],
    ['stats', { kind: 'stats' }],
    ['STATS', { kind: 'stats' }],
    ['payments', { kind: 'payments' }],
    ['report', { kind: 'report', date: null }],
    ['report 2026-11-23', { kind: 'report', date: '2026-11-23' }],
    ['link', { kind: 'link', garage: null }],
    ['LINK  North   Side ', { kind: 'link', garage: 'North Side' }],
    ['link 2', { kind: 'link', garage: '2' }],
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
});
