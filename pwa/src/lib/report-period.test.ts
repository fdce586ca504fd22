import { describe, expect, it } from 'vitest';
import { readPeriod } from './report-period.js';

describe('readPeriod', () => {
  it.each([
    ['one day', { mode: 'day', day: '2026-11-23', from: '', to: '' }, { ok: true, period: { date: '2026-11-23' } }],
    ['a range', { mode: 'range', day: '', from: '2026-11-01', to: '2026-11-23' }, { ok: true, period: { from: '2026-11-01', to: '2026-11-23' } }],
    ['a range of one day', { mode: 'range', day: '', from: '2026-11-23', to: '2026-11-23' }, { ok: true, period: { from: '2026-11-23', to: '2026-11-23' } }],
    ['366 days', { mode: 'range', day: '', from: '2026-01-01', to: '2027-01-01' }, { ok: true, period: { from: '2026-01-01', to: '2027-01-01' } }],
    ['no day', { mode: 'day', day: '', from: '', to: '' }, { ok: false, message: 'Pick a day.' }],
    ['not a date', { mode: 'day', day: '2026-02-30', from: '', to: '' }, { ok: false, message: 'Pick a day.' }],
    ['a range without its last day', { mode: 'range', day: '', from: '2026-11-01', to: '' }, { ok: false, message: 'Pick a first and a last day.' }],
    ['the first day after the last', { mode: 'range', day: '', from: '2026-11-23', to: '2026-11-01' }, { ok: false, message: 'The first day is after the last day: swap them.' }],
    ['367 days', { mode: 'range', day: '', from: '2026-01-01', to: '2027-01-02' }, { ok: false, message: 'A report covers at most 366 days; this range is 367 days.' }],
  ] as const)('%s', (_case, form, outcome) => expect(readPeriod(form)).toEqual(outcome));
});
