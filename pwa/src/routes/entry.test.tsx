import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { localDate } from '../../../shared/garage-day.js';
import { rememberStats } from '../lib/garage.js';
import { EntryScreen } from './entry.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'America/New_York' }));
});

const plateField = () => screen.getByLabelText<HTMLInputElement>('License plate');

describe('Car in', () => {
  it('uppercases the plate as it is typed', () => {
    renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'abc-12 x' } });
    expect(plateField().value).toBe('ABC-12 X');
  });

  it('issues a ticket and shows its number, QR code and time in the garage timezone', async () => {
    let sent: { body: unknown; key: string | null } | undefined;
    server.use(
      http.post('/api/garages/1/tickets', async ({ request }) => {
        sent = { body: await request.json(), key: request.headers.get('idempotency-key') };
        return HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9', licensePlate: 'ABC 123', vehicleType: 'SUV' }), { status: 201 });
      }),
    );
    renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByLabelText('SUV'));
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));

    expect(await screen.findByTestId('ticket-number')).toHaveProperty('textContent', 'PS-4D2ZK9');
    expect(sent?.body).toMatchObject({ licensePlate: 'ABC 123', vehicleType: 'SUV' });
    expect(sent?.key).toMatch(/^[0-9a-f-]{36}$/);
    // 12:00 UTC is 7:00 AM in New York in November.
    expect(screen.getByText('Nov 23, 7:00 AM')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('img', { name: 'QR code of ticket PS-4D2ZK9' }).innerHTML).toContain('<svg'));
  });

  it('says why the server refused, and keeps what was typed', async () => {
    server.use(
      http.post('/api/garages/1/tickets', () =>
        HttpResponse.json(apiError('vehicle_already_parked', 'ABC 123 is already parked on ticket PS-7K3QXM'), { status: 409 }),
      ),
    );
    const { outbox } = renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'abc 123' } });
    fireEvent.click(screen.getByLabelText('Van'));
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));

    expect((await screen.findByRole('alert')).textContent).toBe('ABC 123 is already parked on ticket PS-7K3QXM');
    expect(plateField().value).toBe('ABC 123');
    expect(screen.getByLabelText<HTMLInputElement>('Van').checked).toBe(true);
    expect(outbox.items.value).toEqual([]);
  });

  it('checks the plate before sending anything, in US wording', async () => {
    renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A license plate is 2 to 10 letters and digits (spaces and dashes are ignored).');
  });

  it('refuses overlong input at the field', () => {
    renderWithOutbox(<EntryScreen />);
    expect(plateField().maxLength).toBe(16);
  });

  it('offline: shows a provisional reference and says so, then the real number once the server has it', async () => {
    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.error()));
    const { outbox } = renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'off 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));

    const ref = await screen.findByTestId('provisional-ref');
    expect(ref.textContent).toMatch(/^OFF-[0-9A-F]{6}$/);
    expect(screen.getByText(/Recorded offline on this phone/)).toBeTruthy();
    expect(screen.getByText(/not a ticket number yet/i)).toBeTruthy();
    expect(screen.queryByTestId('ticket-number')).toBeNull();

    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-99QQ11', licensePlate: 'OFF 1' }), { status: 201 })));
    await outbox.drain();
    expect((await screen.findByTestId('ticket-number')).textContent).toBe('PS-99QQ11');
    expect(screen.queryByTestId('provisional-ref')).toBeNull();
    expect(screen.getByText(/Recorded offline at .* the server gave it this number/)).toBeTruthy();
    outbox.stop();
  });

  it.each([
    [
      'a monthly parker',
      () => {
        const year = localDate(new Date(), 'America/New_York').slice(0, 4);
        return { kind: 'permit' as const, permit: { id: 8, holder: 'Acme Corp', validTo: `${year}-12-31T17:00:00.000Z` } };
      },
      'Monthly parker — Acme Corp until Dec 31',
    ],
    [
      'a booked car',
      // 13:00–23:00 UTC is 8:00 AM–6:00 PM in New York in November
      () => ({ kind: 'reservation' as const, reservation: { id: 31, startsAt: '2026-11-23T13:00:00.000Z', endsAt: '2026-11-23T23:00:00.000Z', prepaidCents: 2000 } }),
      'Reserved 8:00 AM–6:00 PM, prepaid $20.00',
    ],
  ])('says on the ticket card when the car is %s', async (_who, facts, words) => {
    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9', entryTime: new Date().toISOString(), ...facts() }), { status: 201 })));
    renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'ABC 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    expect((await screen.findByTestId('ticket-kind')).textContent).toBe(words);
  });

  it('says nothing more for a car passing by', async () => {
    server.use(http.post('/api/garages/1/tickets', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-4D2ZK9' }), { status: 201 })));
    renderWithOutbox(<EntryScreen />);
    fireEvent.input(plateField(), { target: { value: 'ABC 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue ticket' }));
    await screen.findByTestId('ticket-number');
    expect(screen.queryByTestId('ticket-kind')).toBeNull();
  });
});
