import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { approvalsBadge } from '../lib/approvals.js';
import { rememberStats } from '../lib/garage.js';
import { ApprovalsScreen } from './approvals.js';

beforeEach(() => {
  resetAppState();
  signedIn(fixture.user({ id: 2, username: 'sam', role: 'manager' }));
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

const voidRequest = fixture.exception({ id: 41, type: 'void', amountCents: 2000, reason: 'duplicate' });
const refundRequest = fixture.exception({
  id: 42,
  type: 'refund',
  ticketNumber: 'PS-B7Q2WX',
  licensePlate: 'XYZ 9',
  amountCents: 500,
  reason: 'other',
  note: 'Gate arm hit the car',
  requestedByName: 'ben',
  requestedAt: '2026-11-23T15:10:00.000Z',
  expiresAt: '2026-11-23T15:40:00.000Z',
});

const page = (...exceptions: (typeof voidRequest)[]) => HttpResponse.json({ exceptions, nextBefore: null });

describe('Approvals (managers)', () => {
  it('lists each request with what, ticket, plate, reason, who asked, when and until when; approving takes it off the list', async () => {
    let query: URLSearchParams | undefined;
    const approved: string[] = [];
    server.use(
      http.get('/api/garages/1/exceptions', ({ request }) => {
        query = new URL(request.url).searchParams;
        return page(voidRequest, refundRequest);
      }),
      http.post('/api/garages/1/exceptions/:id/approve', ({ params }) => {
        approved.push(String(params.id));
        return HttpResponse.json(fixture.exception({ ...voidRequest, status: 'approved', decidedByName: 'sam', decidedAt: '2026-11-23T14:20:00.000Z' }));
      }),
    );
    renderWithOutbox(<ApprovalsScreen />);
    const rows = await screen.findAllByTestId('approval');
    expect(query?.get('status')).toBe('pending');
    expect(approvalsBadge.value).toBe('2');
    for (const text of ['Void (forgives $20.00 due)', 'PS-7K3QXM · ABC 123', 'Duplicate ticket', 'Asked by ana at 2:05 PM · expires 2:35 PM']) expect(rows[0]!.textContent).toContain(text);
    for (const text of ['Refund $5.00', 'PS-B7Q2WX · XYZ 9', 'Other — “Gate arm hit the car”', 'Asked by ben at 3:10 PM · expires 3:40 PM']) expect(rows[1]!.textContent).toContain(text);

    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Approve/ }));
    await waitFor(() => expect(screen.getAllByTestId('approval')).toHaveLength(1));
    expect(approved).toEqual(['41']);
    expect(screen.getByRole('status').textContent).toBe('Approved: Void (forgives $20.00 due) on PS-7K3QXM (asked by ana).');
    expect(approvalsBadge.value).toBe('1');
  });

  it('denies with an optional note for the one who asked', async () => {
    let denied: { id: string; body: unknown } | undefined;
    server.use(
      http.get('/api/garages/1/exceptions', () => page(refundRequest)),
      http.post('/api/garages/1/exceptions/:id/deny', async ({ params, request }) => {
        denied = { id: String(params.id), body: await request.json() };
        return HttpResponse.json(fixture.exception({ ...refundRequest, status: 'denied', decidedByName: 'sam', decidedAt: '2026-11-23T15:20:00.000Z', decisionNote: 'No damage on camera' }));
      }),
    );
    renderWithOutbox(<ApprovalsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: /^Deny…/ }));
    fireEvent.input(screen.getByLabelText('Note for ben (optional)'), { target: { value: 'No damage on camera' } });
    fireEvent.click(screen.getByRole('button', { name: 'Deny Refund $5.00 on PS-B7Q2WX' }));
    await waitFor(() => expect(screen.queryByTestId('approval')).toBeNull());
    expect(denied).toEqual({ id: '42', body: { note: 'No damage on camera' } });
    expect(screen.getByRole('status').textContent).toBe('Denied: Refund $5.00 on PS-B7Q2WX (asked by ben).');
    expect(screen.getByText('Nothing waits for a decision.')).toBeTruthy();
  });

  it('says in words who decided first (already_decided) or that it expired, and takes it off the list', async () => {
    const decided = fixture.exception({ ...voidRequest, status: 'approved', decidedBy: 'user:3', decidedByName: 'rita', decidedAt: '2026-11-23T14:05:00.000Z' });
    const expired = fixture.exception({ ...refundRequest, status: 'expired' });
    server.use(
      http.get('/api/garages/1/exceptions', () => page(voidRequest, refundRequest)),
      http.post('/api/garages/1/exceptions/41/approve', () =>
        HttpResponse.json(apiError('already_decided', `This request was already approved by rita at ${decided.decidedAt}`, [{ exception: decided }]), { status: 409 }),
      ),
      http.post('/api/garages/1/exceptions/42/deny', () =>
        HttpResponse.json(apiError('request_expired', `This request expired at ${expired.expiresAt} without a decision; ask again`, [{ exception: expired }]), { status: 409 }),
      ),
    );
    renderWithOutbox(<ApprovalsScreen />);
    const [first] = await screen.findAllByTestId('approval');
    fireEvent.click(within(first!).getByRole('button', { name: /^Approve/ }));
    expect(await screen.findByText('PS-7K3QXM: already approved by rita at 2:05 PM.')).toBeTruthy();
    expect(screen.getAllByTestId('approval')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: /^Deny…/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Deny Refund/ }));
    expect(await screen.findByText('PS-B7Q2WX: expired at 3:40 PM without a decision.')).toBeTruthy();
    expect(screen.queryByTestId('approval')).toBeNull();
  });

  it('keeps a request the server would not carry out (the car left meanwhile), saying why', async () => {
    server.use(
      http.get('/api/garages/1/exceptions', () => page(voidRequest)),
      http.post('/api/garages/1/exceptions/41/approve', () =>
        HttpResponse.json(apiError('ticket_not_active', 'Ticket PS-7K3QXM is paid: only a car still inside can be voided'), { status: 409 }),
      ),
    );
    renderWithOutbox(<ApprovalsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: /^Approve/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ticket PS-7K3QXM is paid: only a car still inside can be voided');
    expect(screen.getAllByTestId('approval')).toHaveLength(1);
  });

  it('says when nothing waits, and when the list needs the server', async () => {
    server.use(http.get('/api/garages/1/exceptions', () => page()));
    const { unmount } = renderWithOutbox(<ApprovalsScreen />);
    expect(await screen.findByText('Nothing waits for a decision.')).toBeTruthy();
    expect(approvalsBadge.value).toBeNull();
    unmount();
    server.use(http.get('/api/garages/1/exceptions', () => HttpResponse.error()));
    renderWithOutbox(<ApprovalsScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Can't reach the server/);
  });
});
