import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { parkedLongestFirst } from './parked.js';

const now = new Date('2026-11-24T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('parkedLongestFirst', () => {
  it('puts the longest-parked first, ties by ticket id, and counts whole minutes', () => {
    const cars = parkedLongestFirst(
      [
        fixture.activeTicket({ id: 3, ticketNumber: 'PS-CCCCCC', entryTime: minutesAgo(25) }),
        fixture.activeTicket({ id: 2, ticketNumber: 'PS-BBBBBB', entryTime: minutesAgo(30 * 60) }),
        fixture.activeTicket({ id: 1, ticketNumber: 'PS-AAAAAA', entryTime: minutesAgo(30 * 60) }),
      ],
      now,
    );
    expect(cars.map((c) => [c.ticket.id, c.minutes])).toEqual([
      [1, 1800],
      [2, 1800],
      [3, 25],
    ]);
  });

  it.each([
    ['exactly 24 h', 24 * 60, false],
    ['24 h and a minute', 24 * 60 + 1, true],
    ['23 h 59 min', 24 * 60 - 1, false],
    ['an entry dated a little ahead', -2, false],
  ])('flags a stay over 24 h: %s', (_case, minutes, over) => {
    const [car] = parkedLongestFirst([fixture.activeTicket({ entryTime: minutesAgo(minutes) })], now);
    expect(car?.overLong).toBe(over);
    expect(car?.minutes).toBe(Math.max(0, minutes));
  });

  it('leaves out tickets that are no longer active', () => {
    expect(parkedLongestFirst([fixture.completedTicket(), fixture.voidedTicket()], now)).toEqual([]);
  });
});
