import { describe, expect, it } from 'vitest';
import { admitVehicle } from './entry.js';

const now = new Date('2026-11-23T12:00:00.000Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const open = { occupied: 9, totalSpaces: 10, activeTicketNumber: null };

describe('admitVehicle', () => {
  it.each([
    ['room left', open, undefined, { ok: true, entryTime: now }],
    ['the last space', { ...open, occupied: 9 }, undefined, { ok: true, entryTime: now }],
    ['full', { ...open, occupied: 10 }, undefined, { ok: false, reason: 'garage_full', occupied: 10, totalSpaces: 10 }],
    ['over-full after spaces were reduced', { ...open, occupied: 12 }, undefined, { ok: false, reason: 'garage_full', occupied: 12, totalSpaces: 10 }],
    ['plate already inside', { ...open, activeTicketNumber: 'PS-AAAAAA' }, undefined, { ok: false, reason: 'vehicle_already_parked', ticketNumber: 'PS-AAAAAA' }],
    ['offline entry 23 h 59 min ago', open, minutes(-(24 * 60 - 1)), { ok: true, entryTime: minutes(-(24 * 60 - 1)) }],
    ['offline entry exactly 24 h ago', open, minutes(-24 * 60), { ok: true, entryTime: minutes(-24 * 60) }],
    ['offline entry 24 h 1 min ago', open, minutes(-(24 * 60 + 1)), { ok: false, reason: 'entry_time_out_of_range' }],
    ['client clock 2 min ahead', open, minutes(2), { ok: true, entryTime: minutes(2) }],
    ['client clock 3 min ahead', open, minutes(3), { ok: false, reason: 'entry_time_out_of_range' }],
  ] as const)('%s', (_name, garage, requested, expected) => {
    expect(admitVehicle(garage, now, requested)).toEqual(expected);
  });
});
