import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuoteBody, RatePlanBody } from '../../../shared/rate-plan.js';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { RatesScreen } from './rates.js';

beforeEach(() => {
  resetAppState();
  signedIn(fixture.user({ role: 'manager' }));
});

const field = (label: string | RegExp, inside: HTMLElement = document.body) => within(inside).getByLabelText<HTMLInputElement>(label);
const type = (input: HTMLInputElement, value: string) => fireEvent.input(input, { target: { value } });
const group = (name: string) => screen.getByRole('group', { name });

/** Answers every preview with the stay priced under the draft it sent; keeps what was sent. */
function previewAnswers(sent: QuoteBody[] = []) {
  return http.post('/api/garages/1/rate-plan/quote', async ({ request }) => {
    const q = QuoteBody.parse(await request.json());
    sent.push(q);
    return HttpResponse.json(fixture.stayQuote(q.plan!, q));
  });
}

describe('Rates', () => {
  it('shows the plan in force, and saves the edited plan whole, money in cents and event times from garage time to UTC', async () => {
    let put: unknown;
    server.use(
      http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan({ timezone: 'America/New_York', vehicleRates: { Motorcycle: 400 } }))),
      http.put('/api/garages/1/rate-plan', async ({ request }) => {
        put = await request.json();
        return HttpResponse.json(fixture.ratePlan({ ...RatePlanBody.parse(put), version: 4, timezone: 'America/New_York', createdAt: '2026-11-23T15:00:00.000Z' }));
      }),
      previewAnswers(),
    );
    renderWithOutbox(<RatesScreen />);
    expect((await screen.findByTestId('plan-version')).textContent).toMatch(/version 3, saved by maria on Nov 20/);
    expect(field('Default hourly rate ($)').value).toBe('10.00');
    expect(field('Motorcycle ($/h)').value).toBe('4.00');

    type(field('Default hourly rate ($)'), '12.5');
    type(field('Truck ($/h)'), '15');
    type(field('Daily maximum ($)'), '60');
    type(field('Grace (minutes)'), '10');

    fireEvent.click(screen.getByRole('button', { name: 'Add a time band' }));
    type(field('Name', group('Time band 1')), 'Night');
    type(field('Hourly rate ($)', group('Time band 1')), '2');

    fireEvent.click(screen.getByRole('button', { name: 'Add a special' }));
    const special = group('Special 1');
    type(field('Name', special), 'Early bird');
    type(field('Price ($)', special), '12');
    // Monday to Friday to start with; Friday off, Saturday on.
    fireEvent.click(within(special).getByLabelText('Fri'));
    fireEvent.click(within(special).getByLabelText('Sat'));

    fireEvent.click(screen.getByRole('button', { name: 'Add an event' }));
    const event = group('Event 1');
    type(field('Name', event), 'Concert');
    type(field('Cars in from', event), '2026-12-12T17:00');
    type(field('Until', event), '2026-12-12T23:30');
    type(field('Price ($)', event), '25');

    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText(/^Saved as version 4\. It prices cars coming in from now on; cars already inside keep/)).toBeTruthy();
    expect(put).toEqual({
      hourlyRate: 1250,
      vehicleRates: { Motorcycle: 400, Truck: 1500 },
      graceMinutes: 10,
      dailyMaxCents: 6000,
      bands: [{ name: 'Night', from: '22:00', to: '06:00', hourlyRate: 200, vehicleRates: {} }],
      specials: [{ name: 'Early bird', entryFrom: '06:00', entryTo: '09:00', exitBy: '19:00', weekdays: [1, 2, 3, 4, 6], priceCents: 1200 }],
      events: [{ name: 'Concert', from: '2026-12-12T22:00:00.000Z', to: '2026-12-13T04:30:00.000Z', priceCents: 2500 }],
    });
    expect(screen.getByTestId('plan-version').textContent).toMatch(/version 4/);
    // The form shows what was saved, event times back on the garage's clock.
    expect(field('Cars in from', group('Event 1')).value).toBe('2026-12-12T17:00');
  });

  it('checks the plan with the shared rules on the phone: overlapping bands and unreadable amounts are marked, nothing is sent', async () => {
    server.use(http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan())), previewAnswers());
    renderWithOutbox(<RatesScreen />);
    await screen.findByTestId('plan-version');
    fireEvent.click(screen.getByRole('button', { name: 'Add a time band' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a time band' }));
    for (const [name, rate] of [['Time band 1', '2'], ['Time band 2', '3']] as const) {
      type(field('Name', group(name)), name);
      type(field('Hourly rate ($)', group(name)), rate);
    }
    type(field('From', group('Time band 2')), '23:00');
    type(field('To', group('Time band 2')), '23:30');
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Nothing was saved; your changes are still in the form/);
    expect(screen.getByTestId('issue-bands').textContent).toBe('Bands 1 and 2 overlap at 23:00');

    type(field('Default hourly rate ($)'), 'ten');
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(screen.getByText('Enter the rate in dollars, e.g. 10 or 12.50')).toBeTruthy();
    expect(document.activeElement).toBe(field('Default hourly rate ($)'));
    expect(field('Default hourly rate ($)').value).toBe('ten');
  });

  it("shows the server's 400 messages next to their fields, bounds in dollars, and keeps the changes", async () => {
    server.use(
      http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan())),
      http.put('/api/garages/1/rate-plan', () =>
        HttpResponse.json(
          apiError('validation_failed', 'Invalid body', [
            { path: 'dailyMaxCents', message: 'Too big: expected number to be <=100000000' },
            { path: 'graceMinutes', message: 'Grace is longer than the daily maximum covers' },
          ]),
          { status: 400 },
        ),
      ),
      previewAnswers(),
    );
    renderWithOutbox(<RatesScreen />);
    await screen.findByTestId('plan-version');
    type(field('Daily maximum ($)'), '45');
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The server refused the fields marked above/);
    expect(screen.getByText('At most $1,000,000.00')).toBeTruthy();
    expect(screen.getByText('Grace is longer than the daily maximum covers')).toBeTruthy();
    expect(field('Grace (minutes)').getAttribute('aria-invalid')).toBe('true');
    expect(field('Daily maximum ($)').value).toBe('45');
  });

  it('previews a stay with the draft plan as the form changes, and shows its price in words', async () => {
    const sent: QuoteBody[] = [];
    server.use(http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan())), previewAnswers(sent));
    renderWithOutbox(<RatesScreen />);
    await screen.findByTestId('plan-version');
    type(field('In'), '2026-11-23T08:00');
    type(field('Out'), '2026-11-23T10:30');
    fireEvent.click(screen.getByLabelText('Truck'));
    type(field('Truck ($/h)'), '15');
    await waitFor(() => expect(screen.getByTestId('preview-total').textContent).toBe('$45.00'));
    expect(screen.getByTestId('preview-words').textContent).toBe('Regular rate: 3 h from 08:00 × $15.00: $45.00');
    // One question for the last state of the form (the changes above came within the pause).
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ vehicleType: 'Truck', entryTime: '2026-11-23T08:00:00.000Z', exitTime: '2026-11-23T10:30:00.000Z', plan: { hourlyRate: 1000, vehicleRates: { Truck: 1500 } } });

    // A special the stay qualifies for is in the draft: the preview says so.
    fireEvent.click(screen.getByRole('button', { name: 'Add a special' }));
    type(field('Name', group('Special 1')), 'Early bird');
    type(field('Price ($)', group('Special 1')), '12');
    await waitFor(() => expect(screen.getByTestId('preview-total').textContent).toBe('$12.00'));
    expect(screen.getByTestId('preview-words').textContent).toBe('Early bird (in 06:00–09:00, out by 19:00): $12.00');
  });

  it('never lets an older preview answer replace a newer one', async () => {
    const sent: QuoteBody[] = [];
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    server.use(
      http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan())),
      http.post('/api/garages/1/rate-plan/quote', async ({ request }) => {
        const q = QuoteBody.parse(await request.json());
        sent.push(q);
        if (sent.length === 1) await firstHeld;
        return HttpResponse.json(fixture.stayQuote(q.plan!, q));
      }),
    );
    renderWithOutbox(<RatesScreen />);
    await screen.findByTestId('plan-version');
    type(field('In'), '2026-11-23T08:00');
    type(field('Out'), '2026-11-23T10:00');
    await waitFor(() => expect(sent).toHaveLength(1));
    type(field('Default hourly rate ($)'), '20');
    await waitFor(() => expect(screen.getByTestId('preview-total').textContent).toBe('$40.00'));
    releaseFirst();
    await delay(50);
    expect(screen.getByTestId('preview-total').textContent).toBe('$40.00');
    expect(sent.map((q) => q.plan?.hourlyRate)).toEqual([1000, 2000]);
  });

  it("says a validation code's refusal in the server's sentence", async () => {
    server.use(
      http.get('/api/garages/1/rate-plan', () => HttpResponse.json(fixture.ratePlan())),
      http.post('/api/garages/1/rate-plan/quote', () =>
        HttpResponse.json(apiError('validation_refused', 'NOPE is not a validation code of this garage: charge without it'), { status: 409 }),
      ),
    );
    renderWithOutbox(<RatesScreen />);
    await screen.findByTestId('plan-version');
    type(field('Validation code (optional)'), 'nope');
    expect((await screen.findByTestId('preview-problem')).textContent).toBe('NOPE is not a validation code of this garage: charge without it');
  });
});
