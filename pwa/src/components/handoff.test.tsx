import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReceiptLink, RevokedReceiptLinks } from '../../../shared/receipt-links.js';
import { Receipt } from '../routes/receipt.js';
import type { OutboxItem } from '../lib/local-store.js';
import { networkUp } from '../lib/network.js';
import { printWidth } from '../lib/print-layout.js';
import { qrSvg } from '../lib/qr.js';
import { TicketCard } from './ticket-card.js';
import { expectAccessible } from '../../test/axe.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { resetAppState, signedIn } from '../../test/render.js';

const link = ReceiptLink.parse({ ticketNumber: 'PS-7K3QXM', path: `/r/${'a'.repeat(22)}.${'b'.repeat(16)}`, createdAt: '2026-11-23T13:30:00.000Z' });
const LINK_URL = `http://localhost:5001${link.path}`;

const base = { createdAt: '2026-11-23T12:00:00.000Z', state: 'sent' as const, attempts: 1, error: null, sentAt: '2026-11-23T12:00:01.000Z', garageId: 1 };
const entryItem = (): Extract<OutboxItem, { kind: 'entry' }> => ({
  ...base,
  key: 'entry-1',
  kind: 'entry',
  body: { licensePlate: 'ABC 123', vehicleType: 'Car', entryTime: '2026-11-23T12:00:00.000Z' },
  ticket: fixture.activeTicket(),
});
const exitItem = (ticket = fixture.completedTicket({ paymentMethod: 'Cash' })): Extract<OutboxItem, { kind: 'exit' }> => ({
  ...base,
  key: 'exit-1',
  kind: 'exit',
  ticketNumber: 'PS-7K3QXM',
  licensePlate: 'ABC 123',
  quotedCents: null,
  body: { paymentMethod: 'Cash' },
  ticket,
});

/** Answers the receipt link of PS-7K3QXM in garage 1; gives back how many times it was asked. */
function linkServed() {
  const asked = { count: 0 };
  server.use(
    http.post('/api/garages/1/tickets/PS-7K3QXM/receipt-link', () => {
      asked.count++;
      return HttpResponse.json(link);
    }),
  );
  return asked;
}

let share: ReturnType<typeof vi.fn>;
beforeEach(() => {
  resetAppState();
  signedIn();
  share = vi.fn(async () => undefined);
  Object.assign(navigator, { share, canShare: undefined });
});
afterEach(() => {
  Object.assign(navigator, { share: undefined, canShare: undefined });
  vi.restoreAllMocks();
  printWidth.value = '80';
});

describe('the ticket card', () => {
  it('shares the ticket number, plate and time in words', async () => {
    render(<main><TicketCard item={entryItem()} /></main>);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    expect(share).toHaveBeenCalledWith({ title: 'Parking ticket PS-7K3QXM', text: 'Parking ticket PS-7K3QXM · ABC 123 · in at Nov 23, 7:00 AM' });
  });

  it('adds the QR code as a PNG file where the phone can share files', async () => {
    const canShare = vi.fn(() => true);
    Object.assign(navigator, { canShare });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ fillRect: () => undefined, fillStyle: '' } as unknown as CanvasRenderingContext2D);
    const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => done(new Blob(['png'], { type: 'image/png' })));
    render(<main><TicketCard item={entryItem()} /></main>);
    await waitFor(() => expect(toBlob).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0)); // the file is kept once its blob is made
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    const data = share.mock.calls[0]![0] as ShareData;
    expect(data.text).toContain('PS-7K3QXM');
    expect(data.files).toHaveLength(1);
    expect(data.files![0]).toMatchObject({ name: 'PS-7K3QXM.png', type: 'image/png' });
    expect(canShare).toHaveBeenCalledWith({ files: data.files });
  });

  it('has no Share button where the browser has no share sheet, and says when sharing fails', async () => {
    Object.assign(navigator, { share: undefined });
    const { unmount } = render(<main><TicketCard item={entryItem()} /></main>);
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    unmount();
    Object.assign(navigator, { share: vi.fn(async () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))) });
    render(<main><TicketCard item={entryItem()} /></main>);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not share: Permission denied');
  });

  it('a closed share sheet is no failure', async () => {
    Object.assign(navigator, { share: vi.fn(async () => Promise.reject(new DOMException('Share canceled', 'AbortError'))) });
    render(<main><TicketCard item={entryItem()} /></main>);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('prints the card alone on the paper chosen, 58 or 80 mm, and remembers the choice', async () => {
    const seen: { width: string | undefined; target: boolean }[] = [];
    const print = vi.fn(() => {
      seen.push({ width: document.documentElement.dataset.printWidth, target: document.querySelector('.ticket-card')!.classList.contains('print-target') });
      window.dispatchEvent(new Event('afterprint'));
    });
    window.print = print;
    render(<main><TicketCard item={entryItem()} /></main>);
    expect((screen.getByLabelText('80 mm') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('58 mm'));
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    fireEvent.click(screen.getByLabelText('80 mm'));
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(seen).toEqual([
      { width: '58', target: true },
      { width: '80', target: true },
    ]);
    expect(document.documentElement.dataset.printWidth).toBeUndefined();
    expect(document.querySelector('.print-target')).toBeNull();
    fireEvent.click(screen.getByLabelText('58 mm'));
    expect(localStorage.getItem('parkops.printWidth')).toBe('"58"');
  });

  it('is accessible', async () => {
    render(<main><TicketCard item={entryItem()} /></main>);
    await expectAccessible();
  });
});

describe('the receipt', () => {
  it('shows the QR code of its receipt link, fetched when shown, and shares the link', async () => {
    const asked = linkServed();
    render(<main><Receipt item={exitItem()} /></main>);
    const qr = await screen.findByTestId('receipt-qr');
    expect(qr.dataset.url).toBe(LINK_URL);
    const drawn = document.createElement('div');
    drawn.innerHTML = qrSvg(LINK_URL);
    await waitFor(() => expect(qr.innerHTML).toBe(drawn.innerHTML));
    expect(screen.getByText(`Scan to see this receipt: ${LINK_URL}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    expect(share.mock.calls[0]![0]).toEqual({
      title: 'Parking receipt PS-7K3QXM',
      text: 'Parking receipt PS-7K3QXM · ABC 123 · paid $20.00 (Cash) · out at Nov 23, 8:30 AM',
      url: LINK_URL,
    });
    expect(asked.count).toBe(1);
    await expectAccessible();
  });

  it('offline: says the link comes when back online, and fetches it then', async () => {
    networkUp.value = false;
    const asked = linkServed();
    render(<main><Receipt item={exitItem()} /></main>);
    expect(screen.getByText('Receipt link when back online.')).toBeTruthy();
    expect(asked.count).toBe(0);
    networkUp.value = true;
    expect((await screen.findByTestId('receipt-qr')).dataset.url).toBe(LINK_URL);
    expect(asked.count).toBe(1);
  });

  it('an exit still on the phone says its link comes with the sync; a voided ticket has none', async () => {
    const { unmount } = render(<Receipt item={{ ...exitItem(), ticket: null, state: 'pending' }} />);
    expect(screen.getByText(/QR code of its receipt link/)).toBeTruthy();
    unmount();
    render(<Receipt item={exitItem(fixture.voidedTicket())} />);
    expect(screen.getByTestId('voided')).toBeTruthy();
    expect(screen.queryByTestId('receipt-qr')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull();
  });

  it('says why there is no link when the server refuses one', async () => {
    server.use(http.post('/api/garages/1/tickets/PS-7K3QXM/receipt-link', () => HttpResponse.json(apiError('ticket_not_completed', 'Ticket PS-7K3QXM is not paid yet.'), { status: 409 })));
    render(<main><Receipt item={exitItem()} /></main>);
    expect((await screen.findByRole('alert')).textContent).toContain('Ticket PS-7K3QXM is not paid yet.');
    linkServed();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByTestId('receipt-qr')).dataset.url).toBe(LINK_URL);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a manager revokes the link after a confirm; an attendant has no such button', async () => {
    linkServed();
    const { unmount } = render(<main><Receipt item={exitItem()} /></main>);
    await screen.findByTestId('receipt-qr');
    expect(screen.queryByRole('button', { name: 'Revoke receipt link…' })).toBeNull();
    unmount();

    signedIn(fixture.user({ role: 'manager' }));
    let revoked = 0;
    server.use(
      http.post('/api/garages/1/tickets/PS-7K3QXM/receipt-link/revoke', () => {
        revoked++;
        return HttpResponse.json(RevokedReceiptLinks.parse({ ticketNumber: 'PS-7K3QXM', revoked: 1 }));
      }),
    );
    render(<main><Receipt item={exitItem()} /></main>);
    await screen.findByTestId('receipt-qr');
    fireEvent.click(screen.getByRole('button', { name: 'Revoke receipt link…' }));
    expect(screen.getByRole('group', { name: 'Revoke the receipt link?' })).toBeTruthy();
    await expectAccessible();
    expect(revoked).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke it' }));
    expect((await screen.findByText('Receipt link revoked: it no longer shows this receipt.')).getAttribute('role')).toBe('status');
    expect(revoked).toBe(1);
    expect(screen.queryByTestId('receipt-qr')).toBeNull();
  });

  it('prints the receipt alone, its link QR with it', () => {
    linkServed();
    const seen: string[] = [];
    window.print = vi.fn(() => {
      seen.push(document.querySelector('.print-target')?.className ?? 'none');
      window.dispatchEvent(new Event('afterprint'));
    });
    render(<main><Receipt item={exitItem()} /></main>);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(seen).toEqual(['receipt print-target']);
  });
});
