import { render, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Shift } from '../../../shared/shifts.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { ShiftLink } from './shift-link.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

describe("the dashboard's Shift link", () => {
  it('says when no shift is open', async () => {
    render(<ShiftLink garageId={1} />);
    expect(await screen.findByRole('link', { name: 'No shift open — Open shift' })).toBeTruthy();
  });

  it('says since when the shift is open, and leads to the Shift screen', async () => {
    const open = Shift.parse({
      id: 4, garageId: 1, userId: 7, username: 'ana', status: 'open', openedAt: '2026-11-23T08:02:00.000Z', openingFloatCents: 10_000, closedAt: null,
      entries: 0, exits: 0, cardCents: 0, mobileCents: 0, cashTakenCents: null, cashRefundedCents: null, voids: 0, refunds: 0, lostTickets: 0,
      movements: [], declaredCashCents: null, expectedCashCents: null, varianceCents: null, closeNote: null, reconciled: null,
    });
    server.use(http.get('/api/garages/1/shifts/current', () => HttpResponse.json(open)));
    render(<ShiftLink garageId={1} />);
    const link = await screen.findByRole('link', { name: 'Shift open since 8:02 AM' });
    expect(link.getAttribute('href')).toBe('/shift');
  });
});
