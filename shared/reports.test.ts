import { describe, expect, it } from 'vitest';
import { decideReportPeriod, reportBounds } from './reports.js';

describe('reportBounds', () => {
  it.each([
    ['set up on a day, no tickets yet', '2026-11-20T15:00:00Z', null, '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-20', lastDay: '2026-11-25' }],
    ['history older than the set-up (imported, or an offline entry dated back)', '2026-11-20T15:00:00Z', '2026-11-19T23:30:00Z', '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-19', lastDay: '2026-11-25' }],
    ["in the garage's timezone", '2026-11-20T03:00:00Z', null, '2026-11-24T03:00:00Z', 'America/New_York', { firstDay: '2026-11-19', lastDay: '2026-11-24' }],
    ['today is always reportable, whatever the database clock says', '2026-12-01T00:00:00Z', null, '2026-11-24T12:00:00Z', 'UTC', { firstDay: '2026-11-24', lastDay: '2026-11-25' }],
  ])('%s', (_name, createdAt, firstEntryAt, now, tz, expected) => {
    const g = { createdAt: new Date(createdAt), firstEntryAt: firstEntryAt ? new Date(firstEntryAt) : null };
    expect(reportBounds(g, new Date(now), tz)).toEqual(expected);
  });
});

describe('decideReportPeriod', () => {
  const today = '2026-11-24';
  const bounds = { firstDay: '2024-06-01', lastDay: '2026-11-25' };
  it.each([
    ['nothing asked: today', {}, { ok: true, from: today, to: today, days: 1 }],
    ['one date', { date: '2026-11-23' }, { ok: true, from: '2026-11-23', to: '2026-11-23', days: 1 }],
    ['tomorrow', { date: '2026-11-25' }, { ok: true, from: '2026-11-25', to: '2026-11-25', days: 1 }],
    ['the first day', { date: '2024-06-01' }, { ok: true, from: '2024-06-01', to: '2024-06-01', days: 1 }],
    ['a range of 366 days', { from: '2025-11-25', to: '2026-11-25' }, { ok: true, from: '2025-11-25', to: '2026-11-25', days: 366 }],
  ])('%s', (_name, q, expected) => expect(decideReportPeriod(q, today, bounds)).toEqual(expected));

  it.each([
    ['a date and a range', { date: '2026-11-01', from: '2026-11-01', to: '2026-11-02' }, 'Ask for either date, or from and to — not both'],
    ['from without to', { from: '2026-11-01' }, 'A range needs both from and to (YYYY-MM-DD)'],
    ['to before from', { from: '2026-11-10', to: '2026-11-01' }, 'to (2026-11-01) is before from (2026-11-10)'],
    ['the year 9999', { date: '9999-12-31' }, 'There are no figures for 9999-12-31 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['a range into the year 9999', { from: '2026-11-01', to: '9999-12-31' }, 'There are no figures for 9999-12-31 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['the day after tomorrow', { date: '2026-11-26' }, 'There are no figures for 2026-11-26 yet: a report goes up to tomorrow, 2026-11-25.'],
    ['a day before the garage', { date: '2024-05-31' }, "2024-05-31 is before this garage's first day, 2024-06-01: ask for a date from 2024-06-01 to 2026-11-25."],
    ['a range of 367 days', { from: '2025-11-24', to: '2026-11-25' }, 'A report covers at most 366 days; 2025-11-24 to 2026-11-25 is 367 days. Ask for a shorter range.'],
    ['a range of 670 days', { from: '2025-01-01', to: '2026-11-01' }, 'A report covers at most 366 days; 2025-01-01 to 2026-11-01 is 670 days. Ask for a shorter range.'],
  ])('refuses %s with a sentence', (_name, q, message) => expect(decideReportPeriod(q, today, bounds)).toEqual({ ok: false, message }));
});
