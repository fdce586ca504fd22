import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import { DashboardScreen, REFRESH_MS } from './dashboard.js';

beforeEach(() => {
  resetAppState();
  signedIn();
});
afterEach(() => vi.useRealTimers());

function countingServer() {
  const calls = { stats: 0, activities: 0 };
  server.use(
    http.get('/api/garages/1/stats', () => {
      calls.stats++;
      return HttpResponse.json(fixture.stats({ availableSpaces: 117 - calls.stats + 1 }));
    }),
    http.get('/api/garages/1/activities', ({ request }) => {
      calls.activities++;
      expect(new URL(request.url).searchParams.get('limit')).toBe('10');
      return HttpResponse.json([
        fixture.activity({ type: 'exit', timestamp: '2026-11-23T15:40:00.000Z', ticketNumber: 'PS-AAAAAA', licensePlate: 'OUT 1', amountPaid: 3000, paymentMethod: 'Cash' }),
        fixture.activity({ type: 'entry', timestamp: '2026-11-23T14:05:00.000Z', ticketNumber: 'PS-BBBBBB', licensePlate: 'IN 2' }),
      ]);
    }),
  );
  return calls;
}

describe('Dashboard', () => {
  it('shows available spaces, occupancy, revenue, vehicles, average stay and recent activity in the garage timezone', async () => {
    countingServer();
    renderWithOutbox(<DashboardScreen />);
    expect((await screen.findByTestId('available')).textContent).toBe('117');
    expect(screen.getByText('of 140 · 23 occupied')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Occupancy' }).getAttribute('aria-valuenow')).toBe('16');
    expect(screen.getByTestId('revenue').textContent).toBe('$125.50');
    expect(screen.getByTestId('revenue').previousElementSibling?.textContent).toBe('Revenue today, net of refunds');
    expect(screen.getByTestId('vehicles').textContent).toBe('31 in · 8 out');
    expect(screen.getByText('1 h 35 min')).toBeTruthy();
    const rows = (await screen.findByTestId('activity')).querySelectorAll('li');
    // 15:40 and 14:05 UTC are 10:40 and 09:05 in New York.
    expect([...rows].map((r) => r.textContent)).toEqual(['OutOUT 1PS-AAAAAA10:40 AM · $30.00', 'InIN 2PS-BBBBBB9:05 AM']);
  });

  it('refreshes every 15 seconds and when the app comes back to the front', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const calls = countingServer();
    renderWithOutbox(<DashboardScreen />);
    await waitFor(() => expect(calls.stats).toBe(1));

    await act(() => {
      vi.advanceTimersByTime(REFRESH_MS);
    });
    await waitFor(() => expect(calls.stats).toBe(2));
    await waitFor(() => expect(screen.getByTestId('available').textContent).toBe('116'));

    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(calls.stats).toBe(3));
    expect(calls.activities).toBe(3);
  });

  it('offline: says so and keeps showing the last figures it had', async () => {
    countingServer();
    const first = renderWithOutbox(<DashboardScreen />);
    await screen.findByTestId('activity');
    first.unmount();

    server.use(
      http.get('/api/garages/1/stats', () => HttpResponse.error()),
      http.get('/api/garages/1/activities', () => HttpResponse.error()),
    );
    renderWithOutbox(<DashboardScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Can't reach the server.*Showing the figures from \d{1,2}:\d\d (AM|PM)/);
    expect(screen.getByTestId('available').textContent).toBe('117');
  });

  it('says "Garage full" when no space is left, never "200% occupied"', async () => {
    server.use(
      http.get('/api/garages/1/stats', () => HttpResponse.json(fixture.stats({ totalSpaces: 140, occupiedSpaces: 280, availableSpaces: 0, occupancyPercentage: 200, availablePercentage: 0 }))),
      http.get('/api/garages/1/activities', () => HttpResponse.json([])),
    );
    renderWithOutbox(<DashboardScreen />);
    expect((await screen.findByTestId('available')).textContent).toBe('Garage full');
    expect(screen.getByText('280 parked in 140 spaces')).toBeTruthy();
    expect(screen.queryByText(/200%/)).toBeNull();
    const meter = screen.getByRole('meter', { name: 'Occupancy' });
    expect(meter.getAttribute('aria-valuenow')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('Full');
  });
});

describe('Dashboard: requests to a manager', () => {
  it('follows a request this phone sent until the attendant has read the decision', async () => {
    // The garage is in New York: 14:35 UTC is 9:35 AM there.
    countingServer();
    let decided = false;
    server.use(
      http.get('/api/garages/1/exceptions/41', () =>
        HttpResponse.json(decided ? fixture.exception({ status: 'approved', decidedByName: 'sam', decidedAt: '2026-11-23T14:40:00.000Z' }) : fixture.exception()),
      ),
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.voidedTicket())),
    );
    const sent: OutboxItem = {
      key: 'v-1',
      garageId: 1,
      createdAt: '2026-11-23T14:05:00.000Z',
      state: 'sent',
      attempts: 1,
      error: null,
      ticket: null,
      sentAt: new Date().toISOString(),
      kind: 'void',
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      body: { reason: 'duplicate' },
      outcome: fixture.pending(fixture.exception()),
    };
    const { outbox } = renderWithOutbox(<DashboardScreen />, memoryStore([sent]));
    await outbox.start();
    expect(await screen.findByRole('heading', { name: 'Requests to a manager' })).toBeTruthy();
    expect(await screen.findByText('Waiting for a manager (expires 9:35 AM)')).toBeTruthy();
    expect(screen.getByText('Void PS-7K3QXM (ABC 123): Duplicate ticket')).toBeTruthy();

    // Decided meanwhile: the card learns it when the app comes back to the front.
    decided = true;
    await act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await screen.findByText(/^Approved by sam at 9:40 AM\./)).toBeTruthy();
    expect(outbox.items.value[0]).toMatchObject({ outcome: { exception: { status: 'approved' } }, ticket: { status: 'voided' } });
    fireEvent.click(screen.getByRole('button', { name: 'Got it (PS-7K3QXM)' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Requests to a manager' })).toBeNull());
    outbox.stop();
  });
});
