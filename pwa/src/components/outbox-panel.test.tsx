import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState } from '../../test/render.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import { OutboxPanel } from './outbox-panel.js';
import { PendingChip } from './pending-chip.js';

beforeEach(() => {
  resetAppState();
  localStorage.setItem('parkops.lastSyncedAt', JSON.stringify('2026-11-23T14:05:00.000Z'));
  localStorage.setItem('parkops.stats', JSON.stringify({ stats: fixture.stats({ timezone: 'UTC' }), at: '2026-11-23T14:05:00.000Z' }));
});

const item = (key: string, state: OutboxItem['state'], plate: string): OutboxItem => ({
  key,
  kind: 'entry',
  createdAt: `2026-11-23T13:0${key.length}:00.000Z`,
  state,
  attempts: 1,
  error: state === 'refused' ? { code: 'garage_full', message: 'Garage is full — 140/140' } : null,
  ticket: null,
  sentAt: null,
  body: { licensePlate: plate, vehicleType: 'Car', entryTime: '2026-11-23T13:00:00.000Z' },
});

describe('pending chip and outbox panel', () => {
  it('shows "N pending · synced hh:mm" and each refusal with Retry and Discard', async () => {
    const store = memoryStore([item('a', 'pending', 'P 1'), item('bb', 'pending', 'P 2'), item('ccc', 'refused', 'FULL 1')]);
    const { outbox } = renderWithOutbox(
      <>
        <PendingChip />
        <OutboxPanel />
      </>,
      store,
    );
    // Loading without draining: the server is not asked in this test.
    outbox.items.value = await store.allItems();
    await waitFor(() => expect(screen.getByTestId('pending-chip').textContent).toBe('2 pending · synced 14:05 · 1 refused'));
    const refused = screen.getByTestId('refused-item');
    expect(refused.textContent).toContain('Entry FULL 1 (Car)');
    expect(refused.textContent).toContain('Garage is full — 140/140');
    expect(screen.getByText('2 waiting to be sent')).toBeTruthy();
  });

  it('Discard asks for a second tap, then removes the item from the phone', async () => {
    const store = memoryStore([item('ccc', 'refused', 'FULL 1')]);
    const { outbox } = renderWithOutbox(<OutboxPanel />, store);
    outbox.items.value = await store.allItems();
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(await store.allItems()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Tap again to discard' }));
    await waitFor(async () => expect(await store.allItems()).toHaveLength(0));
    expect(screen.queryByTestId('refused-item')).toBeNull();
  });

  it('Retry sends the refused item again with its own key', async () => {
    let key: string | null = null;
    server.use(
      http.post('/api/tickets', ({ request }) => {
        key = request.headers.get('idempotency-key');
        return HttpResponse.json(fixture.activeTicket({ licensePlate: 'FULL 1' }), { status: 201 });
      }),
    );
    const store = memoryStore([item('ccc', 'refused', 'FULL 1')]);
    const { outbox } = renderWithOutbox(<OutboxPanel />, store);
    outbox.items.value = await store.allItems();
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(key).toBe('ccc'));
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect((await store.allItems())[0]?.state).toBe('sent');
  });

  it('shows an exit held back by its refused entry; discarding the entry discards the exit too', async () => {
    const entry = item('e', 'refused', 'FULL 2');
    const exit: OutboxItem = {
      key: 'x',
      kind: 'exit',
      createdAt: '2026-11-23T13:30:00.000Z',
      state: 'refused',
      attempts: 0,
      error: { code: 'entry_refused', message: 'Not sent: the entry OFF-E it belongs to was refused.' },
      ticket: null,
      sentAt: null,
      ticketNumber: 'OFF-E',
      licensePlate: 'FULL 2',
      quotedCents: 1000,
      entryKey: 'e',
      body: { paymentMethod: 'Cash', exitTime: '2026-11-23T13:30:00.000Z' },
    };
    const store = memoryStore([entry, exit]);
    const { outbox } = renderWithOutbox(<OutboxPanel />, store);
    outbox.items.value = await store.allItems();
    const rows = await screen.findAllByTestId('refused-item');
    expect(rows.map((r) => r.querySelector('p')?.textContent)).toEqual([expect.stringMatching(/^Entry FULL 2/), expect.stringMatching(/^Exit OFF-E \(FULL 2\), Cash/)]);
    expect(screen.getByText(/the entry OFF-E it belongs to was refused/)).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: 'Discard' })[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Tap again to discard it and its exit' }));
    await waitFor(() => expect(screen.queryAllByTestId('refused-item')).toHaveLength(0));
    expect(await store.allItems()).toEqual([]);
  });
});
