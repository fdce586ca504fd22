import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fixture } from '../../test/fixtures.js';
import { server } from '../../test/msw.js';
import { renderWithOutbox, resetAppState, signedIn } from '../../test/render.js';
import { rememberStats } from '../lib/garage.js';
import { ValidationsScreen } from './validations.js';

beforeEach(() => {
  resetAppState();
  signedIn(fixture.user({ role: 'manager' }));
  rememberStats(1, fixture.stats({ timezone: 'America/New_York' }));
});

const type = (label: string, value: string, inside: HTMLElement = document.body) => fireEvent.input(within(inside).getByLabelText(label), { target: { value } });
const cinemaCodes = [fixture.validationCode(), fixture.validationCode({ id: 12, code: 'MOVIE2H', kind: 'minutes', value: 120, maxUses: null, uses: 40 })];

describe('Validations', () => {
  it("lists the merchants' codes in words, and ends a code now", async () => {
    let patch: { path: string; body: unknown } | undefined;
    server.use(
      http.get('/api/garages/1/merchants', () => HttpResponse.json([fixture.merchant({ codes: cinemaCodes })])),
      http.patch('/api/garages/1/merchants/:m/codes/:code', async ({ request, params }) => {
        patch = { path: `${params.m}/${params.code}`, body: await request.json() };
        return HttpResponse.json(fixture.validationCode({ validTo: new Date(Date.now() - 1000).toISOString() }));
      }),
    );
    renderWithOutbox(<ValidationsScreen />);
    const code = await screen.findByTestId('code-CINEMA5');
    expect(code.textContent).toMatch(/CINEMA5: \$5\.00 off · Valid/);
    expect(code.textContent).toMatch(/3 of 100 uses/);
    // Validity on the garage's clock (New York).
    expect(code.textContent).toMatch(/Dec 31, 7:00 PM – Dec 31, 7:00 PM/);
    expect(screen.getByTestId('code-MOVIE2H').textContent).toMatch(/MOVIE2H: 2 h free · Valid.*40 uses \(no limit\)/);

    fireEvent.click(within(code).getByRole('button', { name: 'End CINEMA5 now' }));
    await waitFor(() => expect(screen.getByTestId('code-CINEMA5').textContent).toMatch(/· Ended/));
    expect(patch?.path).toBe('5/CINEMA5');
    const validTo = (patch?.body as { validTo: string }).validTo;
    expect(Math.abs(Date.parse(validTo) - Date.now())).toBeLessThan(5_000);
    expect(Object.keys(patch?.body as object)).toEqual(['validTo']);
    expect(within(screen.getByTestId('code-CINEMA5')).queryByRole('button')).toBeNull();
  });

  it('adds a merchant, then a code with money in cents and validity from garage time; a taken code is said in words', async () => {
    const posted: unknown[] = [];
    server.use(
      http.get('/api/garages/1/merchants', () => HttpResponse.json([])),
      http.post('/api/garages/1/merchants', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(fixture.merchant({ id: 9, name: 'Book Nook', contact: null }), { status: 201 });
      }),
      http.post('/api/garages/1/merchants/9/codes', async ({ request }) => {
        const body = (await request.json()) as { code: string };
        posted.push(body);
        if (body.code === 'TAKEN') return HttpResponse.json(apiError('already_exists', 'This garage already has a code TAKEN; pick another'), { status: 409 });
        return HttpResponse.json(fixture.validationCode({ id: 30, merchantId: 9, merchantName: 'Book Nook', code: 'BOOK250', value: 250, maxUses: 50, uses: 0 }), { status: 201 });
      }),
    );
    renderWithOutbox(<ValidationsScreen />);
    expect(await screen.findByText('No merchants yet: add the first below.')).toBeTruthy();
    type('Merchant name', 'Book Nook');
    fireEvent.click(screen.getByRole('button', { name: 'Add merchant' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a code for Book Nook' }));

    const form = screen.getByRole('form', { name: 'Add a code for Book Nook' });
    type('Code', 'taken', form);
    type('Amount off ($)', '2.5', form);
    type('Valid from', '2026-12-01T09:00', form);
    type('Valid until', '2026-12-31T21:00', form);
    type('Uses at most (optional)', '50', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Add code' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('This garage already has a code TAKEN; pick another');

    type('Code', 'book250', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Add code' }));
    expect((await screen.findByTestId('code-BOOK250')).textContent).toMatch(/\$2\.50 off/);
    expect(posted).toEqual([
      { name: 'Book Nook', contact: null },
      { code: 'TAKEN', kind: 'amount', value: 250, validFrom: '2026-12-01T14:00:00.000Z', validTo: '2027-01-01T02:00:00.000Z', maxUses: 50 },
      { code: 'BOOK250', kind: 'amount', value: 250, validFrom: '2026-12-01T14:00:00.000Z', validTo: '2027-01-01T02:00:00.000Z', maxUses: 50 },
    ]);
  });

  it('checks a code on the phone with the shared rules before sending', async () => {
    server.use(http.get('/api/garages/1/merchants', () => HttpResponse.json([fixture.merchant()])));
    renderWithOutbox(<ValidationsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a code for Rialto Cinema' }));
    const form = screen.getByRole('form', { name: 'Add a code for Rialto Cinema' });
    type('Code', 'shop', form);
    fireEvent.click(within(form).getByLabelText('Percent off'));
    type('Percent taken off (%)', '150', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Add code' }));
    expect(await within(form).findByText(/^Too large for its kind/)).toBeTruthy();
    type('Code', 'x', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Add code' }));
    expect(await within(form).findByText('A validation code is 2 to 32 letters, digits or dashes')).toBeTruthy();
  });

  it('shows the bill-back per merchant for a range of days, with its CSV download', async () => {
    let query = '';
    server.use(
      http.get('/api/garages/1/merchants', () => HttpResponse.json([])),
      http.get('/api/garages/1/reports/validations', ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json(
          fixture.validationsReport([
            { merchantId: 5, name: 'Rialto Cinema', contact: 'accounts@rialto.example', uses: 4, discountCents: 2000, codes: [{ code: 'CINEMA5', uses: 4, discountCents: 2000 }] },
          ]),
        );
      }),
    );
    renderWithOutbox(<ValidationsScreen />);
    await screen.findByText('No merchants yet: add the first below.');
    type('First day', '2026-11-01');
    type('Last day', '2026-11-23');
    fireEvent.click(screen.getByRole('button', { name: 'Show the bill-back' }));
    const report = await screen.findByTestId('billback');
    expect(new URLSearchParams(query).get('from')).toBe('2026-11-01');
    expect(new URLSearchParams(query).get('to')).toBe('2026-11-23');
    expect(report.textContent).toMatch(/4 validated exits, \$20\.00 to bill/);
    expect(report.textContent).toMatch(/Rialto Cinema · accounts@rialto\.example4 · \$20\.00CINEMA54 · \$20\.00/);
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/garages/1/reports/validations?from=2026-11-01&to=2026-11-23&format=csv');
  });
});
