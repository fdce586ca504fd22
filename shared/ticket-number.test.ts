import { describe, expect, it } from 'vitest';
import { CROCKFORD, parseTicketNumber, ticketNumberFromBytes } from './ticket-number.js';

describe('ticketNumberFromBytes', () => {
  it.each([
    [[0, 1, 2, 3, 4, 31], 'PS-01234Z'],
    [[32, 33, 63, 255, 10, 18], 'PS-01ZZAJ'],
    [[8, 17, 20, 21, 22, 27], 'PS-8HMNPV'],
  ])('%j -> %s', (bytes, expected) => expect(ticketNumberFromBytes(new Uint8Array(bytes))).toBe(expected));

  it('never uses I, L, O or U', () => {
    const all = ticketNumberFromBytes(new Uint8Array([...Array(256).keys()]).slice(0, 6));
    expect(all).toMatch(/^PS-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(CROCKFORD).not.toMatch(/[ILOU]/);
    expect(CROCKFORD).toHaveLength(32);
  });

  it('needs six bytes', () => expect(() => ticketNumberFromBytes(new Uint8Array(5))).toThrow());
});

describe('parseTicketNumber', () => {
  it.each([
    ['PS-7K3QXM', 'PS-7K3QXM'],
    ['ps-7k3qxm', 'PS-7K3QXM'],
    ['  PS-7K3QXM ', 'PS-7K3QXM'],
    ['7K3QXM', 'PS-7K3QXM'],
    ['PS7K3QXM', 'PS-7K3QXM'],
    ['PS-OOOOOO', 'PS-000000'],
    ['PS-ILil10', 'PS-111110'],
    ['ps-1o2l3i', 'PS-102131'],
    ['PS 7K3 QXM', 'PS-7K3QXM'],
  ])('%j reads as %s', (input, expected) => expect(parseTicketNumber(input)).toBe(expected));

  it.each([[''], ['PS-'], ['PS-12345'], ['PS-1234567'], ['PS-12345U'], ['PS-1234-5'], ['XX-123456'], ['PS-ABC12U']])(
    '%j is not a ticket number',
    (input) => expect(parseTicketNumber(input)).toBeNull(),
  );
});
