import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import type { OutboxItem } from './local-store.js';
import { parkedOnPhone, proposalWords } from './plate-parked.js';

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

describe('proposalWords', () => {
  const item = { ref: 'PS-7K3QXM', licensePlate: 'ABC 123', offline: false };
  it.each([
    ['exact', 0, 'same plate'],
    ['look-alike', 0, 'same but for look-alikes (O/0, I/1, Z/2, B/8, S/5)'],
    ['close', 1, '1 character differs'],
    ['close', 2, '2 characters differ'],
  ] as const)('%s (%i) reads %j', (reason, distance, words) => expect(proposalWords({ item, plate: item.licensePlate, reason, distance })).toBe(words));
});
