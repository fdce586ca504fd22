import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../test/fixtures.js';
import { server } from '../test/msw.js';
import { resetAppState } from '../test/render.js';
import { App } from './app.js';
import { memoryStore } from './lib/local-store.js';
import { createOutbox, type Outbox } from './lib/outbox.js';
import { navigate } from './lib/router.js';
import { currentUser } from './lib/session.js';

let reportsAsked = 0;
beforeEach(() => {
  resetAppState();
  history.replaceState(null, '', '/');
  navigate('/', { replace: true });
  reportsAsked = 0;
  server.use(
    http.get('/api/garages/1/stats', () => HttpResponse.json(fixture.stats())),
    http.get('/api/garages/1/activities', () => HttpResponse.json([])),
    http.get('/api/garages', () => HttpResponse.json([fixture.garage()])),
    http.get('/api/garages/1/exceptions', () => HttpResponse.json({ exceptions: [], nextBefore: null })),
    http.get('/api/garages/1/reports/:kind', ({ params }) => {
      reportsAsked += 1;
      return HttpResponse.json(params.kind === 'charts' ? fixture.chartsReport() : fixture.dailyReport());
    }),
  );
});

let outbox: Outbox | undefined;
afterEach(() => outbox?.stop());

const app = () => {
  outbox = createOutbox(memoryStore());
  return render(<App outbox={outbox} />);
};

describe('Reports and Parked now', () => {
  it('managers open Parked now from the dashboard, and a tap on a car opens Car out on its ticket', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    const long = fixture.activeTicket({ id: 4, ticketNumber: 'PS-B7Q2WX', licensePlate: 'LONG 1', entryTime: new Date(Date.now() - 26 * 3_600_000).toISOString() });
    server.use(
      http.get('/api/garages/1/tickets', () => HttpResponse.json([long])),
      http.get('/api/garages/1/tickets/:n', ({ params }) => HttpResponse.json(params.n === 'PS-B7Q2WX' ? long : null, { status: params.n === 'PS-B7Q2WX' ? 200 : 404 })),
    );
    app();
    fireEvent.click(await screen.findByRole('link', { name: 'Parked now · 23' }));
    expect(location.pathname).toBe('/parked');
    fireEvent.click(await screen.findByTestId('parked-PS-B7Q2WX'));
    expect(location.pathname).toBe('/exit');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$260.00');
    expect(screen.getByText(/PS-B7Q2WX/)).toBeTruthy();
  });

  it('managers open Reports from the dashboard and from Settings; the screen loads when opened', async () => {
    currentUser.value = fixture.user({ role: 'manager' });
    server.use(
      http.get('/api/garages/1/settings', () => HttpResponse.json(fixture.settings())),
      http.get('/api/garages/1/tickets', () => HttpResponse.json([])),
    );
    app();
    expect(reportsAsked).toBe(0);
    fireEvent.click(await screen.findByRole('link', { name: 'Reports' }));
    expect(location.pathname).toBe('/reports');
    expect(await screen.findByTestId('figure-gross')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Reports · ParkOps'));
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('link', { name: /^Reports: figures and charts/ }));
    expect(location.pathname).toBe('/reports');
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('link', { name: /^Parked now/ }));
    expect(location.pathname).toBe('/parked');
    expect((await screen.findByTestId('parked-count')).textContent).toBe('No cars parked');
  });

  it("attendants see no link to either, and are told they are the managers' screens", async () => {
    currentUser.value = fixture.user({ role: 'attendant' });
    app();
    await screen.findByRole('link', { name: /^Reservations/ });
    expect(screen.queryByRole('link', { name: /Parked now|Reports/ })).toBeNull();
    expect(screen.queryByTestId('manager-links')).toBeNull();
    navigate('/reports');
    expect(await screen.findByText("Only managers see the garage's reports. Ask a manager.")).toBeTruthy();
    navigate('/parked');
    expect(await screen.findByText('Only managers see the list of cars parked now. Ask a manager.')).toBeTruthy();
    expect(reportsAsked).toBe(0);
  });
});
