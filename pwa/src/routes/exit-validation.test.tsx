import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ValidationTerms } from '../../../shared/pricing.js';
import { QuoteBody, type RatePlanSnapshot } from '../../../shared/rate-plan.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { memoryStore } from '../lib/local-store.js';
import { networkUp } from '../lib/network.js';
import { ExitScreen } from './exit.js';

beforeEach(() => {
  resetAppState();
  signedIn();
  rememberStats(1, fixture.stats({ timezone: 'UTC' }));
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
/** The plan the truck came in under: $10/h, trucks $15/h. */
const plan: RatePlanSnapshot = { hourlyRate: 1000, vehicleRates: { Truck: 1500 }, graceMinutes: 0, dailyMaxCents: null, bands: [], specials: [], events: [], version: 3, timezone: 'UTC' };
const tariff = { hourlyRate: 1500, graceMinutes: 0, dailyMaxCents: null, plan };
const cinema: ValidationTerms = { code: 'CINEMA5', merchant: 'Rialto Cinema', kind: 'amount', value: 500 };
const codeField = () => screen.getByLabelText<HTMLInputElement>('Validation code (optional)');

/** A truck in for 90 minutes: 2 h × $15.00 = $30.00 by its own plan. */
function truckInside() {
  const truck = fixture.activeTicket({ vehicleType: 'Truck', entryTime: minutesAgo(90), tariff }, new Date());
  server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.json(truck)));
  return truck;
}

async function lookUpTruck() {
  fireEvent.input(screen.getByLabelText('Ticket number'), { target: { value: 'PS-7K3QXM' } });
  fireEvent.click(screen.getByRole('button', { name: 'Find ticket' }));
  expect((await screen.findByTestId('amount-due')).textContent).toContain('$30.00');
}

describe('Car out with a validation code', () => {
  it("checks the code online with the ticket's entry, vehicle type and tariff, collects the validated amount and sends the code with the exit", async () => {
    const truck = truckInside();
    let asked: QuoteBody | undefined;
    let exitBody: unknown;
    server.use(
      http.post('/api/garages/1/rate-plan/quote', async ({ request }) => {
        asked = QuoteBody.parse(await request.json());
        return HttpResponse.json(fixture.stayQuote(asked.plan!, { ...asked, terms: cinema }));
      }),
      http.put('/api/garages/1/tickets/:n/exit', async ({ request }) => {
        exitBody = await request.json();
        return HttpResponse.json(fixture.completedTicket({ vehicleType: 'Truck', entryTime: truck.entryTime, tariff }));
      }),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    await lookUpTruck();
    fireEvent.input(codeField(), { target: { value: 'cinema5' } });
    // A code typed but not checked: no payment until it is applied or removed.
    expect(screen.getByRole<HTMLFieldSetElement>('group', { name: 'Payment method' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Apply code' }));

    await waitFor(() => expect(screen.getByTestId('amount-due').textContent).toContain('$25.00'));
    expect(asked).toMatchObject({ vehicleType: 'Truck', entryTime: truck.entryTime, validationCode: 'CINEMA5', plan: { vehicleRates: { Truck: 1500 } } });
    expect(Math.abs(Date.parse(asked!.exitTime) - Date.now())).toBeLessThan(5_000);
    expect(screen.getByText('Validated by Rialto Cinema (CINEMA5)')).toBeTruthy();
    expect(screen.getByTestId('fee-line-validation').textContent).toBe('−$5.00');
    expect(screen.getByText(/CINEMA5 applied/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Credit Card' }));
    await screen.findByTestId('amount-paid');
    expect(exitBody).toMatchObject({ paymentMethod: 'Credit Card', validationCode: 'CINEMA5' });
    expect(outbox.items.value[0]).toMatchObject({ quotedCents: 2500 });
  });

  it("shows a refused code's sentence, keeps the amount, and takes payment without the code once it is removed", async () => {
    truckInside();
    let exitBody: unknown;
    server.use(
      http.post('/api/garages/1/rate-plan/quote', () =>
        HttpResponse.json(apiError('validation_refused', 'CINEMA5 (Rialto Cinema) has no uses left: charge without it'), { status: 409 }),
      ),
      http.put('/api/garages/1/tickets/:n/exit', async ({ request }) => {
        exitBody = await request.json();
        return HttpResponse.json(fixture.completedTicket({ vehicleType: 'Truck', tariff }));
      }),
    );
    renderWithOutbox(<ExitScreen />);
    await lookUpTruck();
    fireEvent.input(codeField(), { target: { value: 'CINEMA5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply code' }));
    expect((await screen.findByRole('alert')).textContent).toBe('CINEMA5 (Rialto Cinema) has no uses left: charge without it');
    expect(screen.getByTestId('amount-due').textContent).toContain('$30.00');
    expect(codeField().getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Remove code' }));
    expect(codeField().value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    await screen.findByTestId('amount-paid');
    expect(exitBody).toEqual({ paymentMethod: 'Cash', exitTime: expect.any(String) });
  });

  it("shows the server's refusal when the code is refused at the exit itself (its last use taken meanwhile)", async () => {
    truckInside();
    server.use(
      http.post('/api/garages/1/rate-plan/quote', async ({ request }) => {
        const q = QuoteBody.parse(await request.json());
        return HttpResponse.json(fixture.stayQuote(q.plan!, { ...q, terms: cinema }));
      }),
      http.put('/api/garages/1/tickets/:n/exit', () =>
        HttpResponse.json(apiError('validation_refused', 'CINEMA5 (Rialto Cinema) has no uses left: charge without it'), { status: 409 }),
      ),
    );
    const { outbox } = renderWithOutbox(<ExitScreen />);
    await lookUpTruck();
    fireEvent.input(codeField(), { target: { value: 'CINEMA5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply code' }));
    await waitFor(() => expect(screen.getByTestId('amount-due').textContent).toContain('$25.00'));
    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    expect((await screen.findByRole('alert')).textContent).toBe('CINEMA5 (Rialto Cinema) has no uses left: charge without it');
    expect(outbox.items.value).toEqual([]);
  });

  it('offline: the code field is off, says codes are checked online, and nothing is guessed', async () => {
    networkUp.value = false;
    server.use(http.get('/api/garages/1/tickets/:n', () => HttpResponse.error()));
    const seen = fixture.activeTicket({ vehicleType: 'Truck', entryTime: minutesAgo(90), tariff }, new Date());
    renderWithOutbox(<ExitScreen />, memoryStore([], [seen]));
    await lookUpTruck();
    expect(codeField().disabled).toBe(true);
    expect(screen.getByText(/^Codes are checked online/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply code' })).toBeNull();
    expect(screen.getByRole<HTMLFieldSetElement>('group', { name: 'Payment method' }).disabled).toBe(false);
  });
});
