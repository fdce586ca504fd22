import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscardBody } from '../../../shared/discards.js';
import { fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore, type OutboxItem } from '../lib/local-store.js';
import type { Outbox } from '../lib/outbox.js';
import { OutboxPanel } from './outbox-panel.js';
import { PendingChip } from './pending-chip.js';

let outbox: Outbox | undefined;
beforeEach(() => {
  resetAppState();
  signedIn();
  localStorage.setItem('parkops.lastSyncedAt', JSON.stringify('2026-11-23T14:05:00.000Z'));
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});
afterEach(() => outbox?.stop());

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

/** A cash exit the server refused (or held back for its refused entry, when `entryKey` is given). */
const paidExit = (key: string, over: Partial<Extract<OutboxItem, { kind: 'exit' }>> = {}): OutboxItem => ({
  key,
  kind: 'exit',
  createdAt: '2026-11-23T13:30:00.000Z',
  state: 'refused',
  attempts: 1,
  error: { code: 'ticket_already_completed', message: 'Ticket PS-7K3QXM was already paid' },
  ticket: null,
  sentAt: null,
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  quotedCents: 1000,
  entryKey: null,
  body: { paymentMethod: 'Cash', exitTime: '2026-11-23T13:30:00.000Z' },
  ...over,
});

/** The server records what the phone reports, as the real one does; it keeps each report. */
function recordingDiscards(reports: DiscardBody[]) {
  return http.post('/api/garages/1/discards', async ({ request }) => {
    const body = DiscardBody.parse(await request.json());
    reports.push(body);
    return HttpResponse.json(fixture.discard(body, { id: reports.length }), { status: 201 });
  });
}

async function show(items: OutboxItem[]) {
  const store = memoryStore(items);
  const rendered = renderWithOutbox(
    <>
      <PendingChip />
      <OutboxPanel />
    </>,
    store,
  );
  outbox = rendered.outbox;
  // Loading without draining: the server is asked only when a test says so.
  rendered.outbox.items.value = await store.allItems();
  return { store, outbox: rendered.outbox };
}

const reasonField = () => screen.getByLabelText<HTMLTextAreaElement>(/^Why/);

describe('pending chip and outbox panel', () => {
  it('says in words what waits and what needs the attendant, and shows each refusal with Retry', async () => {
    await show([item('a', 'pending', 'P 1'), item('bb', 'pending', 'P 2'), item('ccc', 'refused', 'FULL 1')]);
    await waitFor(() => expect(screen.getByTestId('pending-chip').textContent).toBe('2 waiting to send · 1 needs you'));
    const refused = screen.getByTestId('refused-item');
    expect(refused.textContent).toContain('Entry FULL 1 (Car)');
    expect(refused.textContent).toContain('Garage is full — 140/140');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByText('2 waiting to be sent')).toBeTruthy();
  });

  it('once everything is sent, the chip says so with the time on a 12-hour clock', async () => {
    await show([]);
    expect(screen.getByTestId('pending-chip').textContent).toBe('All sent · 2:05 PM');
  });

  it('Discard asks why, records it on the server (what, when, what the server said, why), and only then removes it from the phone', async () => {
    const reports: DiscardBody[] = [];
    server.use(recordingDiscards(reports));
    const { store } = await show([item('ccc', 'refused', 'FULL 1')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard and record' }));
    expect(await screen.findByText('Say in a few words why it is discarded')).toBeTruthy();
    expect(reports).toEqual([]);
    expect(await store.allItems()).toHaveLength(1);

    fireEvent.input(reasonField(), { target: { value: 'Driver left: the garage was full' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard and record' }));
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect(reports).toEqual([
      {
        key: 'ccc',
        kind: 'entry',
        ticketNumber: 'OFF-CCC',
        licensePlate: 'FULL 1',
        vehicleType: 'Car',
        paymentMethod: null,
        amountCents: null,
        happenedAt: '2026-11-23T13:03:00.000Z',
        refusal: { code: 'garage_full', message: 'Garage is full — 140/140' },
        reason: 'Driver left: the garage was full',
      },
    ]);
    expect(await store.allItems()).toEqual([]);
  });

  it('offline, a discard stays on the phone and says it is recorded when back online; it goes once the server has the record', async () => {
    server.use(http.post('/api/garages/1/discards', () => HttpResponse.error()));
    const { store } = await show([item('ccc', 'refused', 'FULL 1')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    fireEvent.input(reasonField(), { target: { value: 'Typed twice by mistake' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard and record' }));
    expect(await screen.findByText(/^Discarded, not recorded yet: it is recorded when the phone is back online/)).toBeTruthy();
    await waitFor(() => expect(outbox!.unreachable.value).toBe(true));
    expect(screen.getByTestId('refused-item')).toBeTruthy();
    expect(await store.allItems()).toHaveLength(1);

    const reports: DiscardBody[] = [];
    server.use(recordingDiscards(reports));
    await outbox!.drain();
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect(reports.map((r) => [r.key, r.reason])).toEqual([['ccc', 'Typed twice by mistake']]);
    expect(await store.allItems()).toEqual([]);
  });

  it('a refused exit where money was taken cannot just be discarded: it is handed to a manager, and says the money must be accounted for', async () => {
    const reports: DiscardBody[] = [];
    server.use(recordingDiscards(reports));
    const { store } = await show([paidExit('x')]);
    expect(screen.queryByRole('button', { name: 'Discard' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Hand to a manager' }));
    expect(screen.getByText(/The driver paid Cash \(\$10\.00\): the money must be accounted for/)).toBeTruthy();
    fireEvent.input(reasonField(), { target: { value: 'Paid twice; money kept in the cash box' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hand to a manager' }));
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect(reports).toEqual([
      expect.objectContaining({ key: 'x', kind: 'exit', ticketNumber: 'PS-7K3QXM', licensePlate: 'ABC 123', paymentMethod: 'Cash', amountCents: 1000, reason: 'Paid twice; money kept in the cash box' }),
    ]);
    expect(await store.allItems()).toEqual([]);
  });

  it('discarding an entry whose paid exit waits on it reports both, each its own record, the exit for a manager', async () => {
    const reports: DiscardBody[] = [];
    server.use(recordingDiscards(reports));
    const entry = item('e', 'refused', 'FULL 2');
    const exit = paidExit('x', { ticketNumber: 'OFF-E', licensePlate: 'FULL 2', entryKey: 'e', error: { code: 'entry_refused', message: 'Not sent: the entry OFF-E it belongs to was refused.' } });
    const { store } = await show([entry, exit]);
    const rows = await screen.findAllByTestId('refused-item');
    expect(rows.map((r) => r.querySelector('p')?.textContent)).toEqual([expect.stringMatching(/^Entry FULL 2/), expect.stringMatching(/^Exit OFF-E \(FULL 2\), Cash/)]);

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByText(/Its exit \(Cash, \$10\.00\) is reported too and handed to a manager/)).toBeTruthy();
    fireEvent.input(reasonField(), { target: { value: 'Car turned away, driver refunded' } });
    fireEvent.click(screen.getByRole('button', { name: 'Discard and record' }));
    await waitFor(() => expect(screen.queryAllByTestId('refused-item')).toHaveLength(0));
    expect(reports.map((r) => [r.key, r.kind, r.paymentMethod, r.amountCents])).toEqual([
      ['e', 'entry', null, null],
      ['x', 'exit', 'Cash', 1000],
    ]);
    expect(await store.allItems()).toEqual([]);
  });

  it('Retry sends the refused item again with its own key', async () => {
    let key: string | null = null;
    server.use(
      http.post('/api/garages/1/tickets', ({ request }) => {
        key = request.headers.get('idempotency-key');
        return HttpResponse.json(fixture.activeTicket({ licensePlate: 'FULL 1' }), { status: 201 });
      }),
    );
    const { store } = await show([item('ccc', 'refused', 'FULL 1')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(key).toBe('ccc'));
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect((await store.allItems())[0]?.state).toBe('sent');
  });
});

describe('refused requests in the outbox panel', () => {
  const refusedRefund: OutboxItem = {
    key: 'r-1',
    kind: 'refund',
    createdAt: '2026-11-23T13:40:00.000Z',
    state: 'refused',
    attempts: 1,
    error: { code: 'refund_exceeds_paid', message: 'Only $5.00 of PS-7K3QXM can still be refunded' },
    ticket: null,
    sentAt: null,
    garageId: 1,
    ticketNumber: 'PS-7K3QXM',
    licensePlate: 'ABC 123',
    body: { amountCents: 1000, reason: 'wrong_rate', method: 'Cash' },
    outcome: null,
  };

  it('say what was asked, with Retry; Discard takes a request that changed nothing off the phone, nothing to report', async () => {
    const { store } = await show([refusedRefund]);
    const row = screen.getByTestId('refused-item');
    expect(row.textContent).toContain('Refund $10.00 (Cash) on PS-7K3QXM (ABC 123): Wrong rate, at 1:40 PM');
    expect(row.textContent).toContain('Only $5.00 of PS-7K3QXM can still be refunded');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByText(/Nothing changed on the ticket and no money changed hands/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard the request' }));
    await waitFor(() => expect(screen.queryByTestId('refused-item')).toBeNull());
    expect(await store.allItems()).toEqual([]);
  });
});
