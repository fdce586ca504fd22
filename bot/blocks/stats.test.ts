import { describe, expect, it } from 'vitest';
import { buildStats } from './stats.js';

const stats = {
  totalSpaces: 140,
  occupiedSpaces: 87,
  availableSpaces: 53,
  occupancyPercentage: 62.1,
  availablePercentage: 37.9,
  todayRevenue: 123450,
  vehiclesEnteredToday: 120,
  vehiclesProcessedToday: 118,
  averageStayMinutes: 125,
  hourlyRate: 1000,
  graceMinutes: 0,
  dailyMaxCents: null,
  timezone: 'UTC',
  lostTicketPolicy: 'actual_plus_fee' as const,
  lostTicketFeeCents: 2500,
  heldForReservations: 0,
  heldForPermits: 0,
};

describe('buildStats', () => {
  it.each([
    ['a busy day', stats, ['53 spaces free', '87/140 (62.1%)', '$1,234.50', '120', '118', '2 h 05 min']],
    ['no exits yet', { ...stats, averageStayMinutes: null, todayRevenue: 0, vehiclesProcessedToday: 0 }, ['$0.00', '—']],
  ])('%s', (_name, input, parts) => {
    const reply = buildStats(input);
    expect(reply.response_type).toBe('ephemeral');
    for (const part of parts) expect(JSON.stringify(reply.blocks)).toContain(part);
  });

  it('names the garage when given (escaped for mrkdwn)', () => {
    const reply = buildStats(stats, 'North & <Co>');
    expect(reply.text).toBe('North & <Co>: Occupancy 87/140 (62.1%), 53 free, $1,234.50 today');
    expect(JSON.stringify(reply.blocks)).toContain(':parking: North &amp; &lt;Co&gt;: *53 spaces free*');
  });
});
