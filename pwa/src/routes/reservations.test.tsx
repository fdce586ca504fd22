import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { networkUp } from '../lib/network.js';
import { ReservationsScreen } from './reservations.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'America/New_York' }));
});

const hoursFromNow = (h: number) => new Date(Math.round((Date.now() + h * 3_600_000) / 60_000) * 60_000).toISOString();
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('Reservations', () => {
  it("lists today's and upcoming reservations with their status in words, an arrived one with its ticket", async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get('/api/garages/1/reservations', ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json([
          fixture.reservation({ id: 1, licensePlate: 'ARR 1', from: hoursFromNow(-2), to: hoursFromNow(1), status: 'arrived', ticketNumber: 'PS-4D2ZK9', endedAt: hoursFromNow(-1) }),
          fixture.reservation({ id: 2, licensePlate: 'CON 2', holder: null, from: hoursFromNow(30), to: hoursFromNow(32), prepaidCents: 0 }),
          fixture.reservation({ id: 3, licensePlate: 'NOS 3', from: hoursFromNow(-3), to: hoursFromNow(-1), status: 'no_show', endedAt: hoursFromNow(-2) }),
        ]);
      }),
    );
    renderWithOutbox(<ReservationsScreen />);
    const arrived = await screen.findByTestId('reservation-1');
    expect(arrived.textContent).toContain('Arrived — ticket PS-4D2ZK9');
    expect(arrived.textContent).toContain('Prepaid $20.00');
    expect(screen.getByTestId('reservation-2').textContent).toContain('Confirmed — space held');
    expect(screen.getByTestId('reservation-2').textContent).toContain('Not prepaid');
    expect(screen.getByTestId('reservation-3').textContent).toContain('No-show — space released');
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    // from the start of today on the garage's clock
    expect(query?.get('from')).toMatch(/^\d{4}-\d\d-\d\dT0[45]:00:00\.000Z$/);
    expect(within(screen.getByTestId('reservation-1')).queryByRole('button')).toBeNull();
  });

  it('books a space: from/until on the garage clock sent as UTC instants, prepaid dollars as cents', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/reservations', () => HttpResponse.json([])),
      http.post('/api/garages/1/reservations', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(fixture.reservation({ from: hoursFromNow(20), to: hoursFromNow(30) }), { status: 201 });
      }),
    );
    renderWithOutbox(<ReservationsScreen />);
    await screen.findByText('No reservations today or later.');
    type('License plate', 'abc 123');
    type('From', '2026-11-23T08:00');
    type('Until', '2026-11-23T18:00');
    type('Prepaid ($)', '20');
    type('Name (optional)', 'Dana Lee');
    fireEvent.click(screen.getByRole('button', { name: 'Book a space' }));

    expect((await screen.findByRole('status')).textContent).toBe('Booked: a space is held for ABC 123.');
    // 8:00 and 18:00 in New York in November are 13:00 and 23:00 UTC.
    expect(sent).toEqual({ plate: 'ABC 123', from: '2026-11-23T13:00:00.000Z', to: '2026-11-23T23:00:00.000Z', prepaidCents: 2000, holder: 'Dana Lee' });
    expect(screen.getByTestId('reservation-31').textContent).toContain('Confirmed — space held');
    expect(screen.getByLabelText<HTMLInputElement>('License plate').value).toBe('');
  });

  it.each([
    ['garage_full', 409, 'No space can be held for ABC 123: every space is taken or held. A reservation holds its space from the booking on.'],
    ['already_exists', 409, 'ABC 123 already has reservation 12 from 2026-11-23 08:00 to 2026-11-23 18:00'],
    ['validation_failed', 400, 'Reservations open 168 hours ahead: book from 2026-11-30 09:00 at the latest'],
  ])('shows the refusal %s in the server’s words and keeps what was typed', async (code, status, message) => {
    server.use(
      http.get('/api/garages/1/reservations', () => HttpResponse.json([])),
      http.post('/api/garages/1/reservations', () => HttpResponse.json(apiError(code, message, code === 'validation_failed' ? [{ path: 'from', message: 'too far ahead' }] : undefined), { status })),
    );
    renderWithOutbox(<ReservationsScreen />);
    await screen.findByText('No reservations today or later.');
    type('License plate', 'ABC 123');
    type('Prepaid ($)', '12.50');
    fireEvent.click(screen.getByRole('button', { name: 'Book a space' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText<HTMLInputElement>('License plate').value).toBe('ABC 123');
    expect(screen.getByLabelText<HTMLInputElement>('Prepaid ($)').value).toBe('12.50');
    if (code === 'validation_failed') expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the form on the phone before sending anything', async () => {
    server.use(http.get('/api/garages/1/reservations', () => HttpResponse.json([])));
    renderWithOutbox(<ReservationsScreen />);
    await screen.findByText('No reservations today or later.');
    type('License plate', 'A');
    type('From', '2026-11-23T18:00');
    type('Until', '2026-11-23T08:00');
    type('Prepaid ($)', 'twenty');
    fireEvent.click(screen.getByRole('button', { name: 'Book a space' }));
    expect(await screen.findByText('A license plate is 2 to 10 letters and digits (spaces and dashes are ignored).')).toBeTruthy();
    expect(screen.getByText('The end comes after the start')).toBeTruthy();
    expect(screen.getByText('Enter dollars, e.g. 20 or 12.50; empty: nothing prepaid')).toBeTruthy();
  });

  it('cancels a reservation after a confirm', async () => {
    let cancelled: string | undefined;
    server.use(
      http.get('/api/garages/1/reservations', () => HttpResponse.json([fixture.reservation({ from: hoursFromNow(3), to: hoursFromNow(5) })])),
      http.post('/api/garages/1/reservations/:id/cancel', ({ params }) => {
        cancelled = String(params.id);
        return HttpResponse.json(fixture.reservation({ from: hoursFromNow(3), to: hoursFromNow(5), status: 'cancelled', endedAt: new Date().toISOString() }));
      }),
    );
    renderWithOutbox(<ReservationsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel reservation…' }));
    expect(screen.getByText('Cancel the reservation of ABC 123? Its space is free again at once.')).toBeTruthy();
    expect(cancelled).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(screen.getByTestId('reservation-31').textContent).toContain('Cancelled'));
    expect(cancelled).toBe('31');
    expect(screen.queryByRole('button', { name: 'Cancel reservation…' })).toBeNull();
  });

  it('says when a cancel comes too late (already arrived)', async () => {
    server.use(
      http.get('/api/garages/1/reservations', () => HttpResponse.json([fixture.reservation({ from: hoursFromNow(-1), to: hoursFromNow(5) })])),
      http.post('/api/garages/1/reservations/:id/cancel', () => HttpResponse.json(apiError('already_resolved', 'Reservation 31 is arrived, not waiting: nothing to cancel'), { status: 409 })),
    );
    renderWithOutbox(<ReservationsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel reservation…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Reservation 31 is arrived, not waiting: nothing to cancel');
  });

  it('offline: says bookings need a connection and queues nothing', async () => {
    networkUp.value = false;
    server.use(http.get('/api/garages/1/reservations', () => HttpResponse.error()));
    const { outbox } = renderWithOutbox(<ReservationsScreen />);
    expect(await screen.findByText(/Reservations need a connection: nothing is booked or cancelled offline/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Book a space' }).disabled).toBe(true);
    expect(outbox.items.value).toEqual([]);
  });
});
