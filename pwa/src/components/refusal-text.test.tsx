import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import type { Outbox } from '../lib/outbox.js';
import { currentPath } from '../lib/router.js';
import { ExitScreen } from '../routes/exit.js';
import { OutboxPanel } from './outbox-panel.js';

/** The server's refusal of cash from someone with no open shift (api/shifts/use-cases.ts requireShiftForCash). */
const NO_SHIFT = apiError('shift_required', 'Cash needs an open shift here: open your shift with your float first (no cash was taken or recorded), or take the payment by card or mobile');
const refuseCash = () => HttpResponse.json(NO_SHIFT, { status: 409 });

let outbox: Outbox | undefined;
beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
  history.replaceState(null, '', '/exit');
  currentPath.value = '/exit';
});
afterEach(() => outbox?.stop());

const link = () => screen.getByRole('link', { name: 'Open your shift' });

describe('a cash payment refused for want of an open shift', () => {
  it('on Car out: the refusal carries the way to the Shift screen, and the amount due stays on screen', async () => {
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: new Date(Date.now() - 30 * 60_000).toISOString() }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', refuseCash),
    );
    const rendered = renderWithOutbox(<ExitScreen />);
    const phone = (outbox = rendered.outbox);
    fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-7K3QXM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cash needs an open shift here');
    expect(alert.contains(link())).toBe(true);
    expect(link().getAttribute('href')).toBe('/shift');
    expect(screen.getByTestId('amount-due')).toBeTruthy();
    expect(phone.items.value).toEqual([]); // nothing was recorded

    fireEvent.click(link());
    expect(currentPath.value).toBe('/shift');
  });

  it('another refusal has no such link', async () => {
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime: new Date(Date.now() - 30 * 60_000).toISOString() }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', () => HttpResponse.json(apiError('ticket_already_completed', 'Ticket PS-7K3QXM was already paid'), { status: 409 })),
    );
    outbox = renderWithOutbox(<ExitScreen />).outbox;
    fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-7K3QXM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ticket PS-7K3QXM was already paid');
    expect(screen.queryByRole('link', { name: 'Open your shift' })).toBeNull();
  });
});

describe('the outbox panel, for items refused for want of an open shift', () => {
  const base = { createdAt: '2026-11-23T13:30:00.000Z', state: 'pending' as const, attempts: 0, error: null, ticket: null, sentAt: null };
  const cashExit: OutboxItem = {
    ...base,
    key: 'x-1',
    kind: 'exit',
    ticketNumber: 'PS-7K3QXM',
    licensePlate: 'ABC 123',
    quotedCents: 1000,
    entryKey: null,
    body: { paymentMethod: 'Cash', exitTime: '2026-11-23T13:30:00.000Z' },
  };
  const cashRefund: OutboxItem = {
    ...base,
    key: 'r-1',
    kind: 'refund',
    garageId: 1,
    ticketNumber: 'PS-7K3QXM',
    licensePlate: 'ABC 123',
    body: { amountCents: 500, reason: 'goodwill', method: 'Cash' },
    outcome: null,
  };

  /** Sends what waits on the phone; the server (msw) refuses the cash. */
  async function sendRefused(item: OutboxItem) {
    server.use(http.put('/api/garages/1/tickets/:n/exit', refuseCash), http.post('/api/garages/1/tickets/:n/refunds', refuseCash));
    const store = memoryStore([item]);
    const rendered = renderWithOutbox(<OutboxPanel />, store);
    const phone = (outbox = rendered.outbox);
    phone.items.value = await store.allItems(); // what the phone holds, as the app loads it
    await phone.drain();
    await waitFor(() => expect(screen.getByTestId('refused-item')).toBeTruthy());
    return screen.getByTestId('refused-item');
  }

  it('an exit sent later: the way to the Shift screen, and that a shift opened now does not cover that payment', async () => {
    const row = await sendRefused(cashExit);
    expect(row.textContent).toContain('Cash needs an open shift here');
    expect(row.textContent).toContain('A shift opened now covers cash from now on, not this payment: if Retry is refused again, hand it to a manager.');
    expect(row.contains(link())).toBe(true);
    expect(link().getAttribute('href')).toBe('/shift');
    fireEvent.click(link());
    expect(currentPath.value).toBe('/shift');
  });

  it('a cash refund: open the shift, then Retry', async () => {
    const row = await sendRefused(cashRefund);
    expect(row.textContent).toContain('Cash needs an open shift here');
    expect(row.textContent).toContain('Open your shift, then Retry.');
    expect(row.contains(link())).toBe(true);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
