import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Shift } from '../../../shared/shifts.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { networkUp } from '../lib/network.js';
import { ShiftScreen } from './shift.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

/** A shift as the server answers it; open and blind (no cash figures) unless a test says otherwise. */
const shift = (over: Partial<Shift> = {}): Shift =>
  Shift.parse({
    id: 4, garageId: 1, userId: 7, username: 'ana', status: 'open', openedAt: '2026-11-23T08:02:00.000Z', openingFloatCents: 10_000, closedAt: null,
    entries: 12, exits: 9, cardCents: 4_550, mobileCents: 1_200, cashTakenCents: null, cashRefundedCents: null, voids: 0, refunds: 0, lostTickets: 0,
    movements: [], declaredCashCents: null, expectedCashCents: null, varianceCents: null, closeNote: null, reconciled: null, ...over,
  });

const type = (label: RegExp | string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('Shift screen', () => {
  it('opens a shift with the float in dollars, and its card shows no cash figure', async () => {
    let sent: unknown;
    server.use(
      http.post('/api/garages/1/shifts', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(shift({ openingFloatCents: 15_050 }), { status: 201 });
      }),
    );
    renderWithOutbox(<ShiftScreen />);
    await screen.findByLabelText('Opening float (dollars)');
    type('Opening float (dollars)', '150.50');
    fireEvent.click(screen.getByRole('button', { name: 'Open shift' }));
    const card = await screen.findByTestId('shift-card');
    expect(sent).toEqual({ openingFloatCents: 15_050 });
    expect(card.textContent).toContain('Shift open since 8:02 AM');
    for (const text of ['$150.50', '12 in · 9 out', '$45.50', '$12.00', 'Counted at the close']) expect(card.textContent).toContain(text);
    // The only dollar figures are the float, card and mobile: no cash total, no expected cash.
    expect(card.textContent?.match(/\$[\d,.]+/g)).toEqual(['$150.50', '$45.50', '$12.00']);
    expect(screen.queryByText(/expected/i)).toBeNull();
  });

  it('shows the shift already open when the server says so', async () => {
    let asked = 0;
    server.use(
      http.get('/api/garages/1/shifts/current', () => (++asked === 1 ? HttpResponse.json(apiError('not_found', 'No open shift'), { status: 404 }) : HttpResponse.json(shift()))),
      http.post('/api/garages/1/shifts', () => HttpResponse.json(apiError('shift_already_open', 'You already have an open shift'), { status: 409 })),
    );
    renderWithOutbox(<ShiftScreen />);
    await screen.findByLabelText('Opening float (dollars)');
    type('Opening float (dollars)', '100');
    fireEvent.click(screen.getByRole('button', { name: 'Open shift' }));
    expect((await screen.findByTestId('shift-card')).textContent).toContain('Shift open since 8:02 AM');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('records a cash drop with its amount and reason', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/shifts/current', () => HttpResponse.json(shift())),
      http.post('/api/garages/1/shifts/4/movements', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(shift({ movements: [{ id: 1, kind: 'drop', amountCents: 20_000, reason: 'To the safe', at: '2026-11-23T11:00:00.000Z', by: 'ana' }] }));
      }),
    );
    renderWithOutbox(<ShiftScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cash drop' }));
    type('Amount (dollars)', '200');
    type('What it was for', 'To the safe');
    fireEvent.click(screen.getByRole('button', { name: 'Record cash drop' }));
    expect(await screen.findByText(/Cash drop · \$200.00 · To the safe/)).toBeTruthy();
    expect(sent).toEqual({ kind: 'drop', amountCents: 20_000, reason: 'To the safe' });
  });

  it('adds up the count exactly in cents and shows expected cash and variance only after the answer', async () => {
    let sent: unknown;
    let answer: (() => void) | undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get('/api/garages/1/shifts/current', () => HttpResponse.json(shift())),
      http.post('/api/garages/1/shifts/4/close', async ({ request }) => {
        sent = await request.json();
        await answered;
        return HttpResponse.json(shift({ status: 'closed', closedAt: '2026-11-23T16:00:00.000Z', cashTakenCents: 0, cashRefundedCents: 0, declaredCashCents: 6175, expectedCashCents: 6295, varianceCents: -120 }));
      }),
    );
    renderWithOutbox(<ShiftScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Close shift' }));
    type('$20 bills', '3');
    type('25¢ coins', '7');
    expect(screen.getByTestId('counted').textContent).toBe('$61.75');
    type('Note (optional)', 'Busy day');
    fireEvent.click(screen.getByRole('button', { name: /Submit count of \$61.75/ }));
    await waitFor(() => expect(sent).toEqual({ declaredCashCents: 6175, note: 'Busy day' }));
    expect(screen.queryByTestId('close-result')).toBeNull();
    expect(screen.queryByText(/Short|Over|Balanced|\$62.95/)).toBeNull();
    answer?.();
    const result = await screen.findByTestId('close-result');
    expect(result.textContent).toContain('$61.75');
    expect(result.textContent).toContain('$62.95');
    expect(screen.getByTestId('variance').textContent).toBe('Short $1.20');
  });

  it('says plainly that a shift needs a connection, and keeps what was typed', async () => {
    server.use(http.post('/api/garages/1/shifts', () => HttpResponse.error()));
    networkUp.value = false;
    renderWithOutbox(<ShiftScreen />);
    expect(await screen.findByText(/Opening and closing a shift needs a connection. The phone is offline/)).toBeTruthy();
    await screen.findByLabelText('Opening float (dollars)');
    type('Opening float (dollars)', '100');
    fireEvent.click(screen.getByRole('button', { name: 'Open shift' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Opening and closing a shift needs a connection/);
    expect((screen.getByLabelText('Opening float (dollars)') as HTMLInputElement).value).toBe('100');
  });
});

describe('Shift screen for managers', () => {
  beforeEach(() => signedIn(fixture.user({ id: 2, username: 'boss', role: 'manager' })));

  it("lists the garage's shifts with their variance and reconciles one with a note", async () => {
    const ended = shift({ id: 9, status: 'closed', closedAt: '2026-11-23T16:00:00.000Z', cashTakenCents: 0, cashRefundedCents: 0, declaredCashCents: 9950, expectedCashCents: 10_000, varianceCents: -50 });
    let sent: unknown;
    server.use(
      http.get('/api/garages/1/shifts', () => HttpResponse.json({ shifts: [shift({ id: 10, username: 'ben', openedAt: '2026-11-23T17:00:00.000Z' }), ended], nextBefore: null })),
      http.post('/api/garages/1/shifts/9/reconcile', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...ended, reconciled: { by: 'boss', at: '2026-11-23T18:00:00.000Z', note: 'Found under the drawer' } });
      }),
    );
    renderWithOutbox(<ShiftScreen />);
    const rows = await screen.findAllByTestId('shift-row');
    expect(rows[0]?.textContent).toContain('ben · Open');
    expect(rows[0]?.textContent).not.toMatch(/Short|Over|Balanced/);
    expect(rows[1]?.textContent).toContain('Short $0.50');
    expect(screen.getAllByRole('button', { name: 'Reconcile' })).toHaveLength(1);
    type(/What was found/, 'Found under the drawer');
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile' }));
    expect(await screen.findByText(/Reconciled by boss: “Found under the drawer”/)).toBeTruthy();
    expect(sent).toEqual({ note: 'Found under the drawer' });
  });
});

describe('the garage’s past shifts, a page at a time', () => {
  beforeEach(() => signedIn(fixture.user({ id: 2, username: 'boss', role: 'manager' })));

  const closedShift = (id: number, username: string) =>
    shift({ id, username, status: 'closed', closedAt: '2026-11-22T16:00:00.000Z', cashTakenCents: 0, cashRefundedCents: 0, declaredCashCents: 10_000, expectedCashCents: 10_000, varianceCents: 0 });

  it('"Show older" asks for the shifts before the last one shown, adds them, and goes once there are no more', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/garages/1/shifts', ({ request }) => {
        const before = new URL(request.url).searchParams.get('before');
        asked.push(before ?? 'first');
        if (before === null) return HttpResponse.json({ shifts: [closedShift(12, 'ben'), closedShift(11, 'cleo')], nextBefore: 11 });
        if (before === '11') return HttpResponse.json({ shifts: [closedShift(10, 'dev'), closedShift(9, 'eli')], nextBefore: 9 });
        return HttpResponse.json({ shifts: [closedShift(3, 'fay')], nextBefore: null });
      }),
    );
    renderWithOutbox(<ShiftScreen />);
    expect(await screen.findAllByTestId('shift-row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('shift-row')).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('shift-row')).toHaveLength(5));
    expect(screen.getAllByTestId('shift-row').map((r) => r.textContent?.split(' ·')[0])).toEqual(['ben', 'cleo', 'dev', 'eli', 'fay']);
    expect(asked).toEqual(['first', '11', '9']);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('no "Show older" when the first page is all there is', async () => {
    server.use(http.get('/api/garages/1/shifts', () => HttpResponse.json({ shifts: [closedShift(2, 'ben')], nextBefore: null })));
    renderWithOutbox(<ShiftScreen />);
    expect(await screen.findAllByTestId('shift-row')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('a failed "Show older" says why and keeps the shifts shown', async () => {
    server.use(
      http.get('/api/garages/1/shifts', ({ request }) =>
        new URL(request.url).searchParams.get('before') ? HttpResponse.error() : HttpResponse.json({ shifts: [closedShift(12, 'ben')], nextBefore: 12 }),
      ),
    );
    renderWithOutbox(<ShiftScreen />);
    await screen.findAllByTestId('shift-row');
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Older shifts could not be loaded: Can't reach the server. Check the signal (Wi-Fi or mobile data) and try again.");
    expect(screen.getAllByTestId('shift-row')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Show older' })).toBeTruthy();
  });
});
