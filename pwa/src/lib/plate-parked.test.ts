import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import type { OutboxItem } from './local-store.js';
import { carsToMatch, parkedOnPhone, proposalWords } from './plate-parked.js';

const base = { createdAt: '2026-11-23T12:00:00.000Z', attempts: 1, error: null, garageId: 1 };
const entry = (key: string, plate: string, state: 'sent' | 'pending' | 'refused', ticketNumber?: string): OutboxItem => ({
  ...base,
  key,
  kind: 'entry',
  state,
  sentAt: state === 'sent' ? base.createdAt : null,
  body: { licensePlate: plate, vehicleType: 'Car', entryTime: base.createdAt },
  ticket: ticketNumber ? fixture.activeTicket({ ticketNumber, licensePlate: plate.toUpperCase() }) : null,
});
const exit = (key: string, ticketNumber: string, state: 'sent' | 'pending' | 'refused', entryKey?: string): OutboxItem => ({
  ...base,
  key,
  kind: 'exit',
  state,
  sentAt: null,
  ticketNumber,
  licensePlate: null,
  quotedCents: null,
  body: { paymentMethod: 'Cash' },
  ticket: null,
  ...(entryKey ? { entryKey } : {}),
});

describe('parkedOnPhone', () => {
  it('lists numbered active tickets and entries still waiting, not cars seen leaving nor refused entries', () => {
    const items = [
      entry('aaaaaa00-1', 'abc 123', 'sent', 'PS-7K3QXM'),
      entry('bbbbbb00-2', 'xyz 987', 'pending'),
      entry('cccccc00-3', 'gone 1', 'sent', 'PS-4D2ZK9'),
      exit('x1', 'PS-4D2ZK9', 'pending'),
      entry('dddddd00-4', 'gone 2', 'pending'),
      exit('x2', 'OFF-DDDDDD', 'pending', 'dddddd00-4'),
      entry('eeeeee00-5', 'stays 1', 'sent', 'PS-9H3WQM'),
      exit('x3', 'PS-9H3WQM', 'refused'),
      entry('ffffff00-6', 'refused', 'refused'),
    ];
    expect(parkedOnPhone(items)).toEqual([
      { ref: 'PS-7K3QXM', licensePlate: 'ABC 123', offline: false },
      { ref: 'OFF-BBBBBB', licensePlate: 'XYZ 987', offline: true },
      { ref: 'PS-9H3WQM', licensePlate: 'STAYS 1', offline: false },
    ]);
  });
});

const voided = (key: string, ticketNumber: string, outcome: 'done' | 'pending'): OutboxItem => ({
  ...base,
  key,
  kind: 'void',
  state: 'sent',
  sentAt: base.createdAt,
  ticketNumber,
  licensePlate: null,
  body: { reason: 'duplicate' },
  ticket: null,
  outcome: outcome === 'done' ? fixture.done(fixture.voidedTicket({ ticketNumber })) : fixture.pending(fixture.exception({ ticketNumber })),
});

describe('carsToMatch: the cars this phone let in, then the garage list kept on the phone', () => {
  const car = (ref: string, licensePlate: string, offline = false) => ({ ref, licensePlate, offline });
  const kept = (ticketNumber: string, licensePlate: string) => ({ ticketNumber, licensePlate });
  it.each<[string, OutboxItem[], { ticketNumber: string; licensePlate: string }[], ReturnType<typeof car>[]]>([
    ['an empty outbox: the kept list as it is', [], [kept('PS-AAAAAA', 'AAA 111'), kept('PS-BBBBBB', 'BBB 222')], [car('PS-AAAAAA', 'AAA 111'), car('PS-BBBBBB', 'BBB 222')]],
    ['no kept list: the outbox alone', [entry('aaaaaa00-1', 'abc 123', 'sent', 'PS-7K3QXM')], [], [car('PS-7K3QXM', 'ABC 123')]],
    [
      "the phone's own cars first, then the others'",
      [entry('aaaaaa00-1', 'abc 123', 'sent', 'PS-7K3QXM')],
      [kept('PS-AAAAAA', 'AAA 111')],
      [car('PS-7K3QXM', 'ABC 123'), car('PS-AAAAAA', 'AAA 111')],
    ],
    [
      'a car in both once (the outbox as the phone knows it)',
      [entry('aaaaaa00-1', 'abc 123', 'sent', 'PS-7K3QXM')],
      [kept('PS-AAAAAA', 'AAA 111'), kept('PS-7K3QXM', 'ABC 123')],
      [car('PS-7K3QXM', 'ABC 123'), car('PS-AAAAAA', 'AAA 111')],
    ],
    ['a kept list that names a car twice: once', [], [kept('PS-AAAAAA', 'AAA 111'), kept('PS-AAAAAA', 'AAA 111')], [car('PS-AAAAAA', 'AAA 111')]],
    [
      'an exit recorded on this phone (sent or not) takes a kept car out',
      [exit('x1', 'PS-AAAAAA', 'pending'), exit('x2', 'PS-CCCCCC', 'sent')],
      [kept('PS-AAAAAA', 'AAA 111'), kept('PS-BBBBBB', 'BBB 222'), kept('PS-CCCCCC', 'CCC 333')],
      [car('PS-BBBBBB', 'BBB 222')],
    ],
    ['a refused exit leaves the kept car in', [exit('x1', 'PS-AAAAAA', 'refused')], [kept('PS-AAAAAA', 'AAA 111')], [car('PS-AAAAAA', 'AAA 111')]],
    [
      'a void carried out takes a kept car out; one waiting for a manager does not',
      [voided('v1', 'PS-AAAAAA', 'done'), voided('v2', 'PS-BBBBBB', 'pending')],
      [kept('PS-AAAAAA', 'AAA 111'), kept('PS-BBBBBB', 'BBB 222')],
      [car('PS-BBBBBB', 'BBB 222')],
    ],
    [
      'an entry not sent yet is in, by its OFF- reference; one checked out offline is not',
      [entry('bbbbbb00-2', 'xyz 987', 'pending'), entry('dddddd00-4', 'gone 2', 'pending'), exit('x2', 'OFF-DDDDDD', 'pending', 'dddddd00-4')],
      [kept('PS-AAAAAA', 'AAA 111')],
      [car('OFF-BBBBBB', 'XYZ 987', true), car('PS-AAAAAA', 'AAA 111')],
    ],
    [
      'a car this phone let in and checked out is in neither',
      [entry('cccccc00-3', 'gone 1', 'sent', 'PS-4D2ZK9'), exit('x1', 'PS-4D2ZK9', 'pending')],
      [kept('PS-4D2ZK9', 'GONE 1')],
      [],
    ],
  ])('%s', (_name, items, list, expected) => expect(carsToMatch(items, list)).toEqual(expected));
});

describe('proposalWords', () => {
  const item = { ref: 'PS-7K3QXM', licensePlate: 'ABC 123', offline: false };
  it.each([
    ['exact', 0, 'same plate'],
    ['look-alike', 0, 'same but for look-alikes (O/0, I/1, Z/2, B/8, S/5)'],
    ['close', 1, '1 character differs'],
    ['close', 2, '2 characters differ'],
  ] as const)('%s (%i) reads %j', (reason, distance, words) => expect(proposalWords({ item, plate: item.licensePlate, reason, distance })).toBe(words));
});
