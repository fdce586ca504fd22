import { fireEvent, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import { ExitScreen } from './exit.js';

beforeEach(() => {
  resetAppState();
  rememberStats(fixture.stats({ timezone: 'UTC' }));
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function findTicket(typed: string) {
  fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: typed } });
  fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
}

describe('Car out', () => {
  it('finds a typed ticket (any case), shows the amount due with its breakdown, takes payment and shows the receipt', async () => {
    let exitCall: { n: string; body: unknown; key: string | null } | undefined;
    server.use(
      http.get('/api/tickets/:n', ({ params }) =>
        params.n === 'PS-7K3QXM'
          ? HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90), amountDue: 2000 }))
          : HttpResponse.json(apiError('not_found', 'No ticket'), { status: 404 }),
      ),
      http.put('/api/tickets/:n/exit', async ({ request, params }) => {
        exitCall = { n: String(params.n), body: await request.json(), key: request.headers.get('idempotency-key') };
        return HttpResponse.json(fixture.completedTicket({ paymentMethod: 'Debit Card' }));
      }),
    );
    renderWithOutbox(<ExitScreen />);
    findTicket('ps-7k3qxm');

    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    expect(screen.getByText('2 h × $10.00/h')).toBeTruthy();
    expect(screen.getByText('1 h 30 min')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Debit Card' }));
    expect((await screen.findByTestId('amount-paid')).textContent).toBe('$20.00');
    expect(screen.getByText('Paid · Debit Card')).toBeTruthy();
    expect(exitCall).toMatchObject({ n: 'PS-7K3QXM', body: { paymentMethod: 'Debit Card' } });
    expect(exitCall?.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains an amount that grace or a daily maximum changed', async () => {
    server.use(http.get('/api/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(5), amountDue: 0 }))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$0.00');
    expect(screen.getByText(/grace period or daily maximum/)).toBeTruthy();
  });

  it('says plainly when a ticket was already paid', async () => {
    server.use(
      http.get('/api/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(30), amountDue: 1000 }))),
      http.put('/api/tickets/:n/exit', () =>
        HttpResponse.json(apiError('ticket_already_completed', 'Ticket PS-7K3QXM was already paid'), { status: 409 }),
      ),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ticket PS-7K3QXM was already paid');
    expect(screen.getByTestId('amount-due')).toBeTruthy();
    expect(outbox.items.value).toEqual([]);
  });

  it('refuses what is not a ticket number before asking the server', async () => {
    renderWithOutbox(<ExitScreen />);
    findTicket('hello');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a ticket number. They look like PS-7K3QXM/);
    expect(screen.getByLabelText<HTMLInputElement>('Ticket number').value).toBe('HELLO');
  });

  it('finds a lost ticket by plate among the active tickets', async () => {
    let query = '';
    server.use(
      http.get('/api/tickets', ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json([fixture.activeTicket({ ticketNumber: 'PS-AB12CD', licensePlate: 'LOST 7', entryTime: '2026-11-23T09:15:00.000Z' })]);
      }),
      http.get('/api/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ ticketNumber: 'PS-AB12CD', licensePlate: 'LOST 7', amountDue: 4000 }))),
    );
    renderWithOutbox(<ExitScreen />);
    fireEvent.input(screen.getByLabelText('Licence plate'), { target: { value: 'lost-7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find by plate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'PS-AB12CD · LOST 7 · in 09:15' }));
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$40.00');
    expect(new URLSearchParams(query).get('plate')).toBe('LOST-7');
    expect(new URLSearchParams(query).get('status')).toBe('active');
  });

  it('offline: quotes from the phone’s copy of the ticket as an estimate and records the exit for later', async () => {
    server.use(
      http.get('/api/tickets/:n', () => HttpResponse.error()),
      http.put('/api/tickets/:n/exit', () => HttpResponse.error()),
    );
    const store = memoryStore([], [fixture.activeTicket({ entryTime: minutesAgo(150), hourlyRate: 1000 })]);
    const { outbox } = renderWithOutbox(<ExitScreen />, store);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$30.00');
    expect(screen.getByText(/Offline: estimated from this phone's copy/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    expect(await screen.findByText('$30.00 (estimate)')).toBeTruthy();
    expect(screen.getByText(/Not on the server yet/)).toBeTruthy();
    expect(outbox.pending.value).toHaveLength(1);
    outbox.stop();
  });

  it('offline with a ticket this phone never saw: still records the exit, amount set on sync', async () => {
    server.use(
      http.get('/api/tickets/:n', () => HttpResponse.error()),
      http.put('/api/tickets/:n/exit', () => HttpResponse.error()),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-000001');
    expect(await screen.findByText(/this ticket is not on this phone/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mobile' }));
    expect(await screen.findByText('Amount set on sync')).toBeTruthy();
    expect(outbox.pending.value.map((i: OutboxItem) => (i.kind === 'exit' ? [i.ticketNumber, i.body.paymentMethod] : null))).toEqual([['PS-000001', 'Mobile']]);
    outbox.stop();
  });
});
