import { describe, expect, it } from 'vitest';
import { admitVehicle, decideEntryTime } from './entry.js';

const now = new Date('2026-11-23T12:00:00.000Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('admitVehicle', () => {
  const claimed = { activeTicketNumber: null, spaceClaimed: true, ticketInserted: true };
  it.each([
    ['a free space claimed and the ticket on it', claimed, { ok: true }],
    ['no free open space', { ...claimed, spaceClaimed: false, ticketInserted: false }, { ok: false, reason: 'garage_full' }],
    ['plate already inside (and the garage full too)', { activeTicketNumber: 'PS-AAAAAA', spaceClaimed: false, ticketInserted: false }, { ok: false, reason: 'vehicle_already_parked', ticketNumber: 'PS-AAAAAA' }],
    ['plate came in meanwhile, seen after the insert conflicted', { ...claimed, activeTicketNumber: 'PS-BBBBBB', ticketInserted: false }, { ok: false, reason: 'vehicle_already_parked', ticketNumber: 'PS-BBBBBB' }],
    ['the ticket number was taken', { ...claimed, ticketInserted: false }, { ok: false, reason: 'number_taken' }],
  ] as const)('%s', (_name, found, expected) => {
    expect(admitVehicle(found)).toEqual(expected);
  });
});

describe('decideEntryTime', () => {
  it.each([
    ['no client time: now', undefined, { ok: true, entryTime: now }],
    ['offline entry 23 h 59 min ago', minutes(-(24 * 60 - 1)), { ok: true, entryTime: minutes(-(24 * 60 - 1)) }],
    ['offline entry exactly 24 h ago', minutes(-24 * 60), { ok: true, entryTime: minutes(-24 * 60) }],
    ['offline entry 24 h 1 min ago', minutes(-(24 * 60 + 1)), { ok: false, reason: 'entry_time_out_of_range' }],
    ['client clock 2 min ahead', minutes(2), { ok: true, entryTime: minutes(2) }],
    ['client clock 3 min ahead', minutes(3), { ok: false, reason: 'entry_time_out_of_range' }],
  ] as const)('%s', (_name, requested, expected) => {
    expect(decideEntryTime(now, requested)).toEqual(expected);
  });
});
