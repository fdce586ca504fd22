import { describe, expect, it } from 'vitest';
import { AlertEpisode } from '../../shared/alerts.js';
import { GarageException } from '../../shared/corrections.js';
import { Shift } from '../../shared/shifts.js';
import { buildHomeFailure, buildManagerHome, buildOtherHome, HOME_LIMITS, type HomeGarage } from './home.js';

const now = new Date('2026-11-23T16:00:00.000Z');

/** A request that waits, as GET /api/exceptions gives it. */
const request = (id: number): GarageException =>
  GarageException.parse({
    id, garageId: 1, type: 'void', ticketNumber: 'PS-7K3QXM', licensePlate: 'ABC 123', amountCents: 2000, reason: 'duplicate', note: null,
    requestedBy: 'user:3', requestedByName: 'sam', requestedAt: '2026-11-23T15:30:00.000Z', expiresAt: '2026-11-23T17:30:00.000Z',
    status: 'pending', decidedBy: null, decidedByName: null, decidedAt: null, decisionNote: null,
  });
const shift = Shift.parse({
  id: 12, garageId: 1, userId: 3, username: 'sam', status: 'open', openedAt: '2026-11-23T13:00:00.000Z', openingFloatCents: 10000, closedAt: null,
  entries: 14, exits: 9, cardCents: 0, mobileCents: 0, cashTakenCents: 0, cashRefundedCents: 0, voids: 1, refunds: 0, lostTickets: 0,
  movements: [], declaredCashCents: null, expectedCashCents: 0, varianceCents: null, closeNote: null, reconciled: null,
});
const alert = AlertEpisode.parse({ id: 1, garageId: 1, kind: 'garage_full', subject: '', openedAt: '2026-11-23T15:50:00.000Z', clearedAt: null, details: { occupied: 20, totalSpaces: 20, percent: 100 }, muted: false });

const garage = (id: number, over: Partial<HomeGarage> = {}): HomeGarage => ({
  garage: { id, name: `Garage ${id}`, timezone: 'America/New_York' },
  stats: { occupiedSpaces: 20, totalSpaces: 20, availableSpaces: 0, occupancyPercentage: 100 },
  today: { grossRevenue: 12345, refunds: 500, netRevenue: 11845 },
  waiting: [request(7)],
  moreWaiting: false,
  shifts: [shift],
  moreShifts: false,
  alerts: [alert],
  ...over,
});

describe('buildManagerHome', () => {
  it('shows each garage: occupancy, gross / refunds / net, requests with Approve / Deny, shifts and alerts in garage time', () => {
    const view = buildManagerHome({ username: 'maria', garages: [garage(1)], moreGarages: false, now });
    const said = JSON.stringify(view.blocks);
    expect(view.type).toBe('home');
    for (const text of ['20 of 20 (100%) · 0 free', '$123.45', '$5.00', '$118.45', '*#7* *Void* of *PS-7K3QXM*', 'exception_approve', 'exception_deny', '*sam* #12 since 08:00 — 14 in · 9 out · 1 void · 0 refunds', 'Garage 1 is full (20 of 20) · since 10:50', 'As of 11:00']) {
      expect(said).toContain(text);
    }
  });

  it('says plainly when nothing waits, no shift is open and no alert is going on; heads it with a notice', () => {
    const view = buildManagerHome({ username: 'maria', garages: [garage(1, { waiting: [], shifts: [], alerts: [] })], moreGarages: false, now, notice: 'Approved by maria at 11:00' });
    const said = JSON.stringify(view.blocks);
    for (const text of ['Approved by maria at 11:00', '*Waiting for a manager:* nothing', '*Open shifts:* none', '*Alerts:* none going on']) expect(said).toContain(text);
  });

  it('stays within Slack’s 100 blocks with the most it shows, and says more exist', () => {
    const many = Array.from({ length: HOME_LIMITS.garages }, (_, i) =>
      garage(i + 1, { waiting: Array.from({ length: HOME_LIMITS.requests }, (_, j) => request(j + 1)), moreWaiting: true, moreShifts: true }),
    );
    const view = buildManagerHome({ username: 'maria', garages: many, moreGarages: true, now });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks.at(-1))).toContain(`The first ${HOME_LIMITS.garages} of your garages shown`);
    expect(JSON.stringify(view.blocks)).toContain('(5+)');
  });

  it('a manager with no garage is told how to get one', () => {
    expect(JSON.stringify(buildManagerHome({ username: 'maria', garages: [], moreGarages: false, now }).blocks)).toContain('You have no garages yet');
  });
});

describe('the other Home pages', () => {
  it.each([
    ['unlinked', null, 'Your Slack account (U0X) is not linked'],
    ['disabled', { username: 'sam', role: 'manager' as const, disabled: true }, 'Your ParkOps account (sam) is disabled'],
    ['an attendant', { username: 'sam', role: 'attendant' as const, disabled: false }, 'Your ParkOps account (sam) is an attendant'],
  ])('%s', (_name, staff, text) => {
    expect(JSON.stringify(buildOtherHome({ slackUserId: 'U0X', staff }).blocks)).toContain(text);
  });

  it('the failure page apologises', () => {
    expect(JSON.stringify(buildHomeFailure().blocks)).toContain('could not load your garages');
  });
});
