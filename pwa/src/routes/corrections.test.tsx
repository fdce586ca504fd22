import { act, fireEvent, screen } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REASON_WORDS, VOID_REASONS, type GarageException } from '../../../shared/corrections.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { garageChoices } from '../lib/garage-choice.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore } from '../lib/local-store.js';
import { currentUser } from '../lib/session.js';
import { ExitScreen } from './exit.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});
afterEach(() => vi.useRealTimers());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const UUID = /^[0-9a-f-]{36}$/;

/** Waits (on real timeouts: intervals may be faked) until `ok()` holds, for at most a second. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(ok()).toBe(true);
}

function findTicket(typed: string) {
  fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: typed } });
  fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
}

/** The server as far as one active ticket goes: it answers the lookup. */
const parked = (garageId = 1) => http.get(`/api/garages/${garageId}/tickets/:n`, () => HttpResponse.json(fixture.activeTicket({ entryTime: minutesAgo(90) }, new Date())));

async function openVoid() {
  findTicket('PS-7K3QXM');
  fireEvent.click(await screen.findByRole('button', { name: 'Void this ticket…' }));
  await screen.findByRole('heading', { name: 'Void PS-7K3QXM' });
}

describe('void from Car out', () => {
  it('asks for a reason with buttons first, a note for Other, then shows the ticket voided — never charged', async () => {
    const sent: { body: unknown; key: string | null }[] = [];
    server.use(
      parked(),
      http.post('/api/garages/1/tickets/:n/void', async ({ request }) => {
        sent.push({ body: await request.json(), key: request.headers.get('idempotency-key') });
        return HttpResponse.json(fixture.done(fixture.voidedTicket({ reason: 'other', note: 'Staff test car' })));
      }),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    await openVoid();
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(VOID_REASONS.map((r) => REASON_WORDS[r]));
    expect(screen.queryByLabelText(/Note/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Pick a reason first.');

    fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    expect(screen.getByLabelText('Note (required: say why)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/a note of 3 characters or more/);
    expect(sent).toEqual([]);

    fireEvent.input(screen.getByLabelText('Note (required: say why)'), { target: { value: 'Staff test car' } });
    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect((await screen.findByTestId('voided')).textContent).toBe('Voided — never charged');
    expect(screen.getByText('Voided', { selector: '.big-text' })).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ reason: 'other', note: 'Staff test car' });
    expect(sent[0]!.key).toMatch(UUID);
    expect(outbox.items.value[0]).toMatchObject({ kind: 'void', garageId: 1, state: 'sent', key: sent[0]!.key, outcome: { outcome: 'done' } });
  });

  it('waiting for a manager: the card says until when, checks the request every 10 s, then says Approved', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let decision: GarageException = fixture.exception({ status: 'pending', expiresAt: '2026-11-23T14:35:00.000Z' });
    let checks = 0;
    server.use(
      http.get('/api/garages/1/tickets/:n', () =>
        HttpResponse.json(decision.status === 'approved' ? fixture.voidedTicket() : fixture.activeTicket({ entryTime: minutesAgo(90) }, new Date())),
      ),
      http.post('/api/garages/1/tickets/:n/void', () => HttpResponse.json(fixture.pending(fixture.exception()), { status: 202 })),
      http.get('/api/garages/1/exceptions/41', () => {
        checks++;
        return HttpResponse.json(decision);
      }),
    );
    renderWithOutbox(<ExitScreen />);
    await openVoid();
    fireEvent.click(screen.getByRole('radio', { name: 'Duplicate ticket' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect((await screen.findByText('Waiting for a manager (expires 2:35 PM)')).closest('[role=status]')).toBeTruthy();
    await until(() => checks === 1);

    decision = fixture.exception({ status: 'approved', decidedBy: 'user:2', decidedByName: 'sam', decidedAt: '2026-11-23T14:40:00.000Z' });
    await act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(await screen.findByText(/Approved by sam at 2:40 PM\. The ticket is voided — never charged\./)).toBeTruthy();
    expect(checks).toBe(2);
    expect((await screen.findByTestId('voided')).textContent).toBe('Voided — never charged');
    await act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(checks).toBe(2);
  });

  it('says who denied the request and their note', async () => {
    server.use(
      parked(),
      http.post('/api/garages/1/tickets/:n/void', () => HttpResponse.json(fixture.pending(fixture.exception()), { status: 202 })),
      http.get('/api/garages/1/exceptions/41', () =>
        HttpResponse.json(fixture.exception({ status: 'denied', decidedByName: 'sam', decidedAt: '2026-11-23T14:40:00.000Z', decisionNote: 'Car is still here' })),
      ),
    );
    renderWithOutbox(<ExitScreen />);
    await openVoid();
    fireEvent.click(screen.getByRole('radio', { name: 'Wrong plate' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect(await screen.findByText('Denied by sam at 2:40 PM: “Car is still here”. The ticket stays active: charge it at exit as usual.')).toBeTruthy();
  });

  it('offline: waits in the outbox with its garage, and is sent once, to that garage, when the server answers', async () => {
    signedIn(fixture.user({ garageIds: [2], defaultGarageId: 2 }), [fixture.garage({ id: 2, name: 'Harbor Deck' })]);
    rememberStats(2, fixture.stats({ timezone: 'UTC' }));
    const seen = fixture.activeTicket({ entryTime: minutesAgo(60) });
    server.use(http.get('/api/garages/2/tickets/:n', () => HttpResponse.error()), http.post('/api/garages/2/tickets/:n/void', () => HttpResponse.error()));
    const { outbox } = renderWithOutbox(<ExitScreen />, memoryStore([], [{ ...seen, garageId: 2 }]));
    await openVoid();
    fireEvent.click(screen.getByRole('radio', { name: 'Test ticket' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void the ticket' }));
    expect(await screen.findByText('Waiting to be sent')).toBeTruthy();
    expect(outbox.pending.value).toHaveLength(1);
    const item = outbox.pending.value[0]!;
    expect(item).toMatchObject({ kind: 'void', garageId: 2, ticketNumber: 'PS-7K3QXM', licensePlate: 'ABC 123', body: { reason: 'test' } });

    // Back online, with another garage on screen by then: the void still goes to garage 2, once.
    currentUser.value = fixture.user({ garageIds: [1, 2], defaultGarageId: 1 });
    garageChoices.value = { 7: 1 };
    const sent: (string | null)[] = [];
    server.use(
      http.post('/api/garages/2/tickets/:n/void', ({ request }) => {
        sent.push(request.headers.get('idempotency-key'));
        return HttpResponse.json(fixture.done(fixture.voidedTicket({ reason: 'test' })));
      }),
    );
    await outbox.drain();
    await outbox.drain();
    expect(sent).toEqual([item.key]);
    expect(outbox.items.value[0]).toMatchObject({ state: 'sent', outcome: { outcome: 'done' } });
    outbox.stop();
  });
});

describe('correction from Car out', () => {
  it('sends only what changed, and says what was corrected; a plate already parked is refused in the form', async () => {
    const bodies: unknown[] = [];
    let refuse = true;
    server.use(
      parked(),
      http.patch('/api/garages/1/tickets/:n', async ({ request }) => {
        bodies.push(await request.json());
        if (refuse) return HttpResponse.json(apiError('vehicle_already_parked', 'ABC 128 is already parked on ticket PS-AAAAAA'), { status: 409 });
        return HttpResponse.json(fixture.activeTicket({ licensePlate: 'ABC 128', vehicleType: 'SUV', entryTime: minutesAgo(90) }, new Date()));
      }),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    fireEvent.click(await screen.findByRole('button', { name: 'Correct plate or vehicle…' }));
    const plate = await screen.findByLabelText<HTMLInputElement>('License plate');
    expect(plate.value).toBe('ABC 123');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Car' }).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Nothing changed/);

    fireEvent.input(plate, { target: { value: 'abc 128' } });
    fireEvent.click(screen.getByRole('radio', { name: 'SUV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ABC 128 is already parked on ticket PS-AAAAAA');
    expect(plate.value).toBe('ABC 128');
    expect(outbox.items.value).toEqual([]);

    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText('Corrected: plate ABC 123 → ABC 128, vehicle Car → SUV')).toBeTruthy();
    expect(bodies.at(-1)).toEqual({ licensePlate: 'ABC 128', vehicleType: 'SUV' });
  });
});

describe('refund', () => {
  it('from a paid ticket looked up: prefilled with what is left, refused over the limit on the phone and by the server, then done', async () => {
    const paid = { entryTime: minutesAgo(120), paymentMethod: 'Debit Card' as const };
    const sent: unknown[] = [];
    const left = 1000;
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.completedTicket({ ...paid, refundedCents: 500 }))),
      http.post('/api/garages/1/tickets/:n/refunds', async ({ request }) => {
        const body = (await request.json()) as { amountCents: number };
        sent.push(body);
        if (body.amountCents > left)
          return HttpResponse.json(apiError('refund_exceeds_paid', `Only ${left / 100}.00 dollars of PS-7K3QXM can still be refunded (another refund was made meanwhile)`), { status: 409 });
        return HttpResponse.json(fixture.done(fixture.completedTicket({ ...paid, refundedCents: 500 + body.amountCents })));
      }),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect(await screen.findByRole('heading', { name: 'Already paid' })).toBeTruthy();
    expect(screen.getByTestId('amount-paid').textContent).toBe('$20.00');
    expect(screen.getByTestId('refunded').textContent).toBe('Refunded $5.00 · kept $15.00');

    fireEvent.click(screen.getByRole('button', { name: 'Refund…' }));
    const amount = await screen.findByLabelText<HTMLInputElement>('Amount to give back ($)');
    expect(amount.value).toBe('15.00');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Debit Card' }).checked).toBe(true);

    fireEvent.input(amount, { target: { value: '16' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Overcharged' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('At most $15.00 can be refunded on this ticket (paid $20.00, $5.00 refunded already).')).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    fireEvent.input(amount, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Only 10.00 dollars of PS-7K3QXM can still be refunded/);
    expect(amount.value).toBe('15');
    expect(outbox.items.value).toEqual([]);

    fireEvent.input(amount, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Refund done: give the driver back $10.00 (Debit Card)')).toBeTruthy();
    expect(screen.getByTestId('refunded').textContent).toBe('Refunded $15.00 · kept $5.00');
    expect(sent.at(-1)).toEqual({ amountCents: 1000, reason: 'overcharged', method: 'Debit Card' });
  });

  it('a cash refund refused for want of an open shift says so with the way to the Shift screen', async () => {
    const paid = { entryTime: minutesAgo(120), paymentMethod: 'Cash' as const };
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.completedTicket(paid))),
      http.post('/api/garages/1/tickets/:n/refunds', () =>
        HttpResponse.json(apiError('shift_required', 'Cash needs your open shift: open your shift with your float first'), { status: 409 }),
      ),
    );
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect(await screen.findByRole('heading', { name: 'Already paid' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refund…' }));
    await screen.findByLabelText('Amount to give back ($)');
    fireEvent.click(screen.getByRole('radio', { name: 'Overcharged' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/open your shift/i);
    expect(screen.getByTestId('open-shift-link').getAttribute('href')).toBe('/shift');
  });

  it('from the receipt just paid; waiting for a manager says to give no money back yet', async () => {
    const entryTime = minutesAgo(90);
    server.use(
      http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(fixture.activeTicket({ entryTime }, new Date()))),
      http.put('/api/garages/1/tickets/:n/exit', () => HttpResponse.json(fixture.completedTicket({ entryTime }))),
      http.post('/api/garages/1/tickets/:n/refunds', () =>
        HttpResponse.json(fixture.pending(fixture.exception({ id: 42, type: 'refund', amountCents: 2000, reason: 'goodwill' })), { status: 202 }),
      ),
      http.get('/api/garages/1/exceptions/42', () => HttpResponse.json(fixture.exception({ id: 42, type: 'refund', amountCents: 2000, reason: 'goodwill' }))),
    );
    renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    fireEvent.click(await screen.findByRole('button', { name: 'Cash' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Refund…' }));
    expect((await screen.findByLabelText<HTMLInputElement>('Amount to give back ($)')).value).toBe('20.00');
    fireEvent.click(screen.getByRole('radio', { name: 'Goodwill' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Waiting for a manager (expires 2:35 PM)')).toBeTruthy();
    expect(screen.getByText(/Give no money back yet/)).toBeTruthy();
  });
});

describe('lost ticket fee waiver', () => {
  it('shows the stay and the waived fee, and asks with the payment method', async () => {
    rememberStats(1, fixture.stats({ timezone: 'UTC', lostTicketPolicy: 'actual_plus_fee', lostTicketFeeCents: 2500 }));
    let body: unknown;
    server.use(
      parked(),
      http.post('/api/garages/1/tickets/:n/lost-ticket-waiver', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(fixture.pending(fixture.exception({ type: 'lost_ticket_waiver', amountCents: 2500, reason: 'lost_ticket' })), { status: 202 });
      }),
      http.get('/api/garages/1/exceptions/41', () => HttpResponse.json(fixture.exception({ type: 'lost_ticket_waiver', amountCents: 2500, reason: 'lost_ticket' }))),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    findTicket('PS-7K3QXM');
    expect(screen.queryByRole('button', { name: 'Waive the lost-ticket fee…' })).toBeNull();
    fireEvent.click(await screen.findByLabelText(/Lost ticket/));
    expect(screen.getByTestId('amount-due').textContent).toContain('$45.00');
    fireEvent.click(screen.getByRole('button', { name: 'Waive the lost-ticket fee…' }));
    expect(await screen.findByRole('heading', { name: 'Waive the lost-ticket fee' })).toBeTruthy();
    expect(screen.getByText('Lost-ticket fee waived').nextElementSibling?.textContent).toBe('$25.00');
    expect(screen.getByText('The driver pays').nextElementSibling?.textContent).toBe('$20.00');
    fireEvent.click(screen.getByRole('button', { name: 'Mobile' }));
    expect(await screen.findByText('Waiting for a manager (expires 2:35 PM)')).toBeTruthy();
    expect(body).toEqual({ paymentMethod: 'Mobile' });
    expect(outbox.items.value[0]).toMatchObject({ kind: 'waiver', quotedCents: 2000 });
  });
});
