import { describe, expect, it } from 'vitest';
import { RatePlan } from '../../shared/rate-plan.js';
import { buildRateBoard } from './rates.js';
import { weekdaysWords } from './rate-words.js';

describe('weekdaysWords', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'Mon–Fri'],
    [[6, 7], 'Sat, Sun'],
    [[1, 2, 3, 4, 5, 6, 7], 'every day'],
    [[5, 1, 3], 'Mon, Wed, Fri'],
    [[1, 2, 3, 4, 5, 6], 'Mon–Sat'],
    [[1, 5, 6, 7], 'Mon, Fri–Sun'],
    [[3], 'Wed'],
  ])('%j -> %s', (days, words) => {
    expect(weekdaysWords(days)).toBe(words);
  });
});

const now = new Date('2026-12-12T23:00:00.000Z');
/** A plan as GET /api/garages/:id/rate-plan gives it (parsed with its schema). */
const planOf = (over: Record<string, unknown>) =>
  RatePlan.parse({ version: 4, timezone: 'America/New_York', hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null, createdAt: '2026-11-23T15:00:00.000Z', createdBy: 'maria', ...over });

describe('buildRateBoard', () => {
  it('is only for the asker, names the version and when it was saved, in the garage timezone', () => {
    const board = buildRateBoard(planOf({}), 'North', now);
    expect(board.response_type).toBe('ephemeral');
    expect(board.text).toBe('Rates of North: $10.00/h, rate plan version 4');
    expect(JSON.stringify(board.blocks)).toContain('rate plan version 4, since Mon 23 Nov 10:00');
  });

  it('marks an event on now, leaves past ones out and escapes names for Slack', () => {
    const board = JSON.stringify(
      buildRateBoard(
        planOf({
          events: [
            { name: 'Game <finals> & more', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T04:00:00.000Z', priceCents: 2500 },
            { name: 'Over', from: '2026-12-01T22:00:00.000Z', to: '2026-12-02T04:00:00.000Z', priceCents: 2500 },
          ],
        }),
        'North',
        now,
      ).blocks,
    );
    expect(board).toContain('Game &lt;finals&gt; &amp; more: cars in Sat 12 Dec 17:00 – Sat 12 Dec 23:00 pay $25.00 for their first 24 h — *now*');
    expect(board).not.toContain('Over');
  });

  it('keeps every section within Slack’s 3000 characters, counting what it leaves out', () => {
    const special = (i: number) => ({ name: `${'&'.repeat(30)}${i}`, entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 3, 5], priceCents: 1200 });
    const event = (i: number) => ({ name: `Event ${i}`, from: `2026-12-${String(13 + (i % 15)).padStart(2, '0')}T22:00:00.000Z`, to: `2026-12-${String(14 + (i % 15)).padStart(2, '0')}T04:00:00.000Z`, priceCents: 2500 });
    const board = buildRateBoard(planOf({ specials: Array.from({ length: 20 }, (_, i) => special(i)), events: Array.from({ length: 30 }, (_, i) => event(i)) }), 'North', now);
    for (const block of board.blocks) expect(JSON.stringify(block).length).toBeLessThan(3100);
    const text = JSON.stringify(board.blocks);
    expect(text).toMatch(/… and \d+ more/);
    expect(text).toContain('… and 20 more'); // 30 events, 10 listed
  });
});
