import { fireEvent, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { quoteLostTicket } from '../../../shared/fee.js';
import { formatCents } from '../../../shared/format.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import { formatTime } from '../lib/time.js';
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

describe('Car out', () => {
  it('finds a typed ticket (any case), shows the amount due with its breakdown, takes payment and shows the receipt', async () => {
    let exitCall: { n: string; body: unknown; key: string | null } | undefined;
    server.use(
      http.get('/api/garages/1/tickets/:n', ({ params }) =>
        params.n === 'PS-7K3QXM'
          ? HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90) }, new Date()))
          : HttpResponse.json(apiError('not_found', 'No ticket'), { status: 404 }),
      ),
      http.put('/api/garages/1/tickets/:n/exit', async ({ request, params }) => {
        exitCall = { n: String(params.n), body: await request.json(), key: request.headers.get('idempotency-key') };
        return HttpResponse.json(fixture.completedTicket({ paymentMethod: 'Debit Card' }));
      }),
    );
    renderWithOutbox(<ExitScreen />);
    findTicket('ps-7k3qxm');

    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    expect(screen.getByText(/^Regular rate: 2 h from \d\d:\d\d × \$10\.00$/)).toBeTruthy();
    expect(screen.getByTestId('fee-line-hours').textContent).toBe('$20.00');
    expect(screen.getByText('1 h 30 min')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Debit Card' }));
    expect((await screen.findByTestId('amount-paid')).textContent).toBe('$20.00');
    expect(screen.getByText('Paid · Debit Card')).toBeTruthy();
    expect(exitCall).toMatchObject({ n: 'PS-7K3QXM', body: { paymentMethod: 'Debit Card' } });
    expect(exitCall?.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['inside the grace period', 5, '$0.00', 'Within the 10-minute grace period'],
    ['capped at the daily maximum', 310, '$50.00', 'Daily maximum $50.00'],
  ])('shows why the amount is what it is, from the ticket’s own tariff: %s', async (_case, minutes, amount, why) => {
    const tariff = { hourlyRate: 1000, graceMinutes: 10, dailyMaxCents: 5000 };
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(minutes), tariff }, new Date()))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain(amount);
    expect(screen.getByText(why)).toBeTruthy();
  });

  it('says plainly when a ticket was already paid', async () => {
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(30) }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', () =>
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

  it('refuses an overlong ticket number at the field, and never repeats pasted junk at length', async () => {
    renderWithOutbox(<ExitScreen />);
    const input = screen.getByLabelText<HTMLInputElement>('Ticket number');
    expect(input.maxLength).toBe(16);
    expect(screen.getByLabelText<HTMLInputElement>('License plate').maxLength).toBe(16);
    // A value set by script (paste on an old browser) is not held to maxlength: the message stays short.
    findTicket('X'.repeat(60));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/is not a ticket number/);
    expect(alert.textContent!.length).toBeLessThan(140);
  });

  it('finds a lost ticket by plate among the active tickets, quoted as a lost ticket by the garage rule (exactly the shared quoteLostTicket)', async () => {
    let query = '';
    let exitBody: unknown;
    const lost = { ticketNumber: 'PS-AB12CD', licensePlate: 'LOST 7', entryTime: minutesAgo(210) };
    rememberStats(1, fixture.stats({ timezone: 'UTC', lostTicketPolicy: 'actual_plus_fee', lostTicketFeeCents: 2500 }));
    server.use(
      http.get('/api/garages/1/tickets', ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json([fixture.activeTicket(lost, new Date())]);
      }),
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket(lost, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', async ({ request }) => {
        exitBody = await request.json();
        return HttpResponse.json(fixture.completedTicket(lost));
      }),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    fireEvent.input(screen.getByLabelText('License plate'), { target: { value: 'lost-7' } });
    expect(screen.getByLabelText<HTMLInputElement>('License plate').value).toBe('LOST-7');
    fireEvent.click(screen.getByRole('button', { name: 'Find by plate' }));
    fireEvent.click(await screen.findByRole('button', { name: `PS-AB12CD · LOST 7 · in ${formatTime(lost.entryTime, 'UTC')}` }));
    const expected = quoteLostTicket({ entryTime: lost.entryTime, tariff: fixture.activeTicket(lost).tariff }, new Date(), { policy: 'actual_plus_fee', feeCents: 2500 }, false);
    expect((await screen.findByTestId('amount-due')).textContent).toContain(formatCents(expected.totalCents));
    expect(formatCents(expected.totalCents)).toBe('$65.00');
    expect(screen.getByTestId('lost-ticket-line').textContent).toBe('$25.00');
    expect(screen.getByLabelText<HTMLInputElement>(/Lost ticket/).checked).toBe(true);
    expect(new URLSearchParams(query).get('plate')).toBe('LOST-7');
    expect(new URLSearchParams(query).get('status')).toBe('active');

    // Found after all: the stay alone.
    fireEvent.click(screen.getByLabelText(/Lost ticket/));
    expect(screen.getByTestId('amount-due').textContent).toContain('$40.00');
    expect(screen.queryByTestId('lost-ticket-line')).toBeNull();
    fireEvent.click(screen.getByLabelText(/Lost ticket/));
    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    await screen.findByTestId('amount-paid');
    expect(exitBody).toMatchObject({ paymentMethod: 'Cash', lostTicket: true });
    expect(outbox.items.value[0]).toMatchObject({ quotedCents: 6500 });
  });

  it('a typed ticket can be quoted as lost too, with the garage’s flat price', async () => {
    rememberStats(1, fixture.stats({ timezone: 'UTC', lostTicketPolicy: 'flat', lostTicketFeeCents: 7500 }));
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90) }, new Date()))));
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    fireEvent.click(screen.getByLabelText(/Lost ticket/));
    expect(screen.getByTestId('amount-due').textContent).toContain('$75.00');
    // The flat price replaces a $20.00 stay: the lost-ticket line is what it adds, so the lines add up.
    expect(screen.getByTestId('lost-ticket-line').textContent).toBe('$55.00');
  });

  it('offline: quotes the phone’s copy of the ticket as of now, with its tariff, and records the exit for later', async () => {
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.error()),
      http.put('/api/garages/1/tickets/:n/exit', () => HttpResponse.error()),
    );
    // Fetched 30 min after entry (then $10.00 was due); the car leaves 5 h 10 min after entry.
    const entryTime = minutesAgo(310);
    const seen = fixture.activeTicket({ entryTime }, new Date(Date.parse(entryTime) + 30 * 60_000));
    const { outbox } = renderWithOutbox(<ExitScreen />, memoryStore([], [seen]));
    findTicket('PS-7K3QXM');
    expect((await screen.findByTestId('amount-due')).textContent).toContain('$60.00');
    expect(screen.getByText(/^Regular rate: 6 h from \d\d:\d\d × \$10\.00$/)).toBeTruthy();
    expect(screen.getByText(/Offline: estimated from this phone's copy/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    expect(await screen.findByText('$60.00 (estimate)')).toBeTruthy();
    expect(screen.getByText(/Not on the server yet/)).toBeTruthy();
    expect(outbox.pending.value).toHaveLength(1);
    outbox.stop();
  });

  it('offline with a copy kept by an older version of the app (no tariff): the amount is unknown, never guessed', async () => {
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.error()));
    const { tariff: _, ...old } = fixture.activeTicket({ entryTime: minutesAgo(150) });
    renderWithOutbox(<ExitScreen />, memoryStore([], [old]));
    findTicket('PS-7K3QXM');
    expect(await screen.findByText('Amount unknown offline')).toBeTruthy();
    expect(screen.queryByTestId('amount-due')).toBeNull();
    expect(screen.getByText(/this ticket is not on this phone/)).toBeTruthy();
  });

  it('offline with a ticket this phone never saw: still records the exit, amount set on sync', async () => {
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.error()),
      http.put('/api/garages/1/tickets/:n/exit', () => HttpResponse.error()),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-000001');
    expect(await screen.findByText(/this ticket is not on this phone/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mobile' }));
    expect(await screen.findByText('Amount set on sync')).toBeTruthy();
    expect(outbox.pending.value.map((i: OutboxItem) => (i.kind === 'exit' ? [i.ticketNumber, i.body.paymentMethod] : null))).toEqual([['PS-000001', 'Mobile']]);
    outbox.stop();
  });

  it('checks out a car that came in offline by its OFF- reference: an estimate from the tariff, then the real amount after sync', async () => {
    rememberStats(1, fixture.stats({ timezone: 'UTC', hourlyRate: 1000, graceMinutes: 0, dailyMaxCents: null }));
    server.use(...offline());
    const entry = offlineEntry('3f9a1c2e-0000-4000-8000-000000000000', 'IN 1', minutesAgo(61));
    const { outbox } = renderWithOutbox(<ExitScreen />, memoryStore([entry]));
    await outbox.start();
    findTicket('off-3f9a1c');

    expect((await screen.findByTestId('amount-due')).textContent).toContain('$20.00');
    expect(screen.getByText('Estimate until synced')).toBeTruthy();
    expect(screen.getByText(/This car came in offline/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    expect(await screen.findByText('$20.00 (estimate)')).toBeTruthy();
    expect(screen.getByText('OFF-3F9A1C (provisional reference)')).toBeTruthy();
    expect(screen.getByText(/Estimate until synced/)).toBeTruthy();
    const exit = outbox.pending.value.find((i: OutboxItem) => i.kind === 'exit');
    expect(exit).toMatchObject({ ticketNumber: 'OFF-3F9A1C', entryKey: entry.key, quotedCents: 2000, body: { paymentMethod: 'Cash' } });

    // Meanwhile the garage's rate went down to $7.50/h: the server's ticket carries the rate in force at entry.
    const sent: string[] = [];
    const real = { ticketNumber: 'PS-REAL01', licensePlate: 'IN 1', entryTime: entry.createdAt, tariff: { hourlyRate: 750, graceMinutes: 0, dailyMaxCents: null } };
    server.use(
      http.post('/api/garages/1/tickets', () => HttpResponse.json(fixture.activeTicket(real, new Date()), { status: 201 })),
      http.put('/api/garages/1/tickets/:n/exit', async ({ params, request }) => {
        sent.push(String(params.n));
        const { exitTime } = (await request.json()) as { exitTime: string };
        return HttpResponse.json(fixture.completedTicket({ ...real, exitTime }));
      }),
    );
    await outbox.drain();
    expect((await screen.findByTestId('amount-paid')).textContent).toBe('$15.00');
    expect(screen.getByText(/Estimated offline at \$20.00/)).toBeTruthy();
    expect(sent).toEqual(['PS-REAL01']);
    outbox.stop();
  });

  it('lists this phone’s cars that came in offline, and says why a refused or unknown reference cannot be checked out', async () => {
    server.use(...offline());
    const waiting = offlineEntry('aaaaaa00-0000-4000-8000-000000000000', 'WAIT 1', minutesAgo(5));
    const refused = { ...offlineEntry('bbbbbb00-0000-4000-8000-000000000000', 'FULL 1', minutesAgo(5)), state: 'refused' as const, error: { code: 'garage_full', message: 'Garage is full.' } };
    const { outbox } = renderWithOutbox(<ExitScreen />, memoryStore([waiting, refused]));
    await outbox.start();
    expect(await screen.findByRole('heading', { name: 'Came in offline on this phone' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /FULL 1/ })).toBeNull();

    findTicket('OFF-BBBBBB');
    expect((await screen.findByRole('alert')).textContent).toMatch(/refused the entry OFF-BBBBBB/);
    findTicket('OFF-CCCCCC');
    expect((await screen.findByRole('alert')).textContent).toMatch(/No car with reference OFF-CCCCCC on this phone/);

    fireEvent.click(screen.getByRole('button', { name: /OFF-AAAAAA · WAIT 1/ }));
    expect(await screen.findByText('Estimate until synced')).toBeTruthy();
    outbox.stop();
  });
});

/** No connection at all. */
function offline() {
  return [http.post('/api/garages/1/tickets', () => HttpResponse.error()), http.put('/api/garages/1/tickets/:n/exit', () => HttpResponse.error()), http.get('/api/garages/1/tickets/:n', () => HttpResponse.error())];
}

/** An entry recorded offline on this phone, not yet sent. */
function offlineEntry(key: string, licensePlate: string, at: string): OutboxItem {
  return { key, createdAt: at, state: 'pending', attempts: 1, error: null, ticket: null, sentAt: null, kind: 'entry', body: { licensePlate, vehicleType: 'Car', entryTime: at } };
}
