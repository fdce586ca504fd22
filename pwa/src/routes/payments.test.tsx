import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DiscardBody } from '../../../shared/discards.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { PaymentsScreen } from './payments.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

/** What a phone reported when an attendant handed a refused cash exit to a manager. */
const handedOver = (over: Partial<DiscardBody> = {}): DiscardBody => ({
  key: 'x-1',
  kind: 'exit',
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  vehicleType: null,
  paymentMethod: 'Cash',
  amountCents: 2000,
  happenedAt: '2026-11-23T14:05:00.000Z',
  refusal: { code: 'ticket_already_completed', message: 'Ticket PS-7K3QXM was already paid' },
  reason: 'Paid twice; the cash is in the box',
  ...over,
});

describe('Payments to resolve (managers)', () => {
  it('lists the paid exits handed to a manager, and resolves one with a note', async () => {
    const waiting = fixture.discard(handedOver(), { id: 12 });
    let query: URLSearchParams | undefined;
    let resolved: { id: string; body: unknown } | undefined;
    server.use(
      http.get('/api/garages/1/discards', ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json(fixture.discardPage([waiting]));
      }),
      http.post('/api/garages/1/discards/:id/resolve', async ({ params, request }) => {
        const body = (await request.json()) as { note: string };
        resolved = { id: String(params.id), body };
        return HttpResponse.json(fixture.discard(handedOver(), { id: 12, status: 'resolved', resolution: { by: { id: 2, username: 'boss' }, at: '2026-11-23T16:00:00.000Z', note: body.note } }));
      }),
    );
    renderWithOutbox(<PaymentsScreen />);
    const row = await screen.findByTestId('payment-to-resolve');
    expect(query?.get('status')).toBe('needs_manager');
    for (const text of ['PS-7K3QXM', 'ABC 123', '$20.00', 'Cash', 'ana', '2:05 PM', 'Ticket PS-7K3QXM was already paid', 'Paid twice; the cash is in the box']) expect(row.textContent).toContain(text);

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('Say in a few words what became of it')).toBeTruthy();
    expect(resolved).toBeUndefined();

    fireEvent.input(screen.getByLabelText(/What became of the money/), { target: { value: 'Refunded to the driver' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByTestId('payment-to-resolve')).toBeNull());
    expect(resolved).toEqual({ id: '12', body: { note: 'Refunded to the driver' } });
    expect(screen.getByRole('status').textContent).toMatch(/Resolved: PS-7K3QXM/);
  });

  it('says so when another manager resolved it first, and takes it off the list', async () => {
    server.use(
      http.get('/api/garages/1/discards', () => HttpResponse.json(fixture.discardPage([fixture.discard(handedOver(), { id: 3 })]))),
      http.post('/api/garages/1/discards/:id/resolve', () => HttpResponse.json(apiError('already_resolved', 'Discarded item #3 was already resolved by boss'), { status: 409 })),
    );
    renderWithOutbox(<PaymentsScreen />);
    await screen.findByTestId('payment-to-resolve');
    fireEvent.input(screen.getByLabelText(/What became of the money/), { target: { value: 'Kept in the safe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByTestId('payment-to-resolve')).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/already resolved/);
  });

  it('says when there is nothing to resolve', async () => {
    server.use(http.get('/api/garages/1/discards', () => HttpResponse.json(fixture.discardPage([]))));
    renderWithOutbox(<PaymentsScreen />);
    expect(await screen.findByText(/Nothing to resolve/)).toBeTruthy();
  });

  it('offline, says the list needs the server', async () => {
    server.use(http.get('/api/garages/1/discards', () => HttpResponse.error()));
    renderWithOutbox(<PaymentsScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Can't reach the server/);
  });
});
