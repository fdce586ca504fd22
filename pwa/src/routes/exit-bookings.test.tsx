import { fireEvent, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { ExitScreen } from './exit.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function findTicket(typed: string) {
  fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: typed } });
  fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
}

describe('Car out: booked cars and monthly parkers', () => {
  it('a booked car that stayed past its prepaid window: the amount due is the balance, and the attendant is told to collect only that', async () => {
    const reservation = { id: 31, startsAt: minutesAgo(180), endsAt: minutesAgo(50), prepaidCents: 2000 };
    let exitBody: unknown;
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(180), kind: 'reservation', reservation }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', async ({ request }) => {
        exitBody = await request.json();
        return HttpResponse.json(fixture.completedTicket({ paymentMethod: 'Cash' }));
      }),
    );
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    // 50 minutes past the window: 1 h at $10.00
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$10.00');
    expect(screen.getByTestId('collect').textContent).toBe('Prepaid $20.00 — collect $10.00');
    expect(screen.getByTestId('ticket-kind').textContent).toMatch(/^Reserved .+, prepaid \$20\.00$/);
    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    await screen.findByTestId('amount-paid');
    expect(exitBody).toMatchObject({ paymentMethod: 'Cash' });
  });

  it('a booked car inside its prepaid window: collect nothing', async () => {
    const reservation = { id: 31, startsAt: minutesAgo(60), endsAt: new Date(Date.now() + 60 * 60_000).toISOString(), prepaidCents: 1500 };
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(60), kind: 'reservation', reservation }, new Date()))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('collect')).textContent).toBe('Prepaid $15.00 — collect $0.00');
    expect(screen.getByTestId('amount-due').textContent).toContain('$0.00');
  });

  it('a booked car that prepaid nothing pays the stay: no balance line', async () => {
    const reservation = { id: 31, startsAt: minutesAgo(90), endsAt: minutesAgo(-60), prepaidCents: 0 };
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90), kind: 'reservation', reservation }, new Date()))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    expect(screen.getByTestId('ticket-kind').textContent).toMatch(/, not prepaid$/);
    expect(screen.queryByTestId('collect')).toBeNull();
  });

  it('a monthly parker inside the permit: $0.00, and says whose permit', async () => {
    const permit = { id: 8, holder: 'Acme Corp', validTo: new Date(Date.now() + 20 * 86_400_000).toISOString() };
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90), kind: 'permit', permit }, new Date()))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$0.00');
    expect(screen.getByTestId('ticket-kind').textContent).toMatch(/^Monthly parker — Acme Corp until [A-Z][a-z]{2} \d{1,2}(, \d{4})?$/);
    expect(screen.queryByTestId('collect')).toBeNull();
  });
});
